import { divisionLevel } from '../core/divisionCode.js';
import type { DatasetKey } from '../ingest/datasetDefinition.js';
import { divisionsUnder, nationalDivision } from '../jurisdiction/nationalDivisions.js';
import { birthDate } from './calendar.js';
import type { DatasetRows, DemoOptions } from './demoCounty.js';
import { SpecMaker } from './householdSpecs.js';
import { randomSurname } from './names.js';
import { creditCode, plate, propertyCertificate } from './rowBuilders.js';
import type { HandlerPost } from './programmes.js';
import { Random } from './random.js';
import {
  People,
  type Household,
  type MemberSpec,
  type Official,
  type Person,
  type RelationToHead,
  type Sex,
  type Township,
  type Village,
} from './world.js';

/**
 * The skeleton of the county, built before any row is written: the places, the officials
 * with their households and declared relatives, and the households of the injected cases.
 * Everything else (the ordinary households) is generated while the rows stream out.
 */

/** A household built ahead of the stream. */
export interface Special {
  household: Household;
  kind: 'official' | 'relative' | 'case';
  /** Official and relative households: whether they may draw (non-means-tested) payments. */
  payments: boolean;
  /** The injected facts of a case (payments without their record number yet). */
  rows: [DatasetKey, DatasetRows][];
}

const declaredRelationOf: Partial<Record<RelationToHead, string>> = {
  配偶: '配偶',
  子: '子女',
  女: '子女',
  父: '父母',
  母: '父母',
  儿媳: '子女配偶',
  女婿: '子女配偶',
  孙子: '其他亲属',
  孙女: '其他亲属',
  兄: '兄弟姐妹',
  弟: '兄弟姐妹',
  姐: '兄弟姐妹',
  妹: '兄弟姐妹',
};

export interface OfficialRole {
  organisation: string;
  position: string;
  category: Official['category'];
  jurisdiction: string;
  start: string;
  end?: string;
  statePaid: boolean;
  /** Whether the monthly payroll follows from the term (default: when state-paid). */
  autoPayroll?: boolean;
}

export class CountyPlan {
  readonly year: number;
  readonly today: string;
  readonly region: string;
  readonly countyCode: string;
  readonly countyName: string;
  readonly townships: Township[] = [];
  readonly villages: Village[] = [];
  /** Real villages under the region that get no residents (small demos). */
  readonly emptyVillages: { code: string; name: string }[] = [];
  readonly officials: Official[] = [];
  readonly relations: DatasetRows[] = [];
  readonly countyStaff: Official[] = [];
  readonly specials = new Map<string, Special[]>();
  readonly random: Random;
  readonly people: People;
  readonly specs: SpecMaker;
  private specialPeople = 0;
  private readonly sequences = { plate: 0, property: 0, business: 0, approval: 0 };

  constructor(readonly options: DemoOptions) {
    this.year = options.year;
    this.today = `${options.year + 1}-01-15`;
    this.region = options.region;
    this.random = new Random(options.seed, 1);
    this.specs = new SpecMaker(this.random, this.year);
    const level = divisionLevel(options.region);
    if (!/^\d{12}$/.test(options.region) || level < 3)
      throw new Error(`region must be the 12-digit code of a county, township or village`);
    this.countyCode = `${options.region.slice(0, 6)}000000`;
    const county = nationalDivision(this.countyCode);
    if (!county) throw new Error(`unknown county ${this.countyCode}`);
    this.countyName = county.name;
    this.people = new People(options.region.slice(0, 6), new Random(options.seed, 2));
    this.selectPlaces(level);
    this.appointOfficials();
  }

  /** The places that get residents: about one village per hundred people, few townships. */
  private selectPlaces(level: number): void {
    const byTownship = new Map<string, { code: string; name: string }[]>();
    const townshipNames = new Map<string, string>();
    for (const record of divisionsUnder(this.region)) {
      if (record.level === 4) townshipNames.set(record.code, record.name);
      if (record.level !== 5) continue;
      const parent = record.parentCode!;
      if (!byTownship.has(parent)) byTownship.set(parent, []);
      byTownship.get(parent)!.push({ code: record.code, name: record.name });
    }
    if (level === 5) {
      const parent = `${this.region.slice(0, 9)}000`;
      townshipNames.set(parent, nationalDivision(parent)?.name ?? '');
    }
    const townshipCodes = [...byTownship.keys()].sort();
    if (townshipCodes.length === 0) throw new Error(`no villages under ${this.region}`);
    const allCount = townshipCodes.reduce((n, t) => n + byTownship.get(t)!.length, 0);
    const wanted = Math.max(1, Math.min(allCount, Math.round(this.options.people / 100)));
    let chosen: string[];
    if (wanted >= allCount) chosen = townshipCodes;
    else {
      const average = allCount / townshipCodes.length;
      const count = Math.min(
        townshipCodes.length,
        Math.max(Math.min(2, townshipCodes.length), Math.ceil(wanted / Math.max(1, average))),
      );
      chosen = [];
      for (let i = 0; i < count; i += 1)
        chosen.push(townshipCodes[Math.floor((i * townshipCodes.length) / count)]!);
      while (chosen.reduce((n, t) => n + byTownship.get(t)!.length, 0) < wanted) {
        const next = townshipCodes.find((t) => !chosen.includes(t))!;
        chosen.push(next);
        chosen.sort();
      }
    }
    const queues = chosen.map((t) => [...byTownship.get(t)!]);
    const picked = new Set<string>();
    for (let round = 0; picked.size < wanted; round += 1) {
      for (const queue of queues) {
        const next = queue[round];
        if (next && picked.size < wanted) picked.add(next.code);
      }
    }
    for (const code of townshipCodes) {
      const villages = byTownship.get(code)!;
      const selected = villages.filter((v) => picked.has(v.code));
      for (const v of villages) if (!picked.has(v.code)) this.emptyVillages.push(v);
      if (selected.length === 0) continue;
      const township: Township = {
        code,
        name: townshipNames.get(code) ?? '',
        villages: [],
        handlers: new Map(),
        staff: [],
      };
      this.townships.push(township);
      for (const v of selected) {
        const village: Village = {
          code: v.code,
          name: v.name,
          township,
          households: 0,
          committee: v.name.endsWith('社区') ? `${v.name}居民委员会` : `${v.name}村民委员会`,
          cadres: [],
        };
        township.villages.push(village);
        this.villages.push(village);
      }
    }
  }

  get shortCountyName(): string {
    return this.countyName.replace(
      /(苗族|土家族|侗族|瑶族|彝族|回族|满族|蒙古族|藏族|壮族|自治)+县$/,
      '县',
    );
  }

  addSpecial(household: Household, kind: Special['kind'], payments = false): Special {
    const special: Special = { household, kind, payments, rows: [] };
    const list = this.specials.get(household.village.code);
    if (list) list.push(special);
    else this.specials.set(household.village.code, [special]);
    this.specialPeople += household.members.length;
    return special;
  }

  get specialPeopleCount(): number {
    return this.specialPeople;
  }

  /** A head of household of a given sex and age (in the middle of the year). */
  headSpec(sex: Sex, age: number, surname = randomSurname(this.random)): MemberSpec {
    return this.specs.member('户主', sex, age, surname);
  }

  official(person: Person, household: Household, role: OfficialRole): Official {
    const official: Official = {
      person,
      household,
      organisation: role.organisation,
      position: role.position,
      category: role.category,
      jurisdiction: role.jurisdiction,
      start: role.start,
      end: role.end ?? '',
      statePaid: role.statePaid,
      salaryFen:
        role.statePaid && role.autoPayroll !== false ? this.random.int(4200, 9800) * 100 : 0,
    };
    this.officials.push(official);
    return official;
  }

  declare(official: Official, relative: Person, relation: string): void {
    this.relations.push({
      official_id_number: official.person.id,
      relative_id_number: relative.id,
      relative_name: relative.name,
      relation,
    });
  }

  /** Declares the members of the official's own household. */
  declareHousehold(official: Official): void {
    for (const member of official.household.members) {
      if (member === official.person) continue;
      const relation = declaredRelationOf[member.relation];
      if (relation) this.declare(official, member, relation);
    }
  }

  /** An official heading a new household in `village`, with declared family. */
  private appoint(
    village: Village,
    sex: Sex,
    age: number,
    role: OfficialRole,
    handler: boolean,
  ): Official {
    const household = this.people.household(
      village,
      this.specs.familyAround(this.headSpec(sex, age)),
    );
    this.addSpecial(household, 'official', !handler);
    const official = this.official(household.members[0]!, household, role);
    this.declareHousehold(official);
    this.outsideRelatives(official, handler);
    return official;
  }

  /** Parents, siblings, grown children and now and then a 特定关系人 in other households. */
  private outsideRelatives(official: Official, handler: boolean): void {
    const r = this.random;
    const me = official.person;
    const age = this.year - Number(me.birth.slice(0, 4));
    const township = official.household.village.township;
    const place = (): Village =>
      r.chance(0.7) ? official.household.village : r.pick(township.villages);
    const surname = me.name.slice(0, 1);
    const hasParents = official.household.members.some(
      (m) => m.relation === '父' || m.relation === '母',
    );
    if (!hasParents && age < 64 && r.chance(0.4)) {
      const fatherAge = Math.min(97, age + r.int(23, 33));
      const specs: MemberSpec[] = [];
      if (fatherAge < 92) {
        specs.push(this.specs.member('户主', '男', fatherAge, surname));
        specs.push(this.specs.member('配偶', '女', fatherAge - r.int(0, 4), randomSurname(r)));
      } else specs.push(this.specs.member('户主', '女', fatherAge - r.int(0, 4), randomSurname(r)));
      const household = this.people.household(place(), specs);
      this.addSpecial(household, 'relative', !handler);
      for (const parent of household.members) this.declare(official, parent, '父母');
    }
    if (r.chance(0.35)) {
      const sex: Sex = r.chance(0.5) ? '男' : '女';
      const sibling = this.specs.member('户主', sex, Math.max(20, age + r.int(-8, 8)), surname);
      const specs =
        sex === '男' ? this.specs.familyAround(sibling) : this.specs.marriedWoman(sibling);
      const household = this.people.household(place(), specs);
      this.addSpecial(household, 'relative', !handler);
      this.declare(official, household.members[sex === '男' ? 0 : 1]!, '兄弟姐妹');
    }
    if (age >= 50 && r.chance(0.3)) {
      const sex: Sex = r.chance(0.5) ? '男' : '女';
      const childSurname = me.sex === '男' ? surname : randomSurname(r);
      const child = this.specs.member('户主', sex, age - r.int(24, 30), childSurname);
      const specs = sex === '男' ? this.specs.familyAround(child) : this.specs.marriedWoman(child);
      const household = this.people.household(place(), specs);
      this.addSpecial(household, 'relative', !handler);
      this.declare(official, household.members[sex === '男' ? 0 : 1]!, '子女');
    }
    if (r.chance(0.05)) {
      const household = this.people.household(place(), this.specs.anyShape(4));
      this.addSpecial(household, 'relative', !handler);
      this.declare(official, household.members[0]!, '特定关系人');
    }
  }

  private termStart(): string {
    return birthDate(this.random, this.year - this.random.int(3, 9));
  }

  private appointOfficials(): void {
    const r = this.random;
    const county = this.countyName;
    const seatVillages = this.townships[0]!.villages;
    const countyPosts: [string, string][] = [
      ['民政局', '局长'],
      ['民政局', '社会救助股股长'],
      ['人力资源和社会保障局', '城乡居民养老保险股股长'],
      ['农业农村局', '计划财务股股长'],
      ['住房和城乡建设局', '村镇建设股股长'],
      ['残疾人联合会', '理事长'],
      ['财政局', '社会保障股股长'],
      ['纪律检查委员会', '第一纪检监察室主任'],
    ];
    for (const [unit, position] of countyPosts) {
      this.countyStaff.push(
        this.appoint(
          r.pick(seatVillages),
          r.chance(0.75) ? '男' : '女',
          r.int(30, 56),
          {
            organisation: `${county}${unit}`,
            position,
            category: '公务员',
            jurisdiction: this.countyCode,
            start: this.termStart(),
            statePaid: true,
          },
          false,
        ),
      );
    }
    const townshipPosts: [string, string, Official['category'], HandlerPost | null][] = [
      ['人民政府', '党委书记', '公务员', null],
      ['人民政府', '乡镇长', '公务员', null],
      ['人民政府', '民政专干', '公务员', '民政专干'],
      ['社会保障服务站', '社保专干', '事业人员', '社保专干'],
      ['农业综合服务中心', '农业专干', '事业人员', '农业专干'],
      ['规划建设环保站', '村镇建设专干', '事业人员', '村镇建设专干'],
    ];
    for (const township of this.townships) {
      for (const [unit, position, category, post] of townshipPosts) {
        const official = this.appoint(
          r.pick(township.villages),
          r.chance(0.7) ? '男' : '女',
          r.int(28, 55),
          {
            organisation: `${township.name}${unit}`,
            position,
            category,
            jurisdiction: township.code,
            start: this.termStart(),
            statePaid: true,
          },
          post !== null,
        );
        township.staff.push(official);
        if (post) township.handlers.set(post, official);
      }
    }
    for (const village of this.villages) {
      const secretary = village.name.endsWith('社区') ? '社区党组织书记' : '村党支部书记';
      const posts = [
        [secretary, `中共${village.name}委员会`],
        [village.name.endsWith('社区') ? '社区居委会主任' : '村委会主任', village.committee],
        [village.name.endsWith('社区') ? '社区会计' : '村会计', village.committee],
      ] as const;
      const start = `${this.year - 3}-01-${String(r.int(8, 28)).padStart(2, '0')}`;
      for (const [position, organisation] of posts) {
        village.cadres.push(
          this.appoint(
            village,
            r.chance(0.8) ? '男' : '女',
            r.int(32, 61),
            {
              organisation,
              position,
              category: '村干部',
              jurisdiction: village.code,
              start,
              statePaid: false,
            },
            false,
          ),
        );
      }
      if (r.chance(0.15)) {
        this.appoint(
          village,
          '男',
          r.int(45, 70),
          {
            organisation: village.committee,
            position: '村委会主任',
            category: '村干部',
            jurisdiction: village.code,
            start: `${this.year - 9}-01-${String(r.int(8, 28)).padStart(2, '0')}`,
            end: `${this.year - 3}-01-${String(r.int(1, 7)).padStart(2, '0')}`,
            statePaid: false,
          },
          false,
        );
      }
    }
  }

  nextPlate(): string {
    this.sequences.plate += 1;
    return plate(this.region, this.sequences.plate);
  }

  nextPropertyCertificate(registered: string): string {
    this.sequences.property += 1;
    return propertyCertificate(
      this.region,
      this.shortCountyName,
      registered.slice(0, 4),
      this.sequences.property,
    );
  }

  nextCreditCode(company: boolean): string {
    this.sequences.business += 1;
    return creditCode(this.region, company, this.sequences.business);
  }

  nextCaseNo(): string {
    this.sequences.approval += 1;
    return `SP-${this.year}-${String(this.sequences.approval).padStart(6, '0')}`;
  }

  handler(village: Village, post: HandlerPost): Official {
    return village.township.handlers.get(post)!;
  }
}
