import { App as AntdApp } from 'antd';
import { createContext, useCallback, useContext } from 'react';
import { errorMessage, isAbort, isApiError } from '../../components/api';
import type { MeResponse } from '../../../src/api/me';

export interface Session {
  me: MeResponse;
  /** Ask the server again who is signed in (after a password change, say). */
  reload: () => void;
  /** The server no longer knows the session: back to the sign-in page. */
  expire: () => void;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the signed-in console');
  return session;
}

/** The session ended, or its password must be changed first: the session's business. */
export function isSessionError(error: unknown): boolean {
  return (
    isApiError(error) &&
    (error.code === 'UNAUTHENTICATED' || error.code === 'PASSWORD_CHANGE_REQUIRED')
  );
}

/**
 * What a page does with a failed request: an ended session goes back to sign-in, a
 * required password change reloads the session (which shows the form), anything else is
 * shown as the server's message.
 */
export function useApiErrorHandler(): (error: unknown) => void {
  const session = useSession();
  const { message } = AntdApp.useApp();
  return useCallback(
    (error: unknown) => {
      if (isAbort(error)) return;
      if (isApiError(error) && error.code === 'UNAUTHENTICATED') session.expire();
      else if (isApiError(error) && error.code === 'PASSWORD_CHANGE_REQUIRED') session.reload();
      else void message.error(errorMessage(error));
    },
    [session, message],
  );
}
