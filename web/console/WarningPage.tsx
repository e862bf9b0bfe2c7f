import {
  Alert,
  Card,
  Descriptions,
  Empty,
  Progress,
  Result,
  Space,
  Spin,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { DescriptionsProps, TableColumnsType } from 'antd';
import { Suspense, lazy, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { api, errorMessage, isApiError } from '../components/api';
import type {
  PersonNetworkResponse,
  WarningEvidence,
  WarningResponse,
} from '../components/apiTypes';
import { formatCount, formatDateTime } from '../components/format';
import { useI18n } from '../components/i18n';
import { useMediaQuery } from '../components/useMediaQuery';
import { ConsoleLink, LinkButton } from './ConsoleLink';
import { useApiErrorHandler } from './session';
import { useDatasets } from './useDatasets';
import { parentDivision, useDivisionNames } from './useDivisionNames';
import {
  backToListPath,
  evidenceFact,
  formatPeriods,
  formatYuan,
  isIdNumber,
  relatedPerson,
  shownId,
} from './warnings';
import { RuleText, SeverityTag, SubjectText, WarningStatusTag } from './WarningsPage';

// ECharts is downloaded only when a warning's network is shown.
const NetworkGraph = lazy(() => import('./NetworkGraph'));

const severityStroke: Record<string, string> = { 高: '#dc2626', 中: '#ea580c', 低: '#2563eb' };

/** The relationship network of a person, fetched and drawn (the view is logged by the server). */
function NetworkCard(props: { id: string; reveal: boolean }): ReactNode {
  const { t } = useI18n();
  const [state, setState] = useState<
    | { kind: 'loading' }
    | { kind: 'failed'; message: string }
    | { kind: 'ready'; network: PersonNetworkResponse }
  >({ kind: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<PersonNetworkResponse>(`/api/people/${encodeURIComponent(props.id)}/network`, {
        signal: controller.signal,
      })
      .then(
        (network) => setState({ kind: 'ready', network }),
        (error: unknown) => {
          if (!controller.signal.aborted)
            setState({ kind: 'failed', message: errorMessage(error) });
        },
      );
    return () => controller.abort();
  }, [props.id]);

  const outside =
    state.kind === 'ready' && state.network.nodes.some((n) => n.id.startsWith('辖区外-'));
  return (
    <Card title={t('warning.network')}>
      <Typography.Paragraph type="secondary" className="network-caption">
        <span data-testid="warning-network-caption">{t('warning.networkCaption')}</span>
        <br />
        {outside ? `${t('warning.networkOutside')} ` : ''}
        {t('warning.networkHint')}
      </Typography.Paragraph>
      {state.kind === 'loading' ? (
        <div className="network-loading">
          <Spin />
        </div>
      ) : state.kind === 'failed' ? (
        <Alert type="error" showIcon title={state.message} />
      ) : (
        <>
          {state.network.edges.length === 0 ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('warning.networkEmpty')}
              className="network-empty"
            />
          ) : null}
          <Suspense
            fallback={
              <div className="network-loading">
                <Spin />
              </div>
            }
          >
            <NetworkGraph network={state.network} reveal={props.reveal} />
          </Suspense>
        </>
      )}
    </Card>
  );
}

type Loaded =
  | { kind: 'loading' }
  | { kind: 'missing'; message: string }
  | { kind: 'ready'; data: WarningResponse };

/**
 * One warning: its explanation first and large, then the rule, risk and subject, every
 * record that hit as evidence with the fact it conflicts with, and for a person the
 * relationship network. The server logs the view; the page says so.
 */
export function WarningPage(props: { id: number }): ReactNode {
  const { t, language } = useI18n();
  const handleError = useApiErrorHandler();
  const datasets = useDatasets();
  const narrow = useMediaQuery('(max-width: 640px)');
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [reveal, setReveal] = useState(false);
  const [back] = useState(() => backToListPath(window.location.search));

  useEffect(() => {
    const controller = new AbortController();
    api.get<WarningResponse>(`/api/warnings/${props.id}`, { signal: controller.signal }).then(
      (data) => setLoaded({ kind: 'ready', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiError(error) && (error.status === 404 || error.status === 403)) {
          setLoaded({ kind: 'missing', message: error.message });
        } else {
          handleError(error);
          setLoaded({ kind: 'missing', message: errorMessage(error) });
        }
      },
    );
    return () => controller.abort();
  }, [props.id, handleError]);

  const warning = loaded.kind === 'ready' ? loaded.data.warning : null;
  const village = warning?.village_code ?? null;
  const township = village ? parentDivision(village) : null;
  const { nameOf } = useDivisionNames([village, township]);

  if (loaded.kind === 'missing') {
    return (
      <div className="page">
        <Card>
          <Result
            status="warning"
            title={loaded.message}
            extra={<LinkButton href={back}>{t('warning.back')}</LinkButton>}
          />
        </Card>
      </div>
    );
  }
  if (loaded.kind === 'loading' || !warning) {
    return (
      <div className="page page-loading">
        <Spin size="large" />
      </div>
    );
  }

  const { evidence, ruleName } = loaded.data;
  const villageName = village ? nameOf(village) : null;
  const townshipName = township ? nameOf(township) : null;
  const person = warning.subject_kind === 'person' && isIdNumber(warning.subject_id_number);
  const datasetName = (key: string): string =>
    key === 'complaints' ? t('warning.dataset.complaints') : datasets.nameOf(key);

  const items: DescriptionsProps['items'] = [
    {
      key: 'rule',
      label: t('warning.rule'),
      children: <RuleText code={warning.rule} name={ruleName} />,
    },
    {
      key: 'severity',
      label: t('warning.severity'),
      children: <SeverityTag severity={warning.severity} testId="warning-severity" />,
    },
    {
      key: 'score',
      label: t('warning.score'),
      children: (
        <Progress
          percent={warning.score}
          format={(value) => <strong>{value}</strong>}
          strokeColor={severityStroke[warning.severity] ?? '#64748b'}
          className="warning-score-bar"
          data-testid="warning-score"
        />
      ),
    },
    {
      key: 'subject',
      label: t('warning.subject'),
      children: <SubjectText warning={warning} reveal={reveal} />,
    },
    {
      key: 'village',
      label: t('warning.village'),
      children: village ? (
        <span>
          {[townshipName, villageName].filter(Boolean).join(' ')}{' '}
          <span className="mono muted">{village}</span>
        </span>
      ) : (
        '—'
      ),
    },
    {
      key: 'program',
      label: t('warning.program'),
      children: <span className="mono">{warning.program_code ?? '—'}</span>,
    },
    {
      key: 'periods',
      label: t('warning.periods'),
      children: formatPeriods(warning.periods, language),
    },
    {
      key: 'amount',
      label: t('warning.amount'),
      children:
        warning.amount_fen === 0 ? (
          '—'
        ) : (
          <strong className="amount">
            {t('warning.amountValue', { amount: formatYuan(warning.amount_fen) })}
          </strong>
        ),
    },
    {
      key: 'records',
      label: t('warning.records'),
      children: formatCount(warning.record_ids.length),
    },
    {
      key: 'firstSeen',
      label: t('warning.firstSeen'),
      children: `${t('warning.scanNo', { scan: warning.first_seen_scan })} · ${formatDateTime(warning.created_at)}`,
    },
  ];
  // A cleared warning's last scan is the one that cleared it: the alert above says so.
  if (warning.status !== 'cleared') {
    items.push({
      key: 'lastSeen',
      label: t('warning.lastSeen'),
      children: t('warning.scanNo', { scan: warning.last_seen_scan }),
    });
  }
  // A scan that finds a warning unchanged confirms it without touching it.
  if (warning.updated_at !== warning.created_at) {
    items.push({
      key: 'updated',
      label: t('warning.updatedAt'),
      children: formatDateTime(warning.updated_at),
    });
  }

  const self = t('warning.self');
  const member = (name: string): string => t('warning.member', { name });
  const factOf = (record: WarningEvidence): ReactNode => {
    const fact = evidenceFact(
      {
        rule: warning.rule,
        dataset: record.dataset,
        subject: warning.subject_id_number,
        details: record.details,
      },
      { reveal, self, member },
    );
    return (
      <span className="evidence-fact">
        {t(fact.key, fact.params)}
        {record.fuzzy ? (
          <Tooltip title={t('warning.fuzzyHint')}>
            <Tag color="gold" className="fuzzy-tag" data-testid={`evidence-fuzzy-${record.seq}`}>
              {t('warning.fuzzy')}
            </Tag>
          </Tooltip>
        ) : null}
      </span>
    );
  };
  const recordCell = (record: WarningEvidence): ReactNode => (
    <span className="evidence-record">
      <span className="mono">{shownId(record.record_ref, reveal)}</span>
      <Typography.Text type="secondary" className="evidence-dataset">
        {datasetName(record.dataset)}
      </Typography.Text>
    </span>
  );
  const wideColumns: TableColumnsType<WarningEvidence> = [
    { title: t('warning.col.record'), key: 'record', render: (_v, r) => recordCell(r) },
    {
      title: t('warning.col.period'),
      dataIndex: 'period',
      render: (value: string | null) => <span className="nowrap">{value ?? '—'}</span>,
    },
    {
      title: t('warning.col.amount'),
      dataIndex: 'amount_fen',
      align: 'right',
      render: (value: number | null) => (
        <span className="nowrap amount">{value === null ? '—' : formatYuan(value)}</span>
      ),
    },
    { title: t('warning.col.fact'), key: 'fact', render: (_v, r) => factOf(r) },
    {
      title: t('warning.col.related'),
      key: 'related',
      render: (_v, r) => relatedPerson(r.details, reveal, language) ?? '—',
    },
  ];
  const narrowColumns: TableColumnsType<WarningEvidence> = [
    {
      title: t('warning.evidence'),
      key: 'record',
      render: (_v, r) => (
        <div className="evidence-cell">
          <div className="evidence-cell-head">
            {recordCell(r)}
            <span className="nowrap">
              {r.period ?? ''}
              {r.amount_fen === null ? '' : ` · ${formatYuan(r.amount_fen)}`}
            </span>
          </div>
          <div>{factOf(r)}</div>
          {relatedPerson(r.details, reveal, language) ? (
            <Typography.Text type="secondary">
              {relatedPerson(r.details, reveal, language)}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
  ];

  return (
    <div className="page">
      <Card>
        <div className="page-heading warning-heading">
          <div>
            <ConsoleLink href={back} className="back-link" testId="warning-back">
              {`← ${t('warning.back')}`}
            </ConsoleLink>
            <Space size={10} wrap align="center">
              <Typography.Title level={3} className="page-title" data-testid="warning-title">
                {t('warning.title', { id: warning.id })}
              </Typography.Title>
              <SeverityTag severity={warning.severity} />
              <WarningStatusTag status={warning.status} testId="warning-status" />
            </Space>
          </div>
          <div className="warning-tools">
            <label className="reveal-switch">
              <Switch
                size="small"
                checked={reveal}
                onChange={setReveal}
                data-testid="warning-reveal"
              />
              <span>{t('warnings.showFull')}</span>
            </label>
            <Typography.Text type="secondary" className="view-logged" data-testid="warning-logged">
              {t('warning.logged')}
            </Typography.Text>
          </div>
        </div>
        <div
          className={`warning-explanation warning-explanation-${warning.severity === '高' ? 'high' : warning.severity === '中' ? 'medium' : 'low'}`}
          data-testid="warning-explanation"
        >
          {shownId(warning.explanation, reveal)}
        </div>
        {warning.status === 'cleared' ? (
          <Alert
            type="success"
            showIcon
            className="section-alert"
            title={t('warning.cleared', { scan: warning.last_seen_scan })}
            description={
              warning.cleared_at
                ? t('warning.clearedAt', { time: formatDateTime(warning.cleared_at) })
                : null
            }
            data-testid="warning-cleared"
          />
        ) : null}
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
          items={items}
          className="warning-facts"
        />
      </Card>
      <Card
        title={
          <Space size={8} wrap>
            <span>{t('warning.evidence')}</span>
            <Typography.Text type="secondary" className="card-title-note">
              {t('warning.evidenceCount', { count: formatCount(evidence.length) })}
            </Typography.Text>
          </Space>
        }
      >
        <Table<WarningEvidence>
          rowKey="seq"
          columns={narrow ? narrowColumns : wideColumns}
          dataSource={evidence}
          pagination={evidence.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          size="small"
          bordered={!narrow}
          scroll={narrow ? undefined : { x: 'max-content' }}
          data-testid="warning-evidence"
        />
      </Card>
      {person ? <NetworkCard id={warning.subject_id_number} reveal={reveal} /> : null}
    </div>
  );
}
