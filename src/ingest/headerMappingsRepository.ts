import type { Kysely } from 'kysely';
import type { WriteScope } from '../audit/auditedWrite.js';
import type { Database } from '../db/schema.js';
import { JianduError } from '../core/errors.js';
import type { DatasetDefinition } from './datasetDefinition.js';
import { normaliseHeader } from './headerMatching.js';

/** A department's own column names, saved once and used for every file it sends. */
export async function readHeaderMapping(
  db: Kysely<Database>,
  dataset: string,
  source: string,
): Promise<Record<string, string> | undefined> {
  const row = await db
    .selectFrom('header_mappings')
    .select('mapping')
    .where('dataset', '=', dataset)
    .where('source', '=', source)
    .executeTakeFirst();
  return row ? (JSON.parse(row.mapping) as Record<string, string>) : undefined;
}

export async function saveHeaderMapping(
  { tx, actor, audit }: WriteScope,
  definition: DatasetDefinition,
  source: string,
  mapping: Readonly<Record<string, string>>,
): Promise<void> {
  const keys = new Set(definition.fields.map((f) => f.key));
  const clean: Record<string, string> = {};
  for (const [header, key] of Object.entries(mapping)) {
    if (!keys.has(key))
      throw new JianduError('INVALID_ARGUMENT', {
        detail: `${key} is not a field of ${definition.key}`,
      });
    if (normaliseHeader(header) === '') continue;
    clean[header.trim()] = key;
  }
  const before = await readHeaderMapping(tx, definition.key, source);
  const now = new Date().toISOString();
  const json = JSON.stringify(clean);
  await tx
    .insertInto('header_mappings')
    .values({
      dataset: definition.key,
      source,
      mapping: json,
      created_by: actor.name,
      created_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['dataset', 'source'])
        .doUpdateSet({ mapping: json, created_by: actor.name, created_at: now }),
    )
    .execute();
  await audit({
    action: 'header_mapping.save',
    entity: 'header_mapping',
    ids: [`${definition.key}/${source}`],
    before,
    after: clean,
  });
}
