import { addDays } from '../../../demo/calendar.js';
import type { ComplaintDrafts } from '../../../demo/complaintDrafts.js';
import type { RuleDemoCases } from '../../../demo/ruleCases.js';

/** Complaints naming one village cadre on the days `offsets` from a first date. */
function officialCluster(drafts: ComplaintDrafts, offsets: number[], near: boolean): boolean {
  const o = drafts.official();
  if (!o) return false;
  const v = o.household.village;
  const topics = drafts.freeTopics(v, offsets.length);
  if (!topics) return false;
  drafts.reservedOfficials.add(o);
  const first = drafts.start(offsets[offsets.length - 1]!);
  offsets.forEach((offset, i) =>
    drafts.list.push({ date: addDays(first, offset), village: v, topic: topics[i]!, official: o }),
  );
  const span = offsets[offsets.length - 1]!;
  if (near)
    drafts.kit.near(
      'R15',
      o.person.id,
      null,
      `named in only ${offsets.length} complaints within ${span} days`,
    );
  else
    drafts.kit.expect(
      'R15',
      o.person.id,
      null,
      `${o.position}${o.person.name} named in ${offsets.length} complaints within ${span} days`,
    );
  return true;
}

/** Complaints about one village and topic on the days `offsets` from a first date. */
function villageCluster(drafts: ComplaintDrafts, offsets: number[], near: boolean): boolean {
  const v = drafts.kit.plan.villages.find((x) => !drafts.reservedVillages.has(x));
  if (!v) return false;
  const topics = drafts.freeTopics(v, 1);
  if (!topics) return false;
  drafts.reservedVillages.add(v);
  const first = drafts.start(offsets[offsets.length - 1]!);
  const topic = topics[0]!;
  for (const offset of offsets)
    drafts.list.push({ date: addDays(first, offset), village: v, topic, official: null });
  const span = offsets[offsets.length - 1]!;
  if (near)
    drafts.kit.near(
      'R15',
      v.code,
      null,
      `three complaints on ${topic} spread over ${span} days (at most two in any 90)`,
    );
  else
    drafts.kit.expect(
      'R15',
      v.code,
      null,
      `${offsets.length} complaints on ${topic} within ${span} days`,
    );
  return true;
}

/** R15's injected clusters of complaints and near misses. */
export const R15DemoCases: RuleDemoCases = {
  complaints: (drafts, { count, nearCount }) => {
    const variants = [
      () => officialCluster(drafts, [0, 15, 38], false),
      () => villageCluster(drafts, [0, 25, 58], false),
      () => officialCluster(drafts, [0, 20, 51, 79], false),
    ];
    for (let i = 0; i < Math.max(count, variants.length); i += 1) variants[i % variants.length]!();
    for (let i = 0; i < nearCount; i += 1) {
      officialCluster(drafts, [0, 27], true);
      villageCluster(drafts, [0, 75, 150], true);
    }
  },
};
