import { Progress, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { QualityReport } from '../../../src/api/quality';
import { formatCount } from '../../components/format';
import { useI18n } from '../../components/i18n';
import {
  consistencyChecks,
  dimensionDetail,
  dimensionScore,
  qualityDimensions,
  scoreTone,
  toneColours,
} from './collection';

/**
 * The five quality scores of a batch (or a dataset), each a dial with the counts behind it;
 * consistency lists the checks that found something, in words.
 */
export function QualityPanel(props: { report: QualityReport }): ReactNode {
  const { t } = useI18n();
  const { report } = props;
  return (
    <div className="quality-grid">
      {qualityDimensions.map((dimension) => {
        const score = dimensionScore(report, dimension);
        const tone = scoreTone(score);
        const detail = dimensionDetail(report, dimension);
        const params = Object.fromEntries(
          Object.entries(detail.params).map(([k, v]) => [
            k,
            typeof v === 'number' ? formatCount(v) : v,
          ]),
        );
        return (
          <section
            key={dimension}
            className={`quality-item quality-${tone}`}
            data-testid={`quality-${dimension}`}
            aria-label={t(`quality.${dimension}`)}
          >
            <Progress
              type="dashboard"
              size={84}
              percent={score ?? 0}
              strokeColor={toneColours[tone]}
              format={() => (
                <span className="quality-score" style={{ color: toneColours[tone] }}>
                  {score === null ? '—' : score}
                </span>
              )}
            />
            <Tooltip title={t(`quality.help.${dimension}`)}>
              <div className="quality-name">{t(`quality.${dimension}`)}</div>
            </Tooltip>
            <Typography.Text type="secondary" className="quality-detail">
              {t(detail.key, params)}
            </Typography.Text>
            {dimension === 'consistency' ? (
              <ul className="quality-checks">
                {consistencyChecks(report).map((check) => (
                  <li key={check.name}>
                    <span>{check.key ? t(check.key) : check.name}</span>
                    <span className="quality-check-rows">
                      {t('quality.checkRows', { count: formatCount(check.rows) })}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
