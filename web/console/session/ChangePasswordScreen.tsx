import { App as AntdApp, Button, Typography } from 'antd';
import type { ReactNode } from 'react';
import { errorMessage } from '../../components/api';
import { useI18n } from '../../components/i18n';
import { AuthFrame } from './AuthFrame';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useSession } from './session';

/** Shown instead of everything else while the user still has a one-time password. */
export function ChangePasswordScreen(): ReactNode {
  const { t } = useI18n();
  const session = useSession();
  const { message } = AntdApp.useApp();
  const { user } = session.me;
  return (
    <AuthFrame
      title={t('change.title')}
      footer={
        <Button
          type="link"
          data-testid="logout"
          onClick={() => {
            session.signOut().catch((error: unknown) => void message.error(errorMessage(error)));
          }}
        >
          {t('change.signOut')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        {user.displayName} ({user.username})
        <br />
        {t('change.intro')}
      </Typography.Paragraph>
      <ChangePasswordForm
        onChanged={() => {
          void message.success(t('change.done'));
          session.reload();
        }}
        onExpired={session.expire}
      />
    </AuthFrame>
  );
}
