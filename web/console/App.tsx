import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { useCallback, useEffect, useMemo } from 'react';
import type { ReactNode } from 'react';
import { api, errorMessage, isApiError } from '../components/api';
import { useI18n } from '../components/i18n';
import { ChangePasswordScreen } from './session/ChangePasswordScreen';
import { LoginPage } from './session/LoginPage';
import { forgetSession, meQuery } from './session/queries';
import { SessionContext, type Session } from './session/session';
import { ConsoleLayout } from './shell/ConsoleLayout';

/**
 * The console: who is signed in decides the screen. No session: sign in. A one-time
 * password: replace it first. Otherwise the workspace.
 */
export function App(): ReactNode {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const me = useQuery(meQuery);

  useEffect(() => {
    document.title = t('app.fullTitle');
  }, [t]);

  // Asks /api/me again; the current screen stays until the answer arrives.
  const reload = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: meQuery.queryKey }),
    [queryClient],
  );
  const expire = useCallback(() => forgetSession(queryClient), [queryClient]);
  const signOut = useCallback(async () => {
    try {
      await api.delete('/api/session');
    } catch (error) {
      // An ended session is as good as a sign-out.
      if (!(isApiError(error) && error.status === 401)) throw error;
    }
    forgetSession(queryClient);
  }, [queryClient]);

  const signedIn = me.data ?? null;
  const session = useMemo<Session | null>(
    () => (signedIn ? { me: signedIn, reload, expire, signOut } : null),
    [signedIn, reload, expire, signOut],
  );

  if (me.isPending) {
    return (
      <div className="console-centre">
        <Spin size="large" description={t('common.loading')} />
      </div>
    );
  }
  if (me.isError) {
    return (
      <div className="console-centre">
        <Result
          status="error"
          title={t('error.loadFailed')}
          subTitle={errorMessage(me.error)}
          extra={
            <Button
              type="primary"
              // Back to the spinner while /api/me is asked again.
              onClick={() => void queryClient.resetQueries({ queryKey: meQuery.queryKey })}
            >
              {t('common.retry')}
            </Button>
          }
        />
      </div>
    );
  }
  if (!session) return <LoginPage />;
  return (
    <SessionContext value={session}>
      {session.me.user.mustChangePassword ? <ChangePasswordScreen /> : <ConsoleLayout />}
    </SessionContext>
  );
}
