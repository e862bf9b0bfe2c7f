import { describe, expect, it } from 'vitest';
import { subjectsTooMany } from './scanSubjects.js';

describe('when an incremental scan gives way to a full one', () => {
  it('switches where re-checking costs as much as reading everything, per database', () => {
    // A few thousand people are cheap to re-check whatever the share.
    expect(subjectsTooMany('postgres', 4_999, 5_000)).toBe(false);
    // PostgreSQL's incremental statements cost a full scan at about a quarter of the registry,
    // SQLite's at nearly half.
    expect(subjectsTooMany('postgres', 90_000, 300_000)).toBe(true);
    expect(subjectsTooMany('sqlite', 90_000, 300_000)).toBe(false);
    expect(subjectsTooMany('sqlite', 142_711, 300_000)).toBe(true);
  });
});
