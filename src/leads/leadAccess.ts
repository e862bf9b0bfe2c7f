import type { Kysely } from 'kysely';
import { can, type Capability } from '../api/capabilities.js';
import { leadActionNames, type LeadAction } from '../api/leads.js';
import type { Role } from '../api/roles.js';
import type { Actor } from '../audit/actor.js';
import { inScope, scopeOf, type Scope } from '../auth/scope.js';
import { JianduError } from '../core/errors.js';
import type { Database } from '../db/schema.js';

/** Who acts on a lead: the user, their role and scope, and the office they work in. */
export interface LeadActor {
  actor: Actor;
  role: Role;
  scope: Scope;
  officeId: number | null;
  /** Whether that office supervises its jurisdiction (the discipline office). */
  supervisingOffice: boolean;
}

/** A lead actor from the users table (a command's --as user, a session's user). */
export async function leadActorFor(db: Kysely<Database>, userId: number): Promise<LeadActor> {
  const row = await db
    .selectFrom('users')
    .leftJoin('offices', 'offices.id', 'users.office_id')
    .select([
      'users.id',
      'users.username',
      'users.role',
      'users.jurisdiction_code',
      'users.office_id',
      'offices.supervising',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row) throw new JianduError('USER_NOT_FOUND', { user: String(userId) });
  return {
    actor: { id: row.id, name: row.username },
    role: row.role,
    scope: scopeOf(row.jurisdiction_code),
    officeId: row.office_id,
    supervisingOffice: row.supervising === 1,
  };
}

/**
 * The one check before every action on a lead: the role holds one of the capabilities, the
 * lead lies in the actor's jurisdiction, a handler acts only on their own office's leads,
 * and an inspector who belongs to an office approves or supervises only from the supervising
 * one (an inspector without an office is the discipline body itself).
 */
export function assertMayAct(
  who: LeadActor,
  lead: { case_no: string; jurisdiction_code: string; office_id: number | null },
  action: LeadAction,
  capabilities: readonly Capability[],
): void {
  const held = capabilities.filter((c) => can(who.role, c));
  if (held.length === 0) throw new JianduError('FORBIDDEN');
  const refuse = () =>
    new JianduError('LEAD_NOT_YOURS', { lead: lead.case_no, action: leadActionNames[action] });
  if (!inScope(who.scope, lead.jurisdiction_code)) throw refuse();
  if (who.role === 'handler' && (who.officeId === null || who.officeId !== lead.office_id))
    throw refuse();
  const supervisory = held.every((c) => c === 'leads.approve' || c === 'leads.supervise');
  if (supervisory && who.role === 'inspector' && who.officeId !== null && !who.supervisingOffice)
    throw refuse();
}

/** Registering and splitting leads is triage work: the role and nothing else decides. */
export function assertMayCreate(who: LeadActor): void {
  if (!can(who.role, 'leads.triage')) throw new JianduError('FORBIDDEN');
}
