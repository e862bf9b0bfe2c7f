import { builtinRuleDemos } from '../rules/builtin/demos.js';
import { dayNumber, randomDate } from './calendar.js';
import type { CaseKit } from './caseKit.js';
import {
  ComplaintDrafts,
  type ComplaintTopic,
  complaintKey,
  complaintTopics,
} from './complaintDrafts.js';
import type { DemoComplaint } from './demoCounty.js';
import { Random } from './random.js';
import type { Official } from './world.js';
import { caseCounts } from './ruleCases.js';

/**
 * Complaints from the public portal: the rules' injected clusters (R15's, three or more
 * complaints within 90 days naming one official, or about one village and topic) and their
 * near misses, then a steady background that never clusters.
 */

const complaintText: Record<ComplaintTopic, string> = {
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

export function makeComplaints(kit: CaseKit, seed: number): DemoComplaint[] {
  const plan = kit.plan;
  const y = plan.year;
  const people = plan.options.people;
  const drafts = new ComplaintDrafts(kit, new Random(seed, 5));
  const counts = caseCounts(people);
  for (const demo of builtinRuleDemos) demo.cases.complaints?.(drafts, counts);
  const { random, reservedKeys, reservedOfficials, reservedVillages } = drafts;

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
  for (const draft of drafts.list) {
    record(complaintKey(draft.village, draft.topic), dayNumber(draft.date));
    if (draft.official) record(draft.official.person.id, dayNumber(draft.date));
  }
  const wanted = Math.round(people / 120);
  for (let i = 0, attempts = 0; i < wanted && attempts < wanted * 5; attempts += 1) {
    const village = random.pick(plan.villages);
    const topic = random.pick(complaintTopics);
    const key = complaintKey(village, topic);
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
    drafts.list.push({ date, village, topic, official: named });
    i += 1;
  }

  const ordered = drafts.list
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
