import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { errorMessage } from '../../components/api';
import type { PortalHomeResponse } from '../../../src/api/portal';
import { useI18n } from '../../components/i18n';
import type { MessageKey } from '../../components/messages';
import { portalHomeQuery } from './queries';

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

/** The portal's home: what it will offer, and the areas of the county it serves. */
export function HomePage(): ReactNode {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const home = useQuery(portalHomeQuery);

  return (
    <>
      {home.isError ? (
        <div className="portal-notice" role="alert">
          <p>{t('portal.loadFailed')}</p>
          <p className="portal-muted">{errorMessage(home.error)}</p>
          <button
            type="button"
            className="portal-button"
            // Back to "loading" while the home is asked again.
            onClick={() => void queryClient.resetQueries({ queryKey: portalHomeQuery.queryKey })}
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

      {home.isPending ? (
        <p className="portal-muted" aria-live="polite">
          {t('common.loading')}
        </p>
      ) : null}
      {home.data ? <Areas home={home.data} /> : null}
    </>
  );
}
