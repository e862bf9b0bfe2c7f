import { sql } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { createTestContext } from '../../test/helpers/databases.js';

describe.skipIf(!inject('pgTemplate'))('PostgreSQL connections', () => {
  it('run without JIT compilation, which costs the rule queries seconds', async () => {
    const ctx = await createTestContext('postgres');
    try {
      const result = await sql<{ jit: string }>`show jit`.execute(ctx.handle.db);
      expect(result.rows[0]?.jit).toBe('off');
    } finally {
      await ctx.destroy();
    }
  });
});
