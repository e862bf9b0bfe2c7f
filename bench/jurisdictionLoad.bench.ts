import { sql } from 'kysely';
import { systemActor } from '../src/audit/actor.js';
import { nationalCode } from '../src/core/divisionCode.js';
import type { Dialect } from '../src/db/openDatabase.js';
import { loadJurisdiction } from '../src/jurisdiction/loadJurisdiction.js';
import { divisionsUnder } from '../src/jurisdiction/nationalDivisions.js';
import { benchContext, round, timed, type BenchResult } from './harness.js';

/**
 * `init --region all`: loading the whole country's 665 thousand divisions, against reading
 * the same records and inserting them in one statement per 2,000 rows without the audit
 * path (the reference).
 */
export async function jurisdictionLoadBench(dialect: Dialect): Promise<BenchResult> {
  const county = await benchContext(dialect);
  let countyMs: number;
  try {
    countyMs = (await timed(() => loadJurisdiction(county.ctx, systemActor, '431226000000'))).ms;
  } finally {
    await county.destroy();
  }
  const { ctx, destroy } = await benchContext(dialect);
  try {
    const db = ctx.handle.db;
    await sql`create table bench_divisions (code text primary key, name text not null, level integer not null, parent_code text)`.execute(
      db,
    );
    const reference = await timed(() =>
      db.transaction().execute(async (tx) => {
        let rows: { code: string; name: string; level: number; parent_code: string | null }[] = [];
        const flush = async (): Promise<void> => {
          if (rows.length === 0) return;
          const values = sql.join(
            rows.map((r) => sql`(${r.code}, ${r.name}, ${r.level}, ${r.parent_code})`),
          );
          await sql`insert into bench_divisions values ${values}`.execute(tx);
          rows = [];
        };
        for (const d of divisionsUnder(nationalCode)) {
          rows.push({ code: d.code, name: d.name, level: d.level, parent_code: d.parentCode });
          if (rows.length === 2000) await flush();
        }
        await flush();
      }),
    );
    const load = await timed(() => loadJurisdiction(ctx, systemActor, nationalCode));
    return {
      name: 'jurisdiction load',
      dialect,
      figures: {
        'one county (431226), ms': Math.round(countyMs),
        'whole country divisions': load.value.divisions,
        'whole country, ms': Math.round(load.ms),
        'reference bulk insert, ms': Math.round(reference.ms),
        'load ÷ reference time': round(load.ms / reference.ms),
      },
    };
  } finally {
    await destroy();
  }
}
