import type { AppContext } from '../../src/appContext.js';
import { auditedWrite } from '../../src/audit/auditedWrite.js';
import { createSession } from '../../src/auth/sessionsRepository.js';
import type { UserRow } from '../../src/auth/usersRepository.js';

/** A session for the user without going through the (rate-limited) sign-in route. */
export async function sessionCookieFor(ctx: AppContext, user: UserRow): Promise<string> {
  const token = await auditedWrite(ctx, { id: user.id, name: user.username }, (scope) =>
    createSession(scope, user, { ip: null, userAgent: 'test', hours: 1 }),
  );
  return `jiandu_session=${token}`;
}
