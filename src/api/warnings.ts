/**
 * Warnings and relationship networks as the API sends them: the schemas the server validates
 * and serialises with, and the types the server and the web front end derive from them.
 */
import { Type, type Static } from '@sinclair/typebox';
import { boundedInt, idInt, maxInt32 } from './boundedInt.js';

const nullableString = Type.Union([Type.String(), Type.Null()]);

/** The three severities of a warning, as the server spells them. */
export const severities = ['高', '中', '低'] as const;
export type WarningSeverity = (typeof severities)[number];

/**
 * Open (found and not judged away), cleared (the last scan no longer finds it), dismissed
 * (judged a false hit or a data error) and resolved (confirmed, and the record rectified).
 */
export const warningStatuses = ['open', 'cleared', 'dismissed', 'resolved'] as const;
export type WarningStatus = (typeof warningStatuses)[number];

/** What a lead's closure says of a warning behind it. */
export const judgements = ['confirmed', 'partly', 'false_hit', 'data_error'] as const;
export type Judgement = (typeof judgements)[number];

/** The judgements' names, Chinese and English. */
export const judgementNames: Record<Judgement, { zh: string; en: string }> = {
  confirmed: { zh: '属实', en: 'confirmed' },
  partly: { zh: '部分属实', en: 'partly confirmed' },
  false_hit: { zh: '误报', en: 'false hit' },
  data_error: { zh: '数据错误', en: 'data error' },
};

/** Judgements that dismiss a warning: it leaves the open list until its evidence changes. */
export const dismissingJudgements: readonly Judgement[] = ['false_hit', 'data_error'];

export const judgementSchema = Type.Union(judgements.map((j) => Type.Literal(j)));

/** One judgement of a warning, as a lead's closure passes it on. */
export const warningJudgementInput = Type.Object(
  {
    warningId: idInt(),
    judgement: judgementSchema,
    leadId: Type.Union([idInt(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type WarningJudgementInput = Static<typeof warningJudgementInput>;

/**
 * A warning as the API sends it to the console (the JSON fields of docs/reference/rules.md
 * first): the subject's ID number masked (431226********0015), bank accounts and ID numbers
 * in the explanation and the record references masked, and no fingerprint (a hash of the
 * full ID number, which the few possible birth dates would give back). The full number is
 * had only through a logged reveal of one warning (`WarningReveal`).
 */
export const warningView = Type.Object({
  rule: Type.String(),
  /** An 18-character ID number for a person; an organisation's or village's key otherwise. */
  subject_id_number: Type.String(),
  subject_name: Type.String(),
  village_code: nullableString,
  program_code: nullableString,
  /** `YYYY-MM` months, in order. */
  periods: Type.Array(Type.String()),
  /** Integer fen. */
  amount_fen: Type.Integer(),
  record_ids: Type.Array(Type.String()),
  /** 高, 中 or 低. */
  severity: Type.String(),
  score: Type.Integer(),
  explanation: Type.String(),
  id: Type.Integer(),
  /** person, organisation or village. */
  subject_kind: Type.String(),
  jurisdiction_code: Type.String(),
  status: Type.Union(warningStatuses.map((s) => Type.Literal(s))),
  first_seen_scan: Type.Integer(),
  last_seen_scan: Type.Integer(),
  created_at: Type.String(),
  updated_at: Type.String(),
  cleared_at: nullableString,
  /** The latest judgement (confirmed, partly, false_hit, data_error), if any. */
  judgement: Type.Union([judgementSchema, Type.Null()]),
  /** A scan brought it back after a dismissal or resolution: its evidence changed since. */
  reopened: Type.Boolean(),
});
export type WarningSummary = Static<typeof warningView>;

/** A warning as `jiandu warnings` shows it: the API's fields, unmasked, and its fingerprint. */
export type WarningView = WarningSummary & { fingerprint: string };

export const warningOrders = ['score', 'learned'] as const;
export type WarningOrder = (typeof warningOrders)[number];

export const warningsQuery = Type.Object(
  {
    rule: Type.Optional(Type.String({ maxLength: 10 })),
    status: Type.Optional(Type.Union(warningStatuses.map((s) => Type.Literal(s)))),
    severity: Type.Optional(Type.Union(severities.map((s) => Type.Literal(s)))),
    division: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
    limit: Type.Optional(boundedInt({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(boundedInt({ minimum: 0, maximum: maxInt32, default: 0 })),
    /** score: highest risk first (default); learned: risk weighted by the rule's precision. */
    order: Type.Optional(Type.Union(warningOrders.map((o) => Type.Literal(o)))),
  },
  { additionalProperties: false },
);

/** The warnings of a filter, a page of them, and how many there are by severity. */
export const warningsResponse = Type.Object({
  total: Type.Integer(),
  warnings: Type.Array(warningView),
  /** The filter's warnings by severity, whatever severity it asked for. */
  bySeverity: Type.Object({ 高: Type.Integer(), 中: Type.Integer(), 低: Type.Integer() }),
});
export type WarningList = Static<typeof warningsResponse>;

export const warningParams = Type.Object({ id: idInt() });

/** What a record of evidence says about the fact it conflicts with (all may be null). */
export const evidenceDetails = Type.Object(
  {
    fact: Type.Optional(nullableString),
    ref: Type.Optional(nullableString),
    date: Type.Optional(nullableString),
    text: Type.Optional(nullableString),
    related_id: Type.Optional(nullableString),
    related_name: Type.Optional(nullableString),
  },
  { additionalProperties: true },
);
export type EvidenceDetails = Static<typeof evidenceDetails> & { [key: string]: unknown };

/** One reason a record is evidence (one stored evidence row). */
export const evidenceReason = Type.Object({
  seq: Type.Integer(),
  details: evidenceDetails,
  /** Matched by a name that only sounds the same, not by ID number. */
  fuzzy: Type.Boolean(),
  /** The person the fact is about is the warning's subject (本人), not a relative. */
  self: Type.Boolean(),
});
export type EvidenceReason = Static<typeof evidenceReason> & { details: EvidenceDetails };

/**
 * A record of evidence, once, with every reason it hit for: a payment whose beneficiary and
 * whose household member both own a car is one record with two reasons.
 */
export const evidenceRecord = Type.Object({
  /** The first reason's `seq`: a stable key of the record in the warning. */
  seq: Type.Integer(),
  dataset: Type.String(),
  record_ref: Type.String(),
  period: nullableString,
  amount_fen: Type.Union([Type.Integer(), Type.Null()]),
  reasons: Type.Array(evidenceReason),
});
export type EvidenceRecord = Omit<Static<typeof evidenceRecord>, 'reasons'> & {
  reasons: EvidenceReason[];
};

export const warningResponse = Type.Object({
  warning: warningView,
  evidence: Type.Array(evidenceRecord),
  /** The rule's name in the interface language. */
  ruleName: Type.String(),
});
export type WarningResponse = Omit<Static<typeof warningResponse>, 'evidence'> & {
  evidence: EvidenceRecord[];
};

export const revealBody = Type.Object(
  { reason: Type.String({ maxLength: 500 }) },
  { additionalProperties: false },
);

/** The full numbers of one warning, returned by its logged reveal. */
export const revealResponse = Type.Object({
  id: Type.Integer(),
  subject_id_number: Type.String(),
  evidence: Type.Array(evidenceRecord),
});
export type WarningReveal = Omit<Static<typeof revealResponse>, 'evidence'> & {
  evidence: EvidenceRecord[];
};

/** How often a rule's judged warnings held, in the user's jurisdiction. */
export const rulePrecisionRow = Type.Object({
  rule: Type.String(),
  /** Warnings judged (the latest judgement of each). */
  judged: Type.Integer(),
  /** Judged confirmed or partly confirmed. */
  confirmed: Type.Integer(),
  /** Judged a data error (the record was corrected). */
  corrected: Type.Integer(),
  /** Judged a false hit. */
  dismissed: Type.Integer(),
  confirmedShare: Type.Number(),
  correctedShare: Type.Number(),
  dismissedShare: Type.Number(),
  /** The smoothed confirmed share the learned order multiplies a warning's score by (times 2). */
  weight: Type.Number(),
  /** The figures in words, in the interface language (R05 在本县已核实 12 条，属实 9 条（75%）). */
  words: Type.String(),
});
export type RulePrecision = Static<typeof rulePrecisionRow>;

export const rulePrecisionQuery = Type.Object(
  { division: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })) },
  { additionalProperties: false },
);

export const rulePrecisionResponse = Type.Object({ rules: Type.Array(rulePrecisionRow) });
export type RulePrecisionList = Static<typeof rulePrecisionResponse>;

export const networkEdgeKinds = [
  'household',
  'declared',
  'account',
  'phone',
  'address',
  'handler',
] as const;

/** A person in a relationship network, as the API sends it. */
export const networkNode = Type.Object({
  /** An opaque reference of this answer (P0 is the person asked about); links refer to it. */
  id: Type.String(),
  /** The ID number, masked (431226********0015); '' when the person has none on record. */
  id_number: Type.String(),
  /** Outside the user's jurisdiction the name is masked too (李*华). */
  name: Type.String(),
  village: nullableString,
  official: Type.Boolean(),
  /** 0 for the person asked about, 1 for direct links, 2 for the second hop. */
  depth: Type.Integer(),
  /** Lives outside the user's jurisdiction. */
  outside: Type.Boolean(),
});
export type NetworkNode = Static<typeof networkNode>;

/** A link between two people (by their references), with where it comes from (e.g. 户籍人口（同户）). */
export const networkEdge = Type.Object({
  from: Type.String(),
  to: Type.String(),
  kind: Type.Union(networkEdgeKinds.map((k) => Type.Literal(k))),
  source: Type.String(),
  detail: Type.String(),
});
export type NetworkEdge = Static<typeof networkEdge>;

export const networkResponse = Type.Object({
  /** The reference of the person asked about. */
  center: Type.String(),
  nodes: Type.Array(networkNode),
  edges: Type.Array(networkEdge),
});
export type PersonNetwork = Static<typeof networkResponse>;
