import { describe, expect, it } from 'vitest';
import { builtinRules } from './builtin/index.js';
import type { BuiltinRule } from './builtinRule.js';
import type { RuleContext } from './ruleContext.js';
import { rulesReleaseDigest } from './rulesReleaseDigest.js';

describe('rulesReleaseDigest', () => {
  it('changes when a built-in rule’s statement or explanation does', () => {
    const base = rulesReleaseDigest();
    expect(rulesReleaseDigest([...builtinRules])).toBe(base);
    const R09 = builtinRules.find((r) => r.code === 'R09')!;
    const replaced = (rule: BuiltinRule) => builtinRules.map((r) => (r === R09 ? rule : r));
    const statement = replaced({
      ...R09,
      queries: (ctx: RuleContext) => R09.queries({ ...ctx, prefix: '43' }),
    });
    const explanation = replaced({ ...R09, explain: () => '超标准发放' });
    expect(rulesReleaseDigest(replaced({ ...R09 }))).toBe(base);
    expect(rulesReleaseDigest(statement)).not.toBe(base);
    expect(rulesReleaseDigest(explanation)).not.toBe(base);
  });
});
