import { Type, type Static } from '@sinclair/typebox';
import { importSummary } from './imports.js';
import { idInt } from './boundedInt.js';

/**
 * The size of one exchange request. A department sends more records in several requests;
 * the caps keep a request's parsing, validation and memory small whatever it holds.
 */
export const exchangeLimits = {
  /** Records per request. */
  maxRecords: 10_000,
  /** Bytes of JSON per request. */
  maxBytes: 4 * 1024 * 1024,
  /** Distinct keys, across the request, that are not the template's (kept as extra attributes). */
  maxUnknownKeys: 20,
  /** Characters of one key. */
  maxKeyLength: 100,
  /** Characters of one value. */
  maxValueLength: 1_000,
  /** Keys of one record. */
  maxKeysPerRecord: 200,
} as const;

export const exchangeParams = Type.Object({ dataset: Type.String({ maxLength: 40 }) });

export const exchangeBody = Type.Object(
  {
    /** One object per record: template keys (or Chinese headers) → values. */
    rows: Type.Array(
      Type.Record(
        Type.String(),
        Type.Union([
          Type.String({ maxLength: exchangeLimits.maxValueLength }),
          Type.Number(),
          Type.Null(),
        ]),
        // The keys' length is checked by recordsAsTable (OpenAPI 3.0 has no propertyNames).
        { maxProperties: exchangeLimits.maxKeysPerRecord },
      ),
      { minItems: 1, maxItems: exchangeLimits.maxRecords },
    ),
  },
  { additionalProperties: false },
);

export const exchangeResponse = Type.Object({ summary: importSummary });

export const credentialView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  source: Type.String(),
  datasets: Type.Array(Type.String()),
  jurisdictionCode: Type.String(),
  active: Type.Boolean(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});

export const credentialsResponse = Type.Object({ credentials: Type.Array(credentialView) });

export const createCredentialBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    source: Type.String({ minLength: 1, maxLength: 100 }),
    datasets: Type.Array(Type.String({ maxLength: 40 }), { minItems: 1 }),
    jurisdictionCode: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
  },
  { additionalProperties: false },
);

export const createCredentialResponse = Type.Object({
  credential: credentialView,
  token: Type.String(),
});

export const credentialParams = Type.Object({ id: idInt() });

export type CredentialView = Static<typeof credentialView>;
export type CredentialsResponse = Static<typeof credentialsResponse>;
export type CreateCredentialResponse = Static<typeof createCredentialResponse>;
