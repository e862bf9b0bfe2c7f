import { sql, type RawBuilder } from 'kysely';
import { normalResidents } from '../ruleContext.js';

/**
 * The people a means-tested payment looks at: its beneficiary and the members of the
 * beneficiary's household, as (pay_row, person, person_name, is_self) over `pays`.
 */
export function peopleOfPayments(pays: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(select p.row_id as pay_row, p.id_number as person, p.name as person_name, 1 as is_self from ${pays} p
    union all
    select p.row_id, m.id_number, m.name, 0 from ${pays} p
    join ${normalResidents} m on m.household_id = p.hk and m.id_number <> p.id_number)`;
}
