import type { Capability } from '../api/capabilities.js';
import { leadActionNames, leadStateNames, type LeadAction, type LeadState } from '../api/leads.js';
import { JianduError } from '../core/errors.js';

/** One allowed move: from a state, by an action, to a state, for holders of a capability. */
export interface LeadTransition {
  from: LeadState;
  to: LeadState;
  /** Any of these capabilities allows the move. */
  capabilities: readonly Capability[];
}

const open: readonly LeadState[] = ['assigned', 'verifying'];

function each(
  from: readonly LeadState[],
  to: LeadState | 'same',
  capabilities: readonly Capability[],
): LeadTransition[] {
  return from.map((state) => ({ from: state, to: to === 'same' ? state : to, capabilities }));
}

/** The whole machine as data: the console can ask it which buttons to show. */
export const leadTransitions: Readonly<Record<LeadAction, readonly LeadTransition[]>> = {
  triage: each(['triage'], 'assigned', ['leads.triage']),
  assign: each(open, 'same', ['leads.triage', 'leads.handle']),
  accept: each(['assigned'], 'verifying', ['leads.handle']),
  submit: each(['verifying'], 'review', ['leads.handle']),
  approve: each(['review'], 'closed', ['leads.approve']),
  send_back: [
    ...each(['review'], 'verifying', ['leads.approve']),
    // The office says the lead is not theirs: back to triage for another office.
    ...each(['assigned'], 'triage', ['leads.handle']),
  ],
  supervise: each(open, 'same', ['leads.supervise']),
  request_extension: each(open, 'same', ['leads.handle']),
  grant_extension: each(open, 'same', ['leads.supervise']),
  archive: each(['closed'], 'archived', ['leads.approve']),
  reopen: each(['closed'], 'verifying', ['leads.approve']),
};

/** Whether an action is allowed in a state at all (before asking who acts). */
export function transitionOf(state: LeadState, action: LeadAction): LeadTransition | undefined {
  return leadTransitions[action].find((t) => t.from === state);
}

/**
 * The move an action makes from the lead's state, or LEAD_STATE naming both in plain words
 * (线索 431226-2026-000123 当前为“已办结”，不能“退回”).
 */
export function nextTransition(
  lead: { case_no: string; state: LeadState },
  action: LeadAction,
): LeadTransition {
  const transition = transitionOf(lead.state, action);
  if (!transition)
    throw new JianduError('LEAD_STATE', {
      lead: lead.case_no,
      state: leadStateNames[lead.state],
      action: leadActionNames[action],
    });
  return transition;
}

/** The actions possible from a state, in the order of leadActions' table. */
export function actionsFrom(state: LeadState): LeadAction[] {
  return (Object.keys(leadTransitions) as LeadAction[]).filter((a) => transitionOf(state, a));
}
