import type { Kysely } from 'kysely';
import { divisionLevel, levelNames, nationalCode } from '../core/divisionCode.js';
import type { Database } from '../db/schema.js';
import { divisionPath } from './divisionsRepository.js';

export interface DivisionSummary {
  code: string;
  name: string;
  level: number;
  /** Names from the province down: "湖南省 怀化市 麻阳苗族自治县". */
  fullName: string;
}

/** A division as the interface shows it; the whole country for the national code. */
export async function describeDivision(
  db: Kysely<Database>,
  code: string,
): Promise<DivisionSummary> {
  if (code === nationalCode)
    return { code, name: levelNames[0].zh, level: 0, fullName: levelNames[0].zh };
  const path = await divisionPath(db, code);
  const self = path.find((d) => d.code === code);
  return {
    code,
    name: self?.name ?? code,
    level: divisionLevel(code),
    fullName: path.map((d) => d.name).join(' ') || code,
  };
}
