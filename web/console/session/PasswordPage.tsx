import { App as AntdApp, Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../components/i18n';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useSession } from './session';

/** Changing one's password at any time, inside the workspace. */
export function PasswordPage(): ReactNode {
  const { t } = useI18n();
  const session = useSession();
  const { message } = AntdApp.useApp();
  return (
    <div className="page">
      <Card className="narrow-card">
        <Typography.Title level={3} className="page-title">
          {t('change.titleVoluntary')}
        </Typography.Title>
        <ChangePasswordForm
          onChanged={() => void message.success(t('change.done'))}
          onExpired={session.expire}
        />
      </Card>
    </div>
  );
}
