import { addDays, dayNumber, randomDate } from './calendar.js';
import type { CaseKit } from './caseKit.js';
import type { DemoComplaint } from './demoCounty.js';
import { Random } from './random.js';
import type { Official, Village } from './world.js';

/**
 * Complaints from the public portal: a steady background that never clusters, plus the
 * injected clusters of R15 (three or more complaints within 90 days naming one official, or
 * about one village and topic) and their near misses.
 */

export const complaintTopics = [
  '低保评定不公',
  '危房改造补助',
  '村务公开',
  '高龄津贴发放',
  '残疾人补贴',
  '耕地地力补贴',
  '临时救助',
  '养老金发放',
  '办事效率低',
  '干部作风',
] as const;

const complaintText: Record<(typeof complaintTopics)[number], string> = {
  低保评定不公: '有的人家里条件好却吃低保，真正困难的没评上，希望公开评议过程。',
  危房改造补助: '危房改造补助迟迟没有到位，请帮忙查一下钱到哪里去了。',
  村务公开: '村务公开栏很久没有更新，账目看不到。',
  高龄津贴发放: '老人的高龄津贴这几个月没有收到。',
  残疾人补贴: '残疾人两项补贴申请交了很久没有回音。',
  耕地地力补贴: '耕地地力保护补贴面积核算不对，少发了。',
  临时救助: '家里突发困难申请临时救助，一直没有答复。',
  养老金发放: '养老金到账金额和通知的不一致。',
  办事效率低: '去村里开证明跑了好几趟还没办好。',
  干部作风: '干部态度差，办事推诿。',
};

/** Background complaints keep any three on one key more than this many days apart. */
const backgroundSpread = 120;

interface Draft {
  date: string;
  village: Village;
  topic: (typeof complaintTopics)[number];
  official: Official | null;
}

export function makeComplaints(kit: CaseKit, seed: number): DemoComplaint[] {
  const plan = kit.plan;
  const y = plan.year;
  const random = new Random(seed, 5);
  const drafts: Draft[] = [];
  const reservedKeys = new Set<string>();
  const reservedOfficials = new Set<Official>();
  const reservedVillages = new Set<Village>();
  const keyOf = (v: Village, topic: string): string => `${v.code}|${topic}`;

  const pool: Official[] = [];
  for (let round = 0; round < 3; round += 1)
    for (const v of plan.villages) pool.push(v.cadres[round]!);
  let nextOfficial = 0;
  const official = (): Official | null => pool[nextOfficial++] ?? null;
  const freeTopics = (v: Village, count: number): (typeof complaintTopics)[number][] | null => {
    const free = complaintTopics.filter((t) => !reservedKeys.has(keyOf(v, t)));
    if (free.length < count) return null;
    const chosen = random.shuffled(free).slice(0, count);
    for (const t of chosen) reservedKeys.add(keyOf(v, t));
    return chosen;
  };
  /** A first date leaving room for `span` more days within the year. */
  const start = (span: number): string =>
    randomDate(random, `${y}-01-10`, addDays(`${y}-12-20`, -span));

  const officialCluster = (offsets: number[], near: boolean): boolean => {
    const o = official();
    if (!o) return false;
    const v = o.household.village;
    const topics = freeTopics(v, offsets.length);
    if (!topics) return false;
    reservedOfficials.add(o);
    const first = start(offsets[offsets.length - 1]!);
    offsets.forEach((offset, i) =>
      drafts.push({ date: addDays(first, offset), village: v, topic: topics[i]!, official: o }),
    );
    const span = offsets[offsets.length - 1]!;
    if (near)
      kit.near(
        'R15',
        o.person.id,
        null,
        `named in only ${offsets.length} complaints within ${span} days`,
      );
    else
      kit.expect(
        'R15',
        o.person.id,
        null,
        `${o.position}${o.person.name} named in ${offsets.length} complaints within ${span} days`,
      );
    return true;
  };
  const villageCluster = (offsets: number[], near: boolean): boolean => {
    const v = plan.villages.find((x) => !reservedVillages.has(x));
    if (!v) return false;
    const topics = freeTopics(v, 1);
    if (!topics) return false;
    reservedVillages.add(v);
    const first = start(offsets[offsets.length - 1]!);
    const topic = topics[0]!;
    for (const offset of offsets)
      drafts.push({ date: addDays(first, offset), village: v, topic, official: null });
    const span = offsets[offsets.length - 1]!;
    if (near)
      kit.near(
        'R15',
        v.code,
        null,
        `three complaints on ${topic} spread over ${span} days (at most two in any 90)`,
      );
    else
      kit.expect(
        'R15',
        v.code,
        null,
        `${offsets.length} complaints on ${topic} within ${span} days`,
      );
    return true;
  };

  const people = plan.options.people;
  const count = Math.max(3, Math.round(people * 0.0005));
  const variants = [
    () => officialCluster([0, 15, 38], false),
    () => villageCluster([0, 25, 58], false),
    () => officialCluster([0, 20, 51, 79], false),
  ];
  for (let i = 0; i < Math.max(count, variants.length); i += 1) variants[i % variants.length]!();
  const nearCount = Math.max(1, Math.round(people / 100_000));
  for (let i = 0; i < nearCount; i += 1) {
    officialCluster([0, 27], true);
    villageCluster([0, 75, 150], true);
  }

  // The background: about one complaint per 120 residents, never three close together.
  const dates = new Map<string, number[]>();
  const fits = (key: string, day: number): boolean => {
    const list = [...(dates.get(key) ?? []), day].sort((a, b) => a - b);
    for (let i = 0; i + 2 < list.length; i += 1)
      if (list[i + 2]! - list[i]! <= backgroundSpread) return false;
    return true;
  };
  const record = (key: string, day: number): void => {
    const list = dates.get(key);
    if (list) list.push(day);
    else dates.set(key, [day]);
  };
  for (const draft of drafts) {
    record(keyOf(draft.village, draft.topic), dayNumber(draft.date));
    if (draft.official) record(draft.official.person.id, dayNumber(draft.date));
  }
  const wanted = Math.round(people / 120);
  for (let i = 0, attempts = 0; i < wanted && attempts < wanted * 5; attempts += 1) {
    const village = random.pick(plan.villages);
    const topic = random.pick(complaintTopics);
    const key = keyOf(village, topic);
    if (reservedKeys.has(key) || reservedVillages.has(village)) continue;
    let named: Official | null = null;
    if (random.chance(0.3)) {
      named = random.chance(0.7)
        ? random.pick(village.cadres)
        : random.pick(village.township.staff);
      if (reservedOfficials.has(named)) continue;
    }
    const date = randomDate(random, `${y}-01-02`, `${y}-12-31`);
    const day = dayNumber(date);
    if (!fits(key, day) || (named && !fits(named.person.id, day))) continue;
    record(key, day);
    if (named) record(named.person.id, day);
    drafts.push({ date, village, topic, official: named });
    i += 1;
  }

  const ordered = drafts
    .map((draft, order) => ({ draft, order }))
    .sort((a, b) =>
      a.draft.date === b.draft.date ? a.order - b.order : a.draft.date < b.draft.date ? -1 : 1,
    );
  return ordered.map(({ draft }, i) => ({
    complaint_id: `TS-${y}-${String(i + 1).padStart(5, '0')}`,
    received_date: draft.date,
    village_code: draft.village.code,
    topic: draft.topic,
    official_id_number: draft.official?.person.id ?? '',
    content:
      (draft.official ? `反映${draft.official.position}${draft.official.person.name}：` : '') +
      `${draft.village.name}${complaintText[draft.topic]}`,
  }));
}
