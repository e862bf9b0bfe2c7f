import type { CaseKit } from './caseKit.js';
import type { ComplaintDrafts } from './complaintDrafts.js';
import type { Special } from './countyPlan.js';
import type { Official, Person, Village } from './world.js';

/**
 * What the rules' injected cases (src/rules/builtin/<rule>/demoCases.ts) share: the violations
 * and the near misses that must not raise a warning. Every case builds fresh households, so
 * cases never touch each other; each lists exactly the warnings it raises.
 */

/** How many cases, and how many rounds of near misses, each rule injects. */
export interface CaseCounts {
  count: number;
  nearCount: number;
}

export function caseCounts(people: number): CaseCounts {
  return {
    count: Math.max(3, Math.round(people * 0.0005)),
    nearCount: Math.max(1, Math.round(people / 100_000)),
  };
}

/** A rule's demo cases: built from households and their records, or from complaints. */
export interface RuleDemoCases {
  records?: (kit: CaseKit, counts: CaseCounts) => void;
  complaints?: (drafts: ComplaintDrafts, counts: CaseCounts) => void;
}

export interface Variant {
  /** Needs two villages, or two townships. */
  needs?: 'villages' | 'townships';
  run: (kit: CaseKit) => void;
}

function feasible(kit: CaseKit, variant: Variant): boolean {
  if (variant.needs === 'villages') return kit.plan.villages.length >= 2;
  if (variant.needs === 'townships') return kit.plan.townships.length >= 2;
  return true;
}

/** Runs `count` cases (at least one of each feasible variant), taking the variants in turn. */
export function runCases(kit: CaseKit, count: number, variants: Variant[]): void {
  const usable = variants.filter((v) => feasible(kit, v));
  const total = Math.max(count, usable.length);
  for (let i = 0; i < total; i += 1) usable[i % usable.length]!.run(kit);
}

export function runNear(kit: CaseKit, count: number, variants: Variant[]): void {
  const usable = variants.filter((v) => feasible(kit, v));
  for (let i = 0; i < count; i += 1) for (const v of usable) v.run(kit);
}

export const isoDate = (year: number, month: number, day: number): string =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export function villageOfficial(
  kit: CaseKit,
  special: Special,
  who: Person,
  village: Village,
  position: string,
  start: string,
  end = '',
): Official {
  return kit.official(special, who, {
    organisation: village.committee,
    position,
    category:
      position === '村务监督委员会主任'
        ? '村务监督委员会成员'
        : position === '村民小组长'
          ? '其他'
          : '村干部',
    jurisdiction: village.code,
    start,
    end,
    statePaid: false,
  });
}
