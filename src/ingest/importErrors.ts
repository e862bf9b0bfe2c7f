import type { DatasetDefinition } from './datasetDefinition.js';

/** Bilingual phrases for file-level import errors (the JianduError codes are in core/errors.ts). */
export function expectedHeaders(definition: DatasetDefinition): { zh: string; en: string } {
  const required = definition.fields.filter((f) => f.required);
  return {
    zh: required.map((f) => f.header).join('、'),
    en: required.map((f) => f.key).join(', '),
  };
}
