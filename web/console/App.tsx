import { Button, Result, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { api, errorMessage, isAbort, isApiError } from '../components/api';
import type { MeResponse } from '../components/apiTypes';
import { useI18n } from '../components/i18n';
import { ChangePasswordScreen } from './session/ChangePasswordScreen';
import { ConsoleLayout } from './shell/ConsoleLayout';
import { LoginPage } from './session/LoginPage';
import { SessionContext, type Session } from './session/session';

type State =
  | { kind: 'loading' }
  | { kind: 'signedOut' }
  | { kind: 'failed'; message: string }
  | { kind: 'signedIn'; me: MeResponse };

/**
 * The console: who is signed in decides the screen. No session: sign in. A one-time
 * password: replace it first. Otherwise the workspace.
 */
export function App(): ReactNode {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'loading' });
  // Bumped to ask /api/me again; the current screen stays until the answer arrives.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    document.title = t('app.fullTitle');
  }, [t]);

  useEffect(() => {
    const controller = new AbortController();
    api.get<MeResponse>('/api/me', { signal: controller.signal }).then(
      (me) => setState({ kind: 'signedIn', me }),
      (error: unknown) => {
        if (isAbort(error)) return;
        if (isApiError(error) && error.status === 401) setState({ kind: 'signedOut' });
        else setState({ kind: 'failed', message: errorMessage(error) });
      },
    );
    return () => controller.abort();
  }, [generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const expire = useCallback(() => setState({ kind: 'signedOut' }), []);
  const signOut = useCallback(async () => {
    try {
      await api.delete('/api/session');
    } catch (error) {
      // An ended session is as good as a sign-out.
      if (!(isApiError(error) && error.status === 401)) throw error;
    }
    setState({ kind: 'signedOut' });
  }, []);

  const me = state.kind === 'signedIn' ? state.me : null;
  const session = useMemo<Session | null>(
    () => (me ? { me, reload, expire, signOut } : null),
    [me, reload, expire, signOut],
  );

  switch (state.kind) {
    case 'loading':
      return (
        <div className="console-centre">
          <Spin size="large" description={t('common.loading')} />
        </div>
      );
    case 'failed':
      return (
        <div className="console-centre">
          <Result
            status="error"
            title={t('error.loadFailed')}
            subTitle={state.message}
            extra={
              <Button
                type="primary"
                onClick={() => {
                  setState({ kind: 'loading' });
                  reload();
                }}
              >
                {t('common.retry')}
              </Button>
            }
          />
        </div>
      );
    case 'signedOut':
      return <LoginPage onSignedIn={reload} />;
    case 'signedIn':
      return (
        <SessionContext value={session}>
          {state.me.user.mustChangePassword ? <ChangePasswordScreen /> : <ConsoleLayout />}
        </SessionContext>
      );
  }
}
