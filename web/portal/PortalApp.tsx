import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { api, errorMessage, isAbort } from '../components/api';
import type { PortalHomeResponse } from '../components/apiTypes';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../components/i18n';
import type { MessageKey } from '../components/messages';

type State =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; home: PortalHomeResponse };

const features: readonly { title: MessageKey; text: MessageKey; mark: string }[] = [
  { title: 'portal.feature.village', text: 'portal.feature.villageText', mark: '村' },
  { title: 'portal.feature.self', text: 'portal.feature.selfText', mark: '查' },
  { title: 'portal.feature.complaint', text: 'portal.feature.complaintText', mark: '诉' },
];

function areasTitle(level: number): MessageKey {
  switch (level) {
    case 0:
      return 'portal.areasTitle.0';
    case 1:
      return 'portal.areasTitle.1';
    case 2:
      return 'portal.areasTitle.2';
    case 3:
      return 'portal.areasTitle.3';
    default:
      return 'portal.areasTitle';
  }
}

function Areas(props: { home: PortalHomeResponse }): ReactNode {
  const { t } = useI18n();
  const { jurisdiction, areas } = props.home;
  return (
    <section className="portal-section" aria-labelledby="portal-areas-title">
      <h2 id="portal-areas-title">{t(areasTitle(jurisdiction.level))}</h2>
      {areas.length === 0 ? (
        <p className="portal-muted">{t('portal.noAreas')}</p>
      ) : (
        <ul className="portal-areas" data-testid="portal-areas">
          {areas.map((area) => (
            <li key={area.code} className="portal-area">
              <span className="portal-area-name">{area.name}</span>
              {area.villages > 0 ? (
                <span className="portal-area-count">
                  {t('portal.villages', { count: area.villages })}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The public portal for villagers: light, large type, plain Chinese, no Ant Design. */
export function PortalApp(): ReactNode {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    api.get<PortalHomeResponse>('/api/public/home', { signal: controller.signal }).then(
      (home) => setState({ kind: 'ready', home }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ kind: 'failed', message: errorMessage(error) });
      },
    );
    return () => controller.abort();
  }, [generation]);

  const home = state.kind === 'ready' ? state.home : null;
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
        {state.kind === 'failed' ? (
          <div className="portal-notice" role="alert">
            <p>{t('portal.loadFailed')}</p>
            <p className="portal-muted">{state.message}</p>
            <button
              type="button"
              className="portal-button"
              onClick={() => {
                setState({ kind: 'loading' });
                setGeneration((n) => n + 1);
              }}
            >
              {t('common.retry')}
            </button>
          </div>
        ) : null}

        <p className="portal-intro">{t('portal.intro')}</p>

        <section className="portal-section" aria-labelledby="portal-features-title">
          <h2 id="portal-features-title">{t('portal.featuresTitle')}</h2>
          <ul className="portal-features">
            {features.map((feature) => (
              <li key={feature.title} className="portal-feature">
                <span className="portal-feature-mark" aria-hidden="true">
                  {feature.mark}
                </span>
                <span className="portal-feature-body">
                  <span className="portal-feature-title">{t(feature.title)}</span>
                  <span className="portal-feature-text">{t(feature.text)}</span>
                  <span className="portal-soon">{t('common.comingSoon')}</span>
                </span>
              </li>
            ))}
          </ul>
        </section>

        {state.kind === 'loading' ? (
          <p className="portal-muted" aria-live="polite">
            {t('common.loading')}
          </p>
        ) : null}
        {home ? <Areas home={home} /> : null}
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
