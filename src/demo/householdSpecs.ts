import { birthDate } from './calendar.js';
import { randomSurname } from './names.js';
import type { Random } from './random.js';
import type { MemberSpec, RelationToHead, Sex } from './world.js';

/**
 * Household shapes with ages that fit the relations: elderly alone or in couples, young
 * families, three generations under one roof. Ages are counted at the middle of `year`.
 */

type Template =
  | 'singleElderly'
  | 'elderlyCouple'
  | 'singleAdult'
  | 'couple'
  | 'nuclear'
  | 'withParents'
  | 'threeGenerations'
  | 'daughterLine'
  | 'siblings'
  | 'singleParent';

const templates: readonly (readonly [Template, number])[] = [
  ['singleElderly', 7],
  ['elderlyCouple', 11],
  ['singleAdult', 5],
  ['couple', 6],
  ['nuclear', 27],
  ['withParents', 16],
  ['threeGenerations', 15],
  ['daughterLine', 5],
  ['siblings', 3],
  ['singleParent', 5],
];

export class SpecMaker {
  constructor(
    private readonly random: Random,
    private readonly year: number,
  ) {}

  /** A member `age` years old in the middle of the year. */
  member(relation: RelationToHead, sex: Sex, age: number, surname: string): MemberSpec {
    const a = Math.max(0, Math.min(age, 104));
    // Born in the first half of (year - age) or the second half of (year - age - 1).
    const firstHalf = this.random.chance(0.5);
    const birthYear = this.year - a - (firstHalf ? 0 : 1);
    const month = firstHalf ? this.random.int(1, 6) : this.random.int(7, 12);
    const birth = birthDate(this.random, birthYear, a === 0 ? this.random.int(1, 6) : month);
    return { relation, sex, birth: a === 0 ? `${this.year}${birth.slice(4)}` : birth, surname };
  }

  private sex(): Sex {
    return this.random.chance(0.5) ? '男' : '女';
  }

  private children(
    fatherSurname: string,
    youngestParentAge: number,
    count: number,
    relations: { son: RelationToHead; daughter: RelationToHead } = { son: '子', daughter: '女' },
  ): MemberSpec[] {
    const out: MemberSpec[] = [];
    const oldest = Math.max(0, youngestParentAge - 21);
    for (let i = 0; i < count; i += 1) {
      const sex = this.sex();
      const age = this.random.int(Math.max(0, oldest - 12), oldest);
      out.push(
        this.member(sex === '男' ? relations.son : relations.daughter, sex, age, fatherSurname),
      );
    }
    return out.sort((a, b) => (a.birth < b.birth ? -1 : 1));
  }

  /** A couple: husband and wife around `age`; `wifeIsHead` swaps who is 户主. */
  couple(age: number, wifeIsHead = false): [MemberSpec, MemberSpec] {
    const husbandSurname = randomSurname(this.random);
    const wifeAge = Math.max(18, age - this.random.int(-1, 5));
    const husband = this.member(wifeIsHead ? '配偶' : '户主', '男', age, husbandSurname);
    const wife = this.member(
      wifeIsHead ? '户主' : '配偶',
      '女',
      wifeAge,
      randomSurname(this.random),
    );
    return wifeIsHead ? [wife, husband] : [husband, wife];
  }

  /** A household of a random shape with at most `maxSize` members. */
  anyShape(maxSize: number): MemberSpec[] {
    const specs = this.ofTemplate(this.random.weighted(templates));
    return specs.slice(0, Math.max(1, maxSize));
  }

  /** The family around a given head: spouse, children, sometimes the head's parents. */
  familyAround(headSpec: MemberSpec): MemberSpec[] {
    const r = this.random;
    const age = this.year - Number(headSpec.birth.slice(0, 4));
    const out: MemberSpec[] = [headSpec];
    let youngestParent = age;
    let fatherSurname = headSpec.surname;
    if (age >= 24 && r.chance(0.88)) {
      const sex: Sex = headSpec.sex === '男' ? '女' : '男';
      const spouseAge = Math.max(20, age + (sex === '女' ? -r.int(0, 4) : r.int(0, 4)));
      const spouse = this.member('配偶', sex, spouseAge, randomSurname(r));
      out.push(spouse);
      youngestParent = Math.min(age, spouseAge);
      if (sex === '男') fatherSurname = spouse.surname;
    }
    if (age >= 25) {
      const count = age >= 52 ? r.int(0, 1) : r.int(0, 2);
      out.push(...this.children(fatherSurname, youngestParent, count));
    }
    if (age < 50 && r.chance(0.3)) {
      const fatherAge = Math.min(95, age + r.int(23, 33));
      if (r.chance(0.6)) out.push(this.member('父', '男', fatherAge, headSpec.surname));
      else out.push(this.member('母', '女', fatherAge - r.int(0, 3), randomSurname(r)));
    }
    return out;
  }

  /** A married woman's household: her husband is 户主, she is 配偶, with their children. */
  marriedWoman(woman: MemberSpec): MemberSpec[] {
    const r = this.random;
    const age = this.year - Number(woman.birth.slice(0, 4));
    const husband = this.member('户主', '男', age + r.int(0, 4), randomSurname(r));
    const wife: MemberSpec = { ...woman, relation: '配偶' };
    const kids = age >= 25 ? this.children(husband.surname, age, r.int(0, 2)) : [];
    return [husband, wife, ...kids];
  }

  ofTemplate(template: Template): MemberSpec[] {
    const r = this.random;
    switch (template) {
      case 'singleElderly':
        return [this.member('户主', this.sex(), r.int(62, 96), randomSurname(r))];
      case 'elderlyCouple':
        return this.couple(r.int(62, 91));
      case 'singleAdult':
        return [this.member('户主', r.chance(0.7) ? '男' : '女', r.int(22, 59), randomSurname(r))];
      case 'couple':
        return this.couple(r.int(23, 59), r.chance(0.1));
      case 'nuclear': {
        const age = r.int(26, 55);
        const pair = this.couple(age, r.chance(0.1));
        const father = pair[0].sex === '男' ? pair[0] : pair[1];
        const mother = pair[0].sex === '女' ? pair[0] : pair[1];
        const mothersAge = this.year - Number(mother.birth.slice(0, 4));
        return [...pair, ...this.children(father.surname, mothersAge, r.int(1, 3))];
      }
      case 'withParents': {
        const age = r.int(28, 55);
        const pair = this.couple(age);
        const wifeAge = this.year - Number(pair[1].birth.slice(0, 4));
        const kids = this.children(pair[0].surname, wifeAge, r.int(0, 2));
        const parents: MemberSpec[] = [];
        const fatherAge = Math.min(98, age + r.int(22, 34));
        const withFather = r.chance(0.6);
        if (withFather) parents.push(this.member('父', '男', fatherAge, pair[0].surname));
        if (!withFather || r.chance(0.8))
          parents.push(
            this.member('母', '女', Math.min(98, fatherAge - r.int(0, 4)), randomSurname(r)),
          );
        return [...pair, ...kids, ...parents];
      }
      case 'threeGenerations': {
        const headAge = r.int(58, 85);
        const surname = randomSurname(r);
        const out: MemberSpec[] = [this.member('户主', '男', headAge, surname)];
        if (r.chance(0.7))
          out.push(this.member('配偶', '女', headAge - r.int(0, 4), randomSurname(r)));
        const sonAge = r.int(30, headAge - 22);
        out.push(this.member('子', '男', sonAge, surname));
        const inLawAge = Math.max(20, sonAge - r.int(-2, 4));
        out.push(this.member('儿媳', '女', inLawAge, randomSurname(r)));
        out.push(
          ...this.children(surname, inLawAge, r.int(1, 2), { son: '孙子', daughter: '孙女' }),
        );
        return out;
      }
      case 'daughterLine': {
        const headAge = r.int(55, 80);
        const surname = randomSurname(r);
        const out: MemberSpec[] = [this.member('户主', '男', headAge, surname)];
        if (r.chance(0.7))
          out.push(this.member('配偶', '女', headAge - r.int(0, 4), randomSurname(r)));
        const daughterAge = r.int(28, headAge - 22);
        out.push(this.member('女', '女', daughterAge, surname));
        out.push(this.member('女婿', '男', daughterAge + r.int(0, 4), randomSurname(r)));
        out.push(
          ...this.children(surname, daughterAge, r.int(1, 2), { son: '孙子', daughter: '孙女' }),
        );
        return out;
      }
      case 'siblings': {
        const age = r.int(30, 60);
        const surname = randomSurname(r);
        const younger = r.chance(0.5);
        const sex = this.sex();
        const relation: RelationToHead = younger
          ? sex === '男'
            ? '弟'
            : '妹'
          : sex === '男'
            ? '兄'
            : '姐';
        const otherAge = younger ? age - r.int(1, 10) : age + r.int(1, 8);
        return [
          this.member('户主', '男', age, surname),
          this.member(relation, sex, otherAge, surname),
        ];
      }
      case 'singleParent': {
        const age = r.int(28, 50);
        const parent = this.member('户主', r.chance(0.7) ? '女' : '男', age, randomSurname(r));
        const surname = parent.sex === '男' ? parent.surname : randomSurname(r);
        return [parent, ...this.children(surname, age, r.int(1, 2))];
      }
    }
  }
}
