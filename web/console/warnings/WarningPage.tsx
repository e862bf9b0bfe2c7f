import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Progress,
  Result,
  Space,
  Spin,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { DescriptionsProps, TableColumnsType } from 'antd';
import { Suspense, lazy, useState } from 'react';
import type { ReactNode } from 'react';
import { api, errorMessage, isApiError, isMissing } from '../../components/api';
import type {
  EvidenceReason,
  EvidenceRecord as WarningEvidence,
  WarningReveal,
} from '../../../src/api/warnings';
import { formatCount, formatDateTime } from '../../components/format';
import { useI18n } from '../../components/i18n';
import { useMediaQuery } from '../../components/useMediaQuery';
import { useDatasets } from '../imports/useDatasets';
import { hasRole, warningRevealerRoles } from '../routes';
import { isSessionError, useApiErrorHandler, useSession } from '../session/session';
import { LinkButton } from '../shell/ConsoleLink';
import { PageHeading } from '../shell/PageHeading';
import { parentDivision, useDivisionNames } from '../shell/useDivisionNames';
import { networkQuery, warningQuery } from './queries';
import {
  backToListPath,
  evidenceFact,
  formatPeriods,
  formatYuan,
  relatedPerson,
  shownId,
} from './warnings';
import { RuleText, SeverityTag, SubjectText, WarningStatusTag } from './WarningsPage';

// ECharts is downloaded only when a warning's network is shown.
const NetworkGraph = lazy(() => import('./NetworkGraph'));

const severityStroke: Record<string, string> = { 高: '#dc2626', 中: '#ea580c', 低: '#2563eb' };

/** The relationship network of a warning's subject, fetched and drawn (the server logs the view). */
function NetworkCard(props: { warningId: number; centerId: string | null }): ReactNode {
  const { t } = useI18n();
  const network = useQuery(networkQuery(props.warningId));
  const outside = network.data?.nodes.some((n) => n.outside) ?? false;
  return (
    <Card title={t('warning.network')}>
      <Typography.Paragraph type="secondary" className="network-caption">
        <span data-testid="warning-network-caption">{t('warning.networkCaption')}</span>
        <br />
        {outside ? `${t('warning.networkOutside')} ` : ''}
        {t('warning.networkHint')}
      </Typography.Paragraph>
      {network.isPending ? (
        <div className="network-loading">
          <Spin />
        </div>
      ) : network.isError ? (
        <Alert type="error" showIcon title={errorMessage(network.error)} />
      ) : (
        <>
          {network.data.edges.length === 0 ? (
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
            <NetworkGraph network={network.data} centerId={props.centerId} />
          </Suspense>
        </>
      )}
    </Card>
  );
}

/**
 * Asks why the full numbers of this one warning are needed and asks the server for them; the
 * server logs the reason with the view. Shows the server's refusal as it is.
 */
function RevealModal(props: {
  warningId: number;
  onClose: () => void;
  onDone: (revealed: WarningReveal) => void;
}): ReactNode {
  const { t } = useI18n();
  const handleError = useApiErrorHandler();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const reveal = useMutation({
    mutationFn: (text: string) =>
      api.post<WarningReveal>(`/api/warnings/${props.warningId}/reveal`, { reason: text }),
    // The full numbers live in the warning page's state only, not in the mutation cache.
    gcTime: 0,
    onSuccess: (revealed) => props.onDone(revealed),
    onError: (caught) => {
      // Mistakes stay in the dialog; an ended session leaves the page.
      if (isSessionError(caught)) handleError(caught);
      else if (isApiError(caught) && caught.code === 'REASON_REQUIRED') setMissing(true);
    },
  });
  const error = reveal.error && !isSessionError(reveal.error) ? errorMessage(reveal.error) : null;
  const busy = reveal.isPending;

  function submit(): void {
    const text = reason.trim();
    if (text === '') {
      setMissing(true);
      return;
    }
    reveal.mutate(text);
  }

  return (
    <Modal
      open
      title={t('warning.revealTitle', { id: props.warningId })}
      onCancel={props.onClose}
      onOk={submit}
      okText={t('warnings.showFull')}
      okButtonProps={{ loading: busy, 'data-testid': 'warning-reveal-confirm' }}
      cancelText={t('common.cancel')}
      mask={{ closable: !busy }}
    >
      <Typography.Paragraph>{t('warning.revealText')}</Typography.Paragraph>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          className="form-alert"
          role="alert"
          data-testid="warning-reveal-error"
        />
      ) : null}
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('warning.revealReason')}
          required
          validateStatus={missing && reason.trim() === '' ? 'error' : undefined}
          help={missing && reason.trim() === '' ? t('warning.revealReasonRequired') : undefined}
        >
          <Input.TextArea
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            maxLength={500}
            showCount
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder={t('warning.revealPlaceholder')}
            data-testid="warning-reveal-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * One warning: its explanation first and large, then the rule, risk and subject, every
 * record that hit as evidence with the fact it conflicts with, and for a person the
 * relationship network. The server logs the view; the page says so.
 */
export function WarningPage(props: { id: number }): ReactNode {
  const { t, language } = useI18n();
  const datasets = useDatasets();
  const narrow = useMediaQuery('(max-width: 640px)');
  const { user } = useSession().me;
  const query = useQuery(warningQuery(props.id));
  // The full numbers of this warning, once revealed (for a reason the server logged).
  const [revealed, setRevealed] = useState<WarningReveal | null>(null);
  const [asking, setAsking] = useState(false);
  const [back] = useState(() => backToListPath(window.location.search));
  // Another warning (the address changed): its numbers are masked again.
  const shownReveal = revealed?.id === props.id ? revealed : null;

  const warning = query.data?.warning ?? null;
  const village = warning?.village_code ?? null;
  const township = village ? parentDivision(village) : null;
  const { nameOf } = useDivisionNames([village, township]);

  if (query.isError && (isMissing(query.error) || !warning)) {
    return (
      <div className="page">
        <Card>
          <Result
            status="warning"
            title={errorMessage(query.error)}
            extra={<LinkButton href={back}>{t('warning.back')}</LinkButton>}
          />
        </Card>
      </div>
    );
  }
  if (!query.data || !warning) {
    return (
      <div className="page page-loading">
        <Spin size="large" />
      </div>
    );
  }

  const { ruleName } = query.data;
  const reveal = shownReveal !== null;
  const evidence = shownReveal?.evidence ?? query.data.evidence;
  const mayReveal = hasRole(warningRevealerRoles, user.role);
  const villageName = village ? nameOf(village) : null;
  const townshipName = township ? nameOf(township) : null;
  // The server sends the number masked and draws the network by the warning's id.
  const person = warning.subject_kind === 'person';
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
      children: <SubjectText warning={warning} fullId={shownReveal?.subject_id_number ?? null} />,
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
  const reasonText = (record: WarningEvidence, reason: EvidenceReason): ReactNode => {
    const fact = evidenceFact(
      {
        rule: warning.rule,
        dataset: record.dataset,
        subject: warning.subject_id_number,
        details: reason.details,
        self: reason.self,
      },
      { reveal, self, member },
    );
    return (
      <>
        {t(fact.key, fact.params)}
        {reason.fuzzy ? (
          <Tooltip title={t('warning.fuzzyHint')}>
            <Tag color="gold" className="fuzzy-tag" data-testid={`evidence-fuzzy-${reason.seq}`}>
              {t('warning.fuzzy')}
            </Tag>
          </Tooltip>
        ) : null}
      </>
    );
  };
  // A record that hit for several reasons is one row, its reasons one under another.
  const factOf = (record: WarningEvidence): ReactNode => (
    <ul className="evidence-reasons" data-testid={`evidence-reasons-${record.seq}`}>
      {record.reasons.map((reason) => (
        <li key={reason.seq} className="evidence-fact">
          {reasonText(record, reason)}
        </li>
      ))}
    </ul>
  );
  const relatedOf = (record: WarningEvidence): string | null => {
    const people = [
      ...new Set(
        record.reasons
          .map((reason) => relatedPerson(reason.details, reveal, language))
          .filter((person): person is string => !!person),
      ),
    ];
    return people.length > 0 ? people.join(language === 'zh' ? '；' : '; ') : null;
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
      render: (_v, r) => relatedOf(r) ?? '—',
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
          {relatedOf(r) ? <Typography.Text type="secondary">{relatedOf(r)}</Typography.Text> : null}
        </div>
      ),
    },
  ];

  return (
    <div className="page">
      <Card>
        <PageHeading
          className="warning-heading"
          back={{ href: back, label: t('warning.back'), testId: 'warning-back' }}
          title={t('warning.title', { id: warning.id })}
          titleTestId="warning-title"
          tags={
            <>
              <SeverityTag severity={warning.severity} />
              <WarningStatusTag status={warning.status} testId="warning-status" />
            </>
          }
          actions={
            <div className="warning-tools">
              {!mayReveal ? null : reveal ? (
                <Space size={6} wrap>
                  <Tag color="orange" data-testid="warning-revealed">
                    {t('warning.revealed')}
                  </Tag>
                  <Button size="small" onClick={() => setRevealed(null)} data-testid="warning-hide">
                    {t('warning.hideFull')}
                  </Button>
                </Space>
              ) : (
                <Button size="small" onClick={() => setAsking(true)} data-testid="warning-reveal">
                  {t('warnings.showFull')}
                </Button>
              )}
              <Typography.Text
                type="secondary"
                className="view-logged"
                data-testid="warning-logged"
              >
                {t('warning.logged')}
              </Typography.Text>
            </div>
          }
        />
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
      {person ? (
        <NetworkCard warningId={warning.id} centerId={shownReveal?.subject_id_number ?? null} />
      ) : null}
      {asking ? (
        <RevealModal
          warningId={warning.id}
          onClose={() => setAsking(false)}
          onDone={(answer) => {
            setRevealed(answer);
            setAsking(false);
          }}
        />
      ) : null}
    </div>
  );
}
