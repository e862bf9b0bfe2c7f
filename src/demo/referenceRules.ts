import { builtinRuleDemos } from '../rules/builtin/demos.js';
import { type DemoCounty, type ExpectedHit, hitKey } from './demoCounty.js';
import { referenceCounty } from './referenceCounty.js';

/**
 * The warnings a plain, slow reading of rules.md raises over a generated county held in
 * memory: every rule's reference check (its referenceCheck.ts), the test oracle of the
 * generator's `expected` list.
 */
export function referenceWarnings(county: DemoCounty): Map<string, Omit<ExpectedHit, 'note'>> {
  const indexed = referenceCounty(county);
  const hits = new Map<string, Omit<ExpectedHit, 'note'>>();
  for (const { code, reference } of builtinRuleDemos)
    reference(indexed, (subject, program) => {
      const h = { rule: code, subject, program_code: program };
      hits.set(hitKey(h), h);
    });
  return hits;
}
