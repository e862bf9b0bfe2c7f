/**
 * Leads (问题线索) as the API will send and take them: states, actions, classes and their
 * names in both languages, the lead view and the bodies of actions. The server, the command
 * line and the console derive their types from these schemas.
 */
import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import { boundedInt, idInt, maxInt32 } from './boundedInt.js';

type Names = { zh: string; en: string };

function literals<T extends string>(values: readonly T[]): TUnion<TLiteral<T>[]> {
  return Type.Union(values.map((v) => Type.Literal(v)));
}

const nullableString = Type.Union([Type.String(), Type.Null()]);
const isoDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

export const leadStates = [
  'triage',
  'assigned',
  'verifying',
  'review',
  'closed',
  'archived',
] as const;
export type LeadState = (typeof leadStates)[number];
export const leadStateNames: Record<LeadState, Names> = {
  triage: { zh: '待分流', en: 'To triage' },
  assigned: { zh: '已转办', en: 'Assigned' },
  verifying: { zh: '核查中', en: 'Verifying' },
  review: { zh: '待审核', en: 'Awaiting approval' },
  closed: { zh: '已办结', en: 'Closed' },
  archived: { zh: '已归档', en: 'Archived' },
};

export const leadActions = [
  'triage',
  'assign',
  'accept',
  'submit',
  'approve',
  'send_back',
  'supervise',
  'request_extension',
  'grant_extension',
  'archive',
  'reopen',
] as const;
export type LeadAction = (typeof leadActions)[number];
export const leadActionNames: Record<LeadAction, Names> = {
  triage: { zh: '分流', en: 'Triage' },
  assign: { zh: '交办', en: 'Assign' },
  accept: { zh: '开始核查', en: 'Start verifying' },
  submit: { zh: '提交办理结果', en: 'Submit the outcome' },
  approve: { zh: '审核办结', en: 'Approve closure' },
  send_back: { zh: '退回', en: 'Send back' },
  supervise: { zh: '督办', en: 'Supervise' },
  request_extension: { zh: '申请延期', en: 'Request an extension' },
  grant_extension: { zh: '批准延期', en: 'Grant an extension' },
  archive: { zh: '归档', en: 'Archive' },
  reopen: { zh: '重新办理', en: 'Reopen' },
};

export const leadClasses = ['data_correction', 'rectification', 'clue_transfer'] as const;
export type LeadClass = (typeof leadClasses)[number];
export const leadClassNames: Record<LeadClass, Names> = {
  data_correction: { zh: '数据纠错', en: 'Data correction' },
  rectification: { zh: '督促整改', en: 'Rectification' },
  clue_transfer: { zh: '线索移交', en: 'Clue transfer' },
};

export const leadOrigins = ['warning', 'complaint', 'manual'] as const;
export type LeadOrigin = (typeof leadOrigins)[number];
export const leadOriginNames: Record<LeadOrigin, Names> = {
  warning: { zh: '预警', en: 'Warning' },
  complaint: { zh: '群众投诉', en: 'Complaint' },
  manual: { zh: '人工登记', en: 'Registered by hand' },
};

/** How a hand-registered lead came in. */
export const manualChannels = ['letter', 'phone', 'visit', 'other'] as const;
export type ManualChannel = (typeof manualChannels)[number];
export const manualChannelNames: Record<ManualChannel, Names> = {
  letter: { zh: '来信', en: 'Letter' },
  phone: { zh: '来电', en: 'Phone call' },
  visit: { zh: '来访', en: 'Visit' },
  other: { zh: '其他', en: 'Other' },
};

export const officeKinds = [
  'civil_affairs',
  'discipline',
  'finance',
  'human_resources',
  'agriculture',
  'other',
] as const;
export type OfficeKind = (typeof officeKinds)[number];
export const officeKindNames: Record<OfficeKind, Names> = {
  civil_affairs: { zh: '民政', en: 'Civil affairs' },
  discipline: { zh: '纪委监委', en: 'Discipline inspection' },
  finance: { zh: '财政', en: 'Finance' },
  human_resources: { zh: '人社', en: 'Human resources' },
  agriculture: { zh: '农业农村', en: 'Agriculture' },
  other: { zh: '其他', en: 'Other' },
};

export const verdicts = ['true', 'partly', 'false'] as const;
export type Verdict = (typeof verdicts)[number];
export const verdictNames: Record<Verdict, Names> = {
  true: { zh: '属实', en: 'True' },
  partly: { zh: '部分属实', en: 'Partly true' },
  false: { zh: '不属实', en: 'Not true' },
};

/** How a closed lead judged each of its warnings. */
export const judgements = ['confirmed', 'partly', 'false_hit', 'data_error'] as const;
export type Judgement = (typeof judgements)[number];
export const judgementNames: Record<Judgement, Names> = {
  confirmed: { zh: '属实', en: 'Confirmed' },
  partly: { zh: '部分属实', en: 'Partly confirmed' },
  false_hit: { zh: '误报', en: 'False hit' },
  data_error: { zh: '数据错误', en: 'Data error' },
};

const fen = boundedInt({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

export const leadOutcomeBody = Type.Object(
  {
    verdict: literals(verdicts),
    findings: Type.String({ minLength: 1, maxLength: 10_000 }),
    recover_fen: Type.Optional(fen),
    recovered_fen: Type.Optional(fen),
    record_corrected: Type.Optional(Type.Boolean()),
    correction_note: Type.Optional(Type.String({ maxLength: 2000 })),
    /** A judgement per source warning; a warning not named takes its default from the verdict. */
    judgements: Type.Optional(
      Type.Array(Type.Object({ warning_id: idInt(), judgement: literals(judgements) }), {
        maxItems: 1000,
      }),
    ),
    accountability: Type.Optional(
      Type.Array(
        Type.Object({
          kind: Type.String({ minLength: 1, maxLength: 40 }),
          person_name: Type.String({ minLength: 1, maxLength: 60 }),
          decided_on: isoDate,
          document_no: Type.Optional(Type.String({ maxLength: 100 })),
        }),
        { maxItems: 100 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type LeadOutcomeBody = Static<typeof leadOutcomeBody>;

/** One action on a lead: the version the actor saw, and what the action needs. */
export const leadActionBody = Type.Object(
  {
    action: literals(leadActions),
    version: boundedInt({ minimum: 1, maximum: maxInt32 }),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    class: Type.Optional(literals(leadClasses)),
    office_id: Type.Optional(idInt()),
    handler_id: Type.Optional(idInt()),
    deadline: Type.Optional(isoDate),
    outcome: Type.Optional(leadOutcomeBody),
  },
  { additionalProperties: false },
);
export type LeadActionBody = Static<typeof leadActionBody>;

export const createLeadBody = Type.Union([
  Type.Object(
    {
      origin: Type.Literal('warning'),
      warning_ids: Type.Array(idInt(), { minItems: 1, maxItems: 500 }),
      summary: Type.Optional(Type.String({ maxLength: 10_000 })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      origin: Type.Literal('complaint'),
      complaint_id: idInt(),
      summary: Type.Optional(Type.String({ maxLength: 10_000 })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      origin: Type.Literal('manual'),
      channel: literals(manualChannels),
      jurisdiction_code: Type.String({ pattern: '^[0-9]{12}$' }),
      subject: Type.String({ minLength: 1, maxLength: 64 }),
      subject_name: Type.String({ minLength: 1, maxLength: 100 }),
      summary: Type.String({ minLength: 1, maxLength: 10_000 }),
    },
    { additionalProperties: false },
  ),
]);
export type CreateLeadBody = Static<typeof createLeadBody>;

export const leadView = Type.Object({
  id: Type.Integer(),
  case_no: Type.String(),
  jurisdiction_code: Type.String(),
  /** Masked for a person (431226********0015). */
  subject: Type.String(),
  subject_name: Type.String(),
  origin: literals(leadOrigins),
  manual_channel: nullableString,
  summary: Type.String(),
  class: Type.Union([literals(leadClasses), Type.Null()]),
  state: literals(leadStates),
  office_id: Type.Union([Type.Integer(), Type.Null()]),
  handler_id: Type.Union([Type.Integer(), Type.Null()]),
  routing_reason: nullableString,
  assigned_on: nullableString,
  deadline: nullableString,
  due_warned_at: nullableString,
  supervised_at: nullableString,
  extension_requested_to: nullableString,
  extensions: Type.Integer(),
  version: Type.Integer(),
  amount_fen: Type.Integer(),
  created_at: Type.String(),
  updated_at: Type.String(),
  closed_at: nullableString,
});
export type LeadView = Static<typeof leadView>;

export const leadEventView = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actor_id: Type.Union([Type.Integer(), Type.Null()]),
  actor_name: Type.String(),
  action: Type.String(),
  from_state: nullableString,
  to_state: nullableString,
  reason: nullableString,
  details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});
export type LeadEventView = Static<typeof leadEventView>;

/** A page of a queue and how many leads the queue holds. */
export const leadQueuePage = Type.Object({
  total: Type.Integer(),
  leads: Type.Array(leadView),
});
export type LeadQueuePage = Static<typeof leadQueuePage>;

/** Routing's answer, in words the console can show. */
export const leadRouting = Type.Object({
  class: literals(leadClasses),
  office_id: Type.Union([Type.Integer(), Type.Null()]),
  office_kind: literals(officeKinds),
  reason: Type.String(),
  excluded_office_ids: Type.Array(Type.Integer()),
  excluded_user_ids: Type.Array(Type.Integer()),
});
export type LeadRouting = Static<typeof leadRouting>;

/** The queues a list can show: to triage, overdue or supervised, awaiting approval, own, office. */
export const leadQueues = ['triage', 'overdue', 'review', 'mine', 'office'] as const;
export type LeadQueue = (typeof leadQueues)[number];

export const leadsQuery = Type.Object(
  {
    queue: literals(leadQueues),
    limit: Type.Optional(boundedInt({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(boundedInt({ minimum: 0, maximum: maxInt32, default: 0 })),
  },
  { additionalProperties: false },
);
export type LeadsQuery = Static<typeof leadsQuery>;

export const leadParams = Type.Object({ id: idInt() });

/** Leads by state and class, with the amounts involved. */
export const leadTotalsResponse = Type.Object({
  totals: Type.Array(
    Type.Object({
      state: literals(leadStates),
      class: Type.Union([literals(leadClasses), Type.Null()]),
      count: Type.Integer(),
      amount_fen: Type.Integer(),
    }),
  ),
});
export type LeadTotalsResponse = Static<typeof leadTotalsResponse>;

/** One lead with its timeline, sources, the actions this user may take now and, in triage, routing. */
export const leadDetail = Type.Object({
  lead: leadView,
  events: Type.Array(leadEventView),
  sources: Type.Object({
    warning_ids: Type.Array(Type.Integer()),
    complaint_ids: Type.Array(Type.Integer()),
  }),
  actions: Type.Array(literals(leadActions)),
  routing: Type.Union([leadRouting, Type.Null()]),
});
export type LeadDetail = Static<typeof leadDetail>;

export const leadSplitBody = Type.Object(
  {
    version: boundedInt({ minimum: 1, maximum: maxInt32 }),
    warning_ids: Type.Array(idInt(), { minItems: 1, maxItems: 500 }),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type LeadSplitBody = Static<typeof leadSplitBody>;

/** A split: the lead as it now is and the new lead holding the moved warnings. */
export const leadSplitResponse = Type.Object({ from: leadView, to: leadView });
export type LeadSplitResponse = Static<typeof leadSplitResponse>;
