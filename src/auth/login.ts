import type { AppContext } from '../appContext.js';
import type { Actor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import { JianduError } from '../core/errors.js';
import { clientNextAttempt, forgetClient, recordClientFailure } from './loginClientsRepository.js';
import { decoyHash, verifyPassword } from './passwords.js';
import { createSession } from './sessionsRepository.js';
import type { SessionUser } from './sessionUser.js';
import {
  findUserByUsername,
  recordLoginFailure,
  recordLoginRefused,
  recordLoginSuccess,
  toSessionUser,
  type UserRow,
} from './usersRepository.js';

/** A growing wait: none before the `free`-th failure, then `first` seconds, doubling up to `cap`. */
export interface Backoff {
  free: number;
  firstSeconds: number;
  capSeconds: number;
}

/**
 * An account backs off briefly and for a bounded time, so that nobody can keep a known user
 * out for long by typing wrong passwords; the client address that fails backs off for much
 * longer, so one source cannot go on guessing.
 */
export const accountBackoff: Backoff = { free: 5, firstSeconds: 5, capSeconds: 5 * 60 };
export const clientBackoff: Backoff = { free: 10, firstSeconds: 30, capSeconds: 15 * 60 };
/** Failures are forgotten this long after an account's back-off ended or a client's last failure. */
export const forgetAfterMs = 60 * 60_000;

export function backoffSeconds(failures: number, backoff: Backoff): number {
  if (failures < backoff.free) return 0;
  return Math.min(backoff.capSeconds, backoff.firstSeconds * 2 ** (failures - backoff.free));
}

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

export interface LoginOptions {
  /** The time (tests move it instead of sleeping). */
  now?: () => Date;
}

const anonymous: Actor = { id: null, name: 'anonymous' };

/**
 * Checks the password and opens a session. Every refusal looks the same (LOGIN_FAILED, one
 * password hash checked): a wrong password, an unknown or disabled user, an account backing
 * off after repeated failures and a client address backing off, so that nobody learns which
 * user names exist or which accounts are under attack.
 */
export async function login(
  ctx: AppContext,
  input: LoginInput,
  options: LoginOptions = {},
): Promise<{ token: string; user: SessionUser }> {
  const now = (options.now ?? (() => new Date()))();
  const nowIso = now.toISOString();
  const forgetBefore = new Date(now.getTime() - forgetAfterMs).toISOString();
  const after = (backoff: Backoff) => (failures: number) => {
    const seconds = backoffSeconds(failures, backoff);
    return seconds > 0 ? new Date(now.getTime() + seconds * 1000).toISOString() : null;
  };
  const db = ctx.handle.db;
  const client = input.ip;
  const user = await findUserByUsername(db, input.username);
  const known: UserRow | null = user && user.active === 1 ? user : null;
  const clientWaits =
    client !== null && ((await clientNextAttempt(db, client, forgetBefore)) ?? '') > nowIso;
  const accountWaits = known !== null && (known.locked_until ?? '') > nowIso;

  const refuse = async (record: boolean): Promise<never> => {
    // The same work as a wrong password: one hash checked, one write.
    await verifyPassword(await decoyHash(), input.password);
    if (record) {
      await auditedWrite(
        ctx,
        known ? { id: known.id, name: known.username } : anonymous,
        async (scope) => {
          if (known) await recordLoginRefused(scope, known, client);
          if (client !== null)
            await recordClientFailure(scope, client, {
              now: nowIso,
              forgetBefore,
              nextAttemptAt: after(clientBackoff),
            });
        },
      );
    }
    throw new JianduError('LOGIN_FAILED');
  };

  // A client that keeps failing is not even counted again: it only waits.
  if (clientWaits) return refuse(false);
  if (!known) return refuse(client !== null);
  if (accountWaits) return refuse(true);

  const actor = { id: known.id, name: known.username };
  if (!(await verifyPassword(known.password_hash, input.password))) {
    await auditedWrite(ctx, actor, async (scope) => {
      await recordLoginFailure(scope, known, {
        forgetBefore,
        nextAttemptAt: after(accountBackoff),
        client,
      });
      if (client !== null)
        await recordClientFailure(scope, client, {
          now: nowIso,
          forgetBefore,
          nextAttemptAt: after(clientBackoff),
        });
    });
    throw new JianduError('LOGIN_FAILED');
  }
  const token = await auditedWrite(ctx, actor, async (scope) => {
    await recordLoginSuccess(scope, known);
    if (client !== null) await forgetClient(scope, client);
    return createSession(scope, known, {
      ip: input.ip,
      userAgent: input.userAgent,
      hours: ctx.config.sessionHours,
    });
  });
  return { token, user: toSessionUser(known) };
}
