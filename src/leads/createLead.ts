import type { AppContext } from '../appContext.js';
import { auditedWrite, type WriteScope } from '../audit/auditedWrite.js';
import type { CreateLeadBody } from '../api/leads.js';
import { assertInScope } from '../auth/scope.js';
import { JianduError } from '../core/errors.js';
import { assertMayCreate, type LeadActor } from './leadAccess.js';
import {
  allocateCaseNo,
  appendLeadEvent,
  complaintForLead,
  insertLead,
  insertLeadSources,
  leadHoldingComplaint,
  leadHoldingWarnings,
  warningsForLead,
  type LeadRow,
} from './leadsRepository.js';

interface NewLead {
  jurisdictionCode: string;
  subject: string;
  subjectName: string;
  origin: LeadRow['origin'];
  manualChannel: string | null;
  summary: string;
  amountFen: number;
  sources: { warning_id?: number; complaint_id?: number }[];
  details: Record<string, unknown>;
}

/** Inserts a lead with a fresh case number, its sources, its first event and its audit entry. */
export async function insertNewLead(
  write: WriteScope,
  lead: NewLead,
  event: { action: string; reason?: string | null },
): Promise<LeadRow> {
  const now = new Date().toISOString();
  const caseNo = await allocateCaseNo(
    write.tx,
    lead.jurisdictionCode.slice(0, 6),
    Number(now.slice(0, 4)),
  );
  const row = await insertLead(write.tx, {
    case_no: caseNo,
    jurisdiction_code: lead.jurisdictionCode,
    subject: lead.subject,
    subject_name: lead.subjectName,
    origin: lead.origin,
    manual_channel: lead.manualChannel,
    summary: lead.summary,
    class: null,
    state: 'triage',
    office_id: null,
    handler_id: null,
    routing_reason: null,
    assigned_on: null,
    deadline: null,
    due_warned_at: null,
    supervised_at: null,
    extension_requested_to: null,
    extension_reason: null,
    amount_fen: lead.amountFen,
    created_by: write.actor.id,
    created_at: now,
    updated_at: now,
    closed_at: null,
  });
  await insertLeadSources(write.tx, row.id, lead.sources, now);
  await appendLeadEvent(
    write.tx,
    row.id,
    write.actor,
    {
      action: event.action,
      fromState: null,
      toState: 'triage',
      reason: event.reason ?? null,
      details: lead.details,
    },
    now,
  );
  await write.audit({
    action: `lead.${event.action}`,
    entity: 'lead',
    ids: [row.id],
    jurisdictionCode: row.jurisdiction_code,
    after: { case_no: row.case_no, origin: row.origin, ...lead.details },
  });
  return row;
}

async function fromWarnings(
  ctx: AppContext,
  who: LeadActor,
  warningIds: readonly number[],
  summary: string | undefined,
): Promise<NewLead> {
  const ids = [...new Set(warningIds)];
  const warnings = await warningsForLead(ctx.handle.db, who.scope, ids);
  const missing = ids.find((id) => !warnings.some((w) => w.id === id));
  if (missing !== undefined) throw new JianduError('NOT_FOUND', { what: `预警 ${missing}` });
  const first = warnings[0]!;
  if (warnings.some((w) => w.subject !== first.subject))
    throw new JianduError('LEAD_SUBJECTS_DIFFER');
  return {
    jurisdictionCode: first.jurisdiction_code,
    subject: first.subject,
    subjectName: first.subject_name,
    origin: 'warning',
    manualChannel: null,
    summary: summary ?? warnings.map((w) => w.explanation).join('\n'),
    amountFen: warnings.reduce((sum, w) => sum + w.amount_fen, 0),
    sources: ids.map((id) => ({ warning_id: id })),
    details: { warning_ids: ids },
  };
}

/**
 * Registers a lead: from one or more warnings of the same subject (merged into one lead), from
 * a complaint, or by hand (letter, phone call, visit). A warning or complaint already in an
 * open lead is refused; the partial unique index on lead_sources backs that up under races.
 */
export async function createLead(
  ctx: AppContext,
  who: LeadActor,
  body: CreateLeadBody,
): Promise<LeadRow> {
  assertMayCreate(who);
  const db = ctx.handle.db;
  let lead: NewLead;
  if (body.origin === 'warning') {
    lead = await fromWarnings(ctx, who, body.warning_ids, body.summary);
  } else if (body.origin === 'complaint') {
    const complaint = await complaintForLead(db, who.scope, body.complaint_id);
    if (!complaint) throw new JianduError('NOT_FOUND', { what: `投诉 ${body.complaint_id}` });
    lead = {
      jurisdictionCode: complaint.village_code,
      subject: complaint.official_id_number ?? complaint.village_code,
      subjectName: complaint.subject_name,
      origin: 'complaint',
      manualChannel: null,
      summary: body.summary ?? `${complaint.topic}：${complaint.content}`,
      amountFen: 0,
      sources: [{ complaint_id: complaint.id }],
      details: { complaint_no: complaint.complaint_no },
    };
  } else {
    assertInScope(who.scope, body.jurisdiction_code);
    lead = {
      jurisdictionCode: body.jurisdiction_code,
      subject: body.subject,
      subjectName: body.subject_name,
      origin: 'manual',
      manualChannel: body.channel,
      summary: body.summary,
      amountFen: 0,
      sources: [],
      details: { channel: body.channel },
    };
  }
  return auditedWrite(ctx, who.actor, async (write) => {
    const warningIds = lead.sources.flatMap((s) => (s.warning_id ? [s.warning_id] : []));
    const held = await leadHoldingWarnings(write.tx, warningIds);
    if (held)
      throw new JianduError('LEAD_SOURCE_TAKEN', {
        source: { zh: `预警 ${held.warning_id}`, en: `Warning ${held.warning_id}` },
        lead: held.case_no,
      });
    const complaintId = lead.sources.find((s) => s.complaint_id)?.complaint_id;
    if (complaintId !== undefined) {
      const holding = await leadHoldingComplaint(write.tx, complaintId);
      if (holding)
        throw new JianduError('LEAD_SOURCE_TAKEN', {
          source: { zh: `投诉 ${complaintId}`, en: `Complaint ${complaintId}` },
          lead: holding.case_no,
        });
    }
    return insertNewLead(write, lead, { action: 'create' });
  });
}
