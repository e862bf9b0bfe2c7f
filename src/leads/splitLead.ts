import type { AppContext } from '../appContext.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import { JianduError } from '../core/errors.js';
import { insertNewLead } from './createLead.js';
import { assertMayAct, type LeadActor } from './leadAccess.js';
import {
  activeLeadSources,
  appendLeadEvent,
  findLead,
  sourcesAmount,
  splitSources,
  updateLeadVersioned,
  warningsForLead,
  type LeadRow,
} from './leadsRepository.js';

const splittable = new Set(['triage', 'assigned', 'verifying']);

/**
 * Moves some of a lead's warnings to a new lead (to triage), e.g. when they turn out to be a
 * separate matter; both leads' timelines say so and the old lead's amount is recounted.
 */
export async function splitLead(
  ctx: AppContext,
  who: LeadActor,
  leadId: number,
  input: { version: number; warningIds: number[]; reason: string },
): Promise<{ from: LeadRow; to: LeadRow }> {
  const reason = input.reason.trim();
  if (!reason) throw new JianduError('REASON_REQUIRED');
  return auditedWrite(ctx, who.actor, async (write) => {
    const { tx, actor } = write;
    const lead = await findLead(tx, who.scope, leadId);
    if (!lead) throw new JianduError('NOT_FOUND', { what: `线索 ${leadId}` });
    if (lead.version !== input.version)
      throw new JianduError('LEAD_CHANGED', { lead: lead.case_no });
    assertMayAct(who, lead, 'triage', ['leads.triage']);
    if (!splittable.has(lead.state))
      throw new JianduError('LEAD_STATE', {
        lead: lead.case_no,
        state: lead.state,
        action: { zh: '拆分', en: 'split' },
      });
    const ids = [...new Set(input.warningIds)];
    const sources = await activeLeadSources(tx, lead.id);
    const held = new Set(sources.flatMap((s) => (s.warning_id ? [s.warning_id] : [])));
    if (ids.length === 0 || ids.some((id) => !held.has(id)) || ids.length >= held.size)
      throw new JianduError('INVALID_ARGUMENT', {
        detail: '拆分的预警须属于本线索，且本线索至少保留一条',
      });
    const now = new Date().toISOString();
    await splitSources(tx, lead.id, ids, now);
    const warnings = await warningsForLead(tx, who.scope, ids);
    const created = await insertNewLead(
      write,
      {
        jurisdictionCode: lead.jurisdiction_code,
        subject: lead.subject,
        subjectName: lead.subject_name,
        origin: 'warning',
        manualChannel: null,
        summary: warnings.map((w) => w.explanation).join('\n'),
        amountFen: warnings.reduce((sum, w) => sum + w.amount_fen, 0),
        sources: ids.map((id) => ({ warning_id: id })),
        details: { warning_ids: ids, split_from: lead.case_no },
      },
      { action: 'split_in', reason },
    );
    const from = await updateLeadVersioned(tx, lead, input.version, {
      amount_fen: await sourcesAmount(tx, lead.id),
      updated_at: now,
    });
    await appendLeadEvent(
      tx,
      lead.id,
      actor,
      {
        action: 'split_out',
        fromState: lead.state,
        toState: lead.state,
        reason,
        details: { warning_ids: ids, split_to: created.case_no },
      },
      now,
    );
    return { from, to: created };
  });
}
