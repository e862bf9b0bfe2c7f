import type { Kysely } from 'kysely';
import type { WriteScope } from '../audit/auditedWrite.js';
import type { Scope } from '../auth/scope.js';
import { ancestorDivisionCodes, nationalCode } from '../core/divisionCode.js';
import { JianduError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import type { DatasetDefinition } from './datasetDefinition.js';
import { normaliseHeader } from './headerMatching.js';

/**
 * A department's own column names, saved by a reviewer or administrator of a jurisdiction
 * for one source: the files of that source imported in the jurisdiction, and below it unless
 * a lower jurisdiction saved its own, are read with them.
 */
export interface SavedHeaderMapping {
  dataset: string;
  source: string;
  jurisdictionCode: string;
  mapping: Record<string, string>;
  savedBy: string;
  savedAt: string;
}

/** What an import records of the mapping it used (ImportSummary.header_mapping). */
export interface HeaderMappingUse {
  source: string;
  jurisdiction_code: string;
  saved_by: string;
  saved_at: string;
  columns: number;
}

export function mappingUse(saved: SavedHeaderMapping): HeaderMappingUse {
  return {
    source: saved.source,
    jurisdiction_code: saved.jurisdictionCode,
    saved_by: saved.savedBy,
    saved_at: saved.savedAt,
    columns: Object.keys(saved.mapping).length,
  };
}

/** The mapping that applies in `scope`: its own, or the nearest jurisdiction's above it. */
export async function findHeaderMapping(
  db: Kysely<Database>,
  dataset: string,
  source: string,
  scope: Scope,
): Promise<SavedHeaderMapping | undefined> {
  const codes = [
    ...new Set([scope.code, ...ancestorDivisionCodes(scope.code).reverse(), nationalCode]),
  ];
  const rows = await db
    .selectFrom('header_mappings')
    .selectAll()
    .where('dataset', '=', dataset)
    .where('source', '=', source)
    .where('jurisdiction_code', 'in', codes)
    .execute();
  const row = rows.sort(
    (a, b) => codes.indexOf(a.jurisdiction_code) - codes.indexOf(b.jurisdiction_code),
  )[0];
  return row
    ? {
        dataset: row.dataset,
        source: row.source,
        jurisdictionCode: row.jurisdiction_code,
        mapping: JSON.parse(row.mapping) as Record<string, string>,
        savedBy: row.created_by,
        savedAt: row.created_at,
      }
    : undefined;
}

/**
 * Saves the jurisdiction's mapping. A header the template itself uses (its Chinese header,
 * English key or a known alias) keeps its meaning: it cannot be pointed at another field,
 * so no mapping can swap 姓名 and 住址 under a department's feet.
 */
export async function saveHeaderMapping(
  { tx, actor, audit }: WriteScope,
  definition: DatasetDefinition,
  source: string,
  scope: Scope,
  mapping: Readonly<Record<string, string>>,
): Promise<void> {
  const keys = new Set(definition.fields.map((f) => f.key));
  const templateNames = new Map<string, string>();
  for (const field of definition.fields)
    for (const name of [field.header, field.key, ...(field.aliases ?? [])])
      templateNames.set(normaliseHeader(name), field.key);
  const clean: Record<string, string> = {};
  for (const [header, key] of Object.entries(mapping)) {
    if (!keys.has(key))
      throw new JianduError('INVALID_ARGUMENT', {
        detail: {
          zh: `${key} 不是“${definition.name.zh}”的字段`,
          en: `${key} is not a field of ${definition.key}`,
        },
      });
    const normalised = normaliseHeader(header);
    if (normalised === '') continue;
    const own = templateNames.get(normalised);
    if (own === key) continue;
    if (own !== undefined)
      throw new JianduError('INVALID_ARGUMENT', {
        detail: {
          zh: `“${header.trim()}”是模板的标准列名，不能对照到其他字段`,
          en: `"${header.trim()}" is a header of the template and cannot be mapped to another field`,
        },
      });
    clean[header.trim()] = key;
  }
  const before = await tx
    .selectFrom('header_mappings')
    .select('mapping')
    .where('dataset', '=', definition.key)
    .where('source', '=', source)
    .where('jurisdiction_code', '=', scope.code)
    .executeTakeFirst();
  const now = new Date().toISOString();
  const json = JSON.stringify(clean);
  await tx
    .insertInto('header_mappings')
    .values({
      dataset: definition.key,
      source,
      jurisdiction_code: scope.code,
      mapping: json,
      created_by: actor.name,
      created_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['dataset', 'source', 'jurisdiction_code'])
        .doUpdateSet({ mapping: json, created_by: actor.name, created_at: now }),
    )
    .execute();
  await audit({
    action: 'header_mapping.save',
    entity: 'header_mapping',
    ids: [`${definition.key}/${source}/${scope.code}`],
    jurisdictionCode: scope.code,
    before: before ? (JSON.parse(before.mapping) as unknown) : null,
    after: clean,
  });
}
