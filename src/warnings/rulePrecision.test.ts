import { describe, expect, it } from 'vitest';
import { judgedWarnings, precisionCase } from '../../test/factories/judgedWarnings.js';
import { describeForEachDatabase } from '../../test/helpers/databases.js';
import { scopeOf } from '../auth/scope.js';
import { learnedScore, rulePrecision, ruleWeight } from './rulePrecision.js';
import { listWarnings } from './warningsRepository.js';

describe('rule weight', () => {
  it('stays at 1 without judgements and moves towards the confirmed share with more', () => {
    expect(ruleWeight(0, 0)).toBe(1);
    expect(ruleWeight(2, 2)).toBeCloseTo(4 / 6 / 0.5);
    expect(ruleWeight(100, 100)).toBeGreaterThan(ruleWeight(2, 2));
    expect(ruleWeight(100, 0)).toBeLessThan(ruleWeight(2, 0));
    expect(learnedScore(50, 4, 3)).toBeCloseTo(62.5);
  });
});

describeForEachDatabase('rule precision', (current) => {
  it('counts the latest judgement of each warning per rule, within the scope', async () => {
    const ctx = current();
    await judgedWarnings(ctx, precisionCase);
    const county = await rulePrecision(ctx.handle.db, scopeOf('431226000000'));
    expect(county).toEqual([
      {
        rule: 'R01',
        judged: 4,
        confirmed: 3,
        corrected: 0,
        dismissed: 1,
        confirmedShare: 0.75,
        correctedShare: 0,
        dismissedShare: 0.25,
        weight: 1.25,
        words: 'R01 在本县已核实 4 条，属实 3 条（75%），数据错误 0 条，误报 1 条',
      },
      {
        rule: 'R05',
        judged: 2,
        confirmed: 0,
        corrected: 1,
        dismissed: 1,
        confirmedShare: 0,
        correctedShare: 0.5,
        dismissedShare: 0.5,
        weight: 0.667,
        words: 'R05 在本县已核实 2 条，属实 0 条（0%），数据错误 1 条，误报 1 条',
      },
    ]);
    const township = await rulePrecision(ctx.handle.db, scopeOf('431226000000'), {
      division: scopeOf('431226101000'),
      language: 'en',
    });
    expect(township.map((r) => [r.rule, r.judged, r.confirmed, r.words])).toEqual([
      [
        'R01',
        2,
        2,
        'R01 in this township: 2 judged, 2 confirmed (100%), 0 data errors, 0 false hits',
      ],
      [
        'R05',
        1,
        0,
        'R05 in this township: 1 judged, 0 confirmed (0%), 1 data errors, 0 false hits',
      ],
    ]);
  });

  it('orders warnings by the score weighted by their rule’s precision', async () => {
    const ctx = current();
    const ids = await judgedWarnings(ctx, precisionCase);
    const scope = scopeOf('431226000000');
    const byScore = await listWarnings(ctx.handle.db, scope);
    expect(byScore.map((w) => w.rule)).toEqual(['R05', 'R05', 'R07', 'R01', 'R01', 'R01', 'R01']);
    const learned = await listWarnings(ctx.handle.db, scope, { order: 'learned' });
    // R01 50 × 1.25 = 62.5, R07 55 × 1 = 55, R05 70 × 0.667 = 46.7.
    expect(learned.map((w) => w.rule)).toEqual(['R01', 'R01', 'R01', 'R01', 'R07', 'R05', 'R05']);
    expect(learned.map((w) => w.id).slice(0, 4)).toEqual(ids.slice(0, 4));
    const page = await listWarnings(ctx.handle.db, scope, {
      order: 'learned',
      rule: 'R05',
      status: 'dismissed',
      limit: 10,
    });
    expect(page.map((w) => w.id)).toEqual([ids[4], ids[5]]);
  });
});
