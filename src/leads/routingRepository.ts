import { sql, type Kysely, type Selectable } from 'kysely';
import type { WriteScope } from '../audit/auditedWrite.js';
import type { LeadClass, OfficeKind } from '../api/leads.js';
import type { Database } from '../db/schema.js';
import { isLive } from '../ingest/liveRows.js';
import type { RoutingRuleTable } from './leadsTables.js';

export type RoutingRuleRow = Selectable<RoutingRuleTable>;

/** What routing looks at in a lead's open sources. */
export interface LeadFacts {
  ruleCodes: string[];
  programCodes: string[];
  severities: string[];
  amountFen: number;
  /** ID numbers the evidence or a complaint names as someone else (officials, relatives, handlers). */
  namedPeople: string[];
  /** The named people who are officials, with where they work. */
  officials: { idNumber: string; name: string; organisation: string }[];
  /** The departments (主管部门) of the sources' programmes. */
  departments: string[];
}

interface EvidenceDetails {
  related_id?: string | null;
}

export async function leadFacts(db: Kysely<Database>, leadId: number): Promise<LeadFacts> {
  const warnings = await db
    .selectFrom('lead_sources as s')
    .innerJoin('warnings as w', 'w.id', 's.warning_id')
    .select(['w.id', 'w.rule_code', 'w.program_code', 'w.severity', 'w.amount_fen'])
    .where('s.lead_id', '=', leadId)
    .where('s.split_at', 'is', null)
    .execute();
  const evidence =
    warnings.length === 0
      ? []
      : await db
          .selectFrom('warning_evidence')
          .select('details')
          .where(
            'warning_id',
            'in',
            warnings.map((w) => w.id),
          )
          .execute();
  const complaints = await db
    .selectFrom('lead_sources as s')
    .innerJoin('complaints as c', 'c.id', 's.complaint_id')
    .select('c.official_id_number')
    .where('s.lead_id', '=', leadId)
    .where('s.split_at', 'is', null)
    .execute();
  const named = new Set<string>();
  for (const e of evidence) {
    const details = JSON.parse(e.details) as EvidenceDetails;
    if (typeof details.related_id === 'string' && details.related_id) named.add(details.related_id);
  }
  for (const c of complaints) if (c.official_id_number) named.add(c.official_id_number);
  const namedPeople = [...named].sort();
  const officials =
    namedPeople.length === 0
      ? []
      : await db
          .selectFrom('ds_officials')
          .select(['id_number', 'name', 'organisation'])
          .distinct()
          .where(isLive())
          .where('id_number', 'in', namedPeople)
          .orderBy('id_number')
          .execute();
  const programCodes = [
    ...new Set(warnings.map((w) => w.program_code).filter((c): c is string => c !== null)),
  ].sort();
  const departments =
    programCodes.length === 0
      ? []
      : (
          await db
            .selectFrom('ds_programs')
            .select('department')
            .distinct()
            .where(isLive())
            .where('program_code', 'in', programCodes)
            .execute()
        ).map((r) => r.department);
  return {
    ruleCodes: [...new Set(warnings.map((w) => w.rule_code))].sort(),
    programCodes,
    severities: [...new Set(warnings.map((w) => w.severity))].sort(),
    amountFen: warnings.reduce((sum, w) => sum + w.amount_fen, 0),
    namedPeople,
    officials: officials.map((o) => ({
      idNumber: o.id_number,
      name: o.name,
      organisation: o.organisation,
    })),
    departments: departments.filter((d): d is string => typeof d === 'string'),
  };
}

/** Active routing rules whose prefix covers the code, in the order they are tried. */
export function routingRulesFor(
  db: Kysely<Database>,
  jurisdictionCode: string,
): Promise<RoutingRuleRow[]> {
  return db
    .selectFrom('routing_rules')
    .selectAll()
    .where('active', '=', 1)
    .where(sql<boolean>`${jurisdictionCode} like jurisdiction_prefix || '%'`)
    .orderBy('priority')
    .orderBy('id')
    .execute();
}

export async function insertRoutingRule(
  { tx, actor, audit }: WriteScope,
  rule: {
    priority: number;
    jurisdictionPrefix: string;
    ruleCodes?: string[];
    programCodes?: string[];
    minAmountFen?: number;
    severities?: string[];
    involvesOfficial?: boolean;
    resultClass: LeadClass;
    officeKind: OfficeKind;
  },
): Promise<RoutingRuleRow> {
  const json = (list: string[] | undefined) => (list ? JSON.stringify(list) : null);
  const row = await tx
    .insertInto('routing_rules')
    .values({
      priority: rule.priority,
      jurisdiction_prefix: rule.jurisdictionPrefix,
      rule_codes: json(rule.ruleCodes),
      program_codes: json(rule.programCodes),
      min_amount_fen: rule.minAmountFen ?? null,
      severities: json(rule.severities),
      involves_official: rule.involvesOfficial === undefined ? null : rule.involvesOfficial ? 1 : 0,
      result_class: rule.resultClass,
      office_kind: rule.officeKind,
      active: 1,
      created_by: actor.id,
      created_at: new Date().toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit({ action: 'routing_rule.create', entity: 'routing_rule', ids: [row.id], after: row });
  return row;
}
