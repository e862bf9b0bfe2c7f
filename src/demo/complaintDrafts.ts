import { addDays, randomDate } from './calendar.js';
import type { CaseKit } from './caseKit.js';
import type { Random } from './random.js';
import type { Official, Village } from './world.js';

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
export type ComplaintTopic = (typeof complaintTopics)[number];

export interface ComplaintDraft {
  date: string;
  village: Village;
  topic: ComplaintTopic;
  official: Official | null;
}

/** The key complaints cluster on besides an official: a village and a topic. */
export function complaintKey(v: Village, topic: string): string {
  return `${v.code}|${topic}`;
}

/**
 * The portal's complaints while they are planned: the rules' clusters come first (R15's
 * demoCases.ts) and reserve their officials, villages and topics, so that the background
 * (complaints.ts) can keep clear of them.
 */
export class ComplaintDrafts {
  readonly list: ComplaintDraft[] = [];
  readonly reservedKeys = new Set<string>();
  readonly reservedOfficials = new Set<Official>();
  readonly reservedVillages = new Set<Village>();
  private readonly pool: Official[] = [];
  private nextOfficial = 0;

  constructor(
    readonly kit: CaseKit,
    readonly random: Random,
  ) {
    for (let round = 0; round < 3; round += 1)
      for (const v of kit.plan.villages) this.pool.push(v.cadres[round]!);
  }

  /** The next village cadre for an official's cluster, none twice; null when all are taken. */
  official(): Official | null {
    return this.pool[this.nextOfficial++] ?? null;
  }

  /** `count` topics of the village that no cluster uses yet, now reserved; null if too few. */
  freeTopics(v: Village, count: number): ComplaintTopic[] | null {
    const free = complaintTopics.filter((t) => !this.reservedKeys.has(complaintKey(v, t)));
    if (free.length < count) return null;
    const chosen = this.random.shuffled(free).slice(0, count);
    for (const t of chosen) this.reservedKeys.add(complaintKey(v, t));
    return chosen;
  }

  /** A first date leaving room for `span` more days within the year. */
  start(span: number): string {
    const y = this.kit.plan.year;
    return randomDate(this.random, `${y}-01-10`, addDays(`${y}-12-20`, -span));
  }
}
