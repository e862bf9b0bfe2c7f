import { builtinRuleDemos } from '../rules/builtin/demos.js';
import type { CaseKit } from './caseKit.js';
import { caseCounts } from './ruleCases.js';

/**
 * Injects every rule's cases built from households and records (each rule's demoCases.ts), in
 * the rules' order; R15's are complaints (makeComplaints).
 */
export function injectCases(kit: CaseKit): void {
  const counts = caseCounts(kit.plan.options.people);
  for (const demo of builtinRuleDemos) demo.cases.records?.(kit, counts);
}
