import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../components/i18n';
import { HomePage } from './home/HomePage';
import { portalHomeQuery } from './home/queries';

/**
 * The public portal for villagers: light, large type, plain Chinese, no Ant Design. The
 * frame names the jurisdiction from the home's answer (the same cached request).
 */
export function PortalApp(): ReactNode {
  const { t } = useI18n();
  const home = useQuery(portalHomeQuery).data ?? null;
  const title = home ? t('portal.title', { name: home.jurisdiction.name }) : null;

  useEffect(() => {
    document.title = title ? `${title} · ${t('app.name')}` : t('app.name');
  }, [title, t]);

  return (
    <div className="portal">
      <header className="portal-header">
        <div className="portal-header-inner">
          <div className="portal-topbar">
            <span className="portal-brand">
              <span className="portal-brand-mark" aria-hidden="true">
                监
              </span>
              {t('app.name')}
            </span>
            <LanguageSwitch />
          </div>
          <h1 className="portal-title" data-testid="portal-title">
            {title ?? t('app.name')}
          </h1>
          {home ? <p className="portal-subtitle">{home.jurisdiction.fullName}</p> : null}
        </div>
      </header>

      <main className="portal-main">
        <HomePage />
      </main>

      <footer className="portal-footer">
        <a href="/console/" className="portal-staff-link">
          {t('portal.staffLogin')}
        </a>
        <p>{t('portal.footer')}</p>
      </footer>
    </div>
  );
}
