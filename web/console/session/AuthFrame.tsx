import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useI18n } from '../../components/i18n';
import { BrandMark } from '../shell/BrandMark';

/** The frame of the screens before the workspace: sign-in and the one-time password change. */
export function AuthFrame(props: {
  title: string;
  children: ReactNode;
  footer?: ReactNode;
}): ReactNode {
  const { t } = useI18n();
  return (
    <div className="auth-frame">
      <div className="auth-frame-top">
        <LanguageSwitch />
      </div>
      <main className="auth-frame-main">
        <div className="auth-brand">
          <BrandMark size={48} />
          <div>
            <div className="auth-brand-name">{t('app.name')}</div>
            <div className="auth-brand-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <Card className="auth-card">
          <Typography.Title level={3} className="auth-card-title">
            {props.title}
          </Typography.Title>
          {props.children}
        </Card>
        {props.footer ? <div className="auth-footer">{props.footer}</div> : null}
      </main>
    </div>
  );
}
