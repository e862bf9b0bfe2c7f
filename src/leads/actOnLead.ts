import { dataToday } from '../settings/dataToday.js';
import { judgeWarnings } from '../warnings/judgeWarnings.js';
import type { Updateable } from 'kysely';
import type { AppContext } from '../appContext.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import {
  leadActionNames,
  officeKindNames,
  type Judgement,
  type LeadActionBody,
} from '../api/leads.js';
import { jurisdictionCovers } from '../core/divisionCode.js';
import { JianduError } from '../core/errors.js';
import { deadlineFor } from './leadDeadline.js';
import { assertMayAct, type LeadActor } from './leadAccess.js';
import {
  defaultJudgement,
  findOutcome,
  judgementsOf,
  saveOutcome,
  setJudgements,
} from './leadOutcomesRepository.js';
import { appendLeadEvent, findLead, updateLeadVersioned, type LeadRow } from './leadsRepository.js';
import type { LeadTable } from './leadsTables.js';
import { nextTransition } from './leadStateMachine.js';
import { findHandler, findOffice } from './officesRepository.js';
import { routeLead } from './routeLead.js';

export interface LeadActionResult {
  lead: LeadRow;
  /** On approval: each source warning's judgement, for the warnings module to take over. */
  judgements?: { warning_id: number; judgement: Judgement | null }[];
}

function need<T>(value: T | undefined, detail: string): T {
  if (value === undefined || value === null || value === '')
    throw new JianduError('INVALID_ARGUMENT', { detail });
  return value;
}

function needReason(reason: string | undefined): string {
  const text = reason?.trim();
  if (!text) throw new JianduError('REASON_REQUIRED');
  return text;
}

/**
 * Performs one action on a lead: the state machine says whether the action is possible in the
 * lead's state, assertMayAct whether this actor may take it, and the update succeeds only if
 * the lead is still at the version the actor saw. The change, a timeline event and an audit
 * entry land in one transaction.
 */
export async function actOnLead(
  ctx: AppContext,
  who: LeadActor,
  leadId: number,
  body: LeadActionBody,
  options: { today?: string } = {},
): Promise<LeadActionResult> {
  // The same day the deadline checks judge by (a frozen scenario's, else today in China).
  const today = options.today ?? (await dataToday(ctx.handle.db));
  return auditedWrite(ctx, who.actor, async ({ tx, actor, audit }) => {
    const lead = await findLead(tx, who.scope, leadId);
    if (!lead) throw new JianduError('NOT_FOUND', { what: `线索 ${leadId}` });
    if (lead.version !== body.version)
      throw new JianduError('LEAD_CHANGED', { lead: lead.case_no });
    const transition = nextTransition(lead, body.action);
    assertMayAct(who, lead, body.action, transition.capabilities);

    const now = new Date().toISOString();
    const changes: Updateable<LeadTable> = { state: transition.to, updated_at: now };
    const details: Record<string, unknown> = {};
    let reason: string | null = body.reason?.trim() || null;
    let judgements: LeadActionResult['judgements'];

    switch (body.action) {
      case 'triage': {
        const routing = await routeLead(tx, lead);
        const leadClass = body.class ?? routing.class;
        const officeId = body.office_id ?? routing.office_id;
        if (officeId === null)
          throw new JianduError('LEAD_NO_OFFICE', {
            code: lead.jurisdiction_code,
            kind: officeKindNames[routing.office_kind],
          });
        const office = await findOffice(tx, officeId);
        if (
          !office ||
          office.active !== 1 ||
          !jurisdictionCovers(office.jurisdiction_code, lead.jurisdiction_code)
        )
          throw new JianduError('INVALID_ARGUMENT', {
            detail: `单位 ${officeId} 不能承办本辖区的线索`,
          });
        if (routing.excluded_office_ids.includes(officeId))
          throw new JianduError('LEAD_CONFLICT_OF_INTEREST', {
            lead: lead.case_no,
            target: office.name,
          });
        const overridden = leadClass !== routing.class || officeId !== routing.office_id;
        if (overridden) reason = needReason(body.reason);
        Object.assign(changes, {
          class: leadClass,
          office_id: officeId,
          handler_id: null,
          routing_reason: overridden
            ? `人工改派：${reason}（系统建议：${routing.reason}）`
            : routing.reason,
          assigned_on: today,
          deadline: await deadlineFor(tx, today, leadClass),
          due_warned_at: null,
          supervised_at: null,
        });
        Object.assign(details, { class: leadClass, office_id: officeId, routing, overridden });
        break;
      }
      case 'assign': {
        const handlerId = need(body.handler_id, '请选择承办人');
        const handler = await findHandler(tx, handlerId);
        if (
          !handler ||
          handler.active !== 1 ||
          handler.role !== 'handler' ||
          handler.office_id !== lead.office_id
        )
          throw new JianduError('INVALID_ARGUMENT', { detail: '承办人须是承办单位的在职人员' });
        const routing = await routeLead(tx, lead);
        if (routing.excluded_user_ids.includes(handlerId))
          throw new JianduError('LEAD_CONFLICT_OF_INTEREST', {
            lead: lead.case_no,
            target: { zh: '所选承办人', en: 'the chosen handler' },
          });
        changes.handler_id = handlerId;
        details.handler_id = handlerId;
        break;
      }
      case 'accept':
        if (who.role === 'handler' && lead.handler_id === null) changes.handler_id = actor.id;
        break;
      case 'submit': {
        const outcome = need(body.outcome, '请填写办理结果');
        await saveOutcome(tx, lead.id, outcome, actor.id, now);
        await setJudgements(
          tx,
          lead.id,
          outcome.judgements ?? [],
          defaultJudgement[outcome.verdict],
        );
        details.verdict = outcome.verdict;
        details.recover_fen = outcome.recover_fen ?? 0;
        break;
      }
      case 'approve': {
        const outcome = await findOutcome(tx, lead.id);
        if (!outcome)
          throw new JianduError('LEAD_OUTCOME_REQUIRED', {
            lead: lead.case_no,
            action: leadActionNames.approve,
          });
        const chosen = body.outcome?.judgements;
        if (chosen) await setJudgements(tx, lead.id, chosen, defaultJudgement[outcome.verdict]);
        judgements = await judgementsOf(tx, lead.id);
        // The warnings take the closure's judgements: a false hit or data error stays dismissed
        // until its evidence changes, a rectified record resolves the confirmed ones.
        const rectified = outcome.record_corrected === 1;
        await judgeWarnings(
          { tx, actor, audit },
          judgements.flatMap((j) =>
            j.judgement
              ? [{ warningId: j.warning_id, judgement: j.judgement, leadId: lead.id, rectified }]
              : [],
          ),
          { within: who.scope },
        );
        changes.closed_at = now;
        Object.assign(details, { verdict: outcome.verdict, judgements });
        break;
      }
      case 'send_back':
        reason = needReason(body.reason);
        if (lead.state === 'assigned')
          Object.assign(changes, {
            office_id: null,
            handler_id: null,
            assigned_on: null,
            deadline: null,
            due_warned_at: null,
            supervised_at: null,
            extension_requested_to: null,
            extension_reason: null,
          });
        break;
      case 'supervise':
        if (lead.supervised_at === null) changes.supervised_at = now;
        break;
      case 'request_extension': {
        const to = need(body.deadline, '请填写申请延至的日期');
        if (lead.deadline !== null && to <= lead.deadline)
          throw new JianduError('INVALID_ARGUMENT', {
            detail: `延期后的日期须晚于 ${lead.deadline}`,
          });
        reason = needReason(body.reason);
        Object.assign(changes, { extension_requested_to: to, extension_reason: reason });
        details.deadline = to;
        break;
      }
      case 'grant_extension': {
        const to = need(
          body.deadline ?? lead.extension_requested_to ?? undefined,
          '请填写新的期限',
        );
        if (lead.deadline !== null && to <= lead.deadline)
          throw new JianduError('INVALID_ARGUMENT', { detail: `新的期限须晚于 ${lead.deadline}` });
        Object.assign(changes, {
          deadline: to,
          extensions: lead.extensions + 1,
          extension_requested_to: null,
          extension_reason: null,
          due_warned_at: null,
        });
        Object.assign(details, { from: lead.deadline, deadline: to });
        break;
      }
      case 'archive':
        break;
      case 'reopen':
        reason = needReason(body.reason);
        changes.closed_at = null;
        await setJudgements(tx, lead.id, [], null);
        break;
    }

    const updated = await updateLeadVersioned(tx, lead, body.version, changes);
    await appendLeadEvent(
      tx,
      lead.id,
      actor,
      {
        action: body.action,
        fromState: lead.state,
        toState: updated.state,
        reason,
        details: Object.keys(details).length > 0 ? details : null,
      },
      now,
    );
    await audit({
      action: `lead.${body.action}`,
      entity: 'lead',
      ids: [lead.id],
      jurisdictionCode: lead.jurisdiction_code,
      before: { state: lead.state, version: lead.version },
      after: { state: updated.state, version: updated.version, reason, ...details },
    });
    return judgements ? { lead: updated, judgements } : { lead: updated };
  });
}
