import { describe, expect, it } from 'vitest';
import { leadActions, leadStates, type LeadAction, type LeadState } from '../api/leads.js';
import { JianduError } from '../core/errors.js';
import { actionsFrom, nextTransition, transitionOf } from './leadStateMachine.js';

/** The machine as the issue describes it: action → from state → to state. */
const expected: Record<LeadAction, Partial<Record<LeadState, LeadState>>> = {
  triage: { triage: 'assigned' },
  assign: { assigned: 'assigned', verifying: 'verifying' },
  accept: { assigned: 'verifying' },
  submit: { verifying: 'review' },
  approve: { review: 'closed' },
  send_back: { review: 'verifying', assigned: 'triage' },
  supervise: { assigned: 'assigned', verifying: 'verifying' },
  request_extension: { assigned: 'assigned', verifying: 'verifying' },
  grant_extension: { assigned: 'assigned', verifying: 'verifying' },
  archive: { closed: 'archived' },
  reopen: { closed: 'verifying' },
};

describe('the lead state machine', () => {
  for (const state of leadStates)
    for (const action of leadActions) {
      const to = expected[action][state];
      it(`${to ? 'allows' : 'refuses'} ${action} from ${state}`, () => {
        const lead = { case_no: '431226-2026-000123', state };
        if (to) {
          expect(transitionOf(state, action)?.to).toBe(to);
          expect(nextTransition(lead, action).to).toBe(to);
        } else {
          expect(transitionOf(state, action)).toBeUndefined();
          expect(() => nextTransition(lead, action)).toThrow(JianduError);
        }
      });
    }

  it('names the state and the action in plain Chinese when it refuses', () => {
    try {
      nextTransition({ case_no: '431226-2026-000123', state: 'closed' }, 'send_back');
      expect.unreachable();
    } catch (error) {
      expect((error as JianduError).code).toBe('LEAD_STATE');
      expect((error as JianduError).text('zh')).toBe(
        '线索 431226-2026-000123 当前为“已办结”，不能“退回”',
      );
      expect((error as JianduError).text('en')).toContain('Closed');
    }
  });

  it('lists nothing to do on an archived lead', () => {
    expect(actionsFrom('archived')).toEqual([]);
    expect(actionsFrom('review')).toEqual(['approve', 'send_back']);
  });
});
