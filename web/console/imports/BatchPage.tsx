import { can } from '../../../src/api/capabilities';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntdApp,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Modal,
  Pagination,
  Result,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { DescriptionsProps, TableColumnsType } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { api, errorMessage, isApiError, isMissing } from '../../components/api';
import type { BatchResponse, BatchView } from '../../../src/api/batches';
import { formatCount, formatDateTime } from '../../components/format';
import { useI18n } from '../../components/i18n';
import { navigate } from '../../components/router';
import { useMediaQuery } from '../../components/useMediaQuery';
import { batchPath, hasRole, importerRoles, importPath, reviewerRoles } from '../routes';
import { isSessionError, useApiErrorHandler, useSession } from '../session/session';
import { ConsoleLink, LinkButton } from '../shell/ConsoleLink';
import { PageHeading } from '../shell/PageHeading';
import { BatchStatusTag } from './BatchesPage';
import { channelKey, fixFileUrl, problemLines, type ProblemLine } from './collection';
import { QualityPanel } from './QualityPanel';
import { batchesKey, batchQuery, quarantinePageSize, quarantineQuery } from './queries';
import { useDatasets } from './useDatasets';

type ReviewAction = 'approve' | 'reject' | 'rollback';

const actionPaths: Record<ReviewAction, string> = {
  approve: 'approve',
  reject: 'reject',
  rollback: 'rollback',
};

/**
 * The reason dialog of a review: approving (an optional note, or an override with a
 * reason), rejecting and rolling back (a reason). Shows the server's refusal as it is.
 */
function ReviewModal(props: {
  batch: BatchView;
  action: ReviewAction;
  /** The reviewer imported the batch (an administrator may then approve only by override). */
  own: boolean;
  /** The batch's validity is under the threshold: approval needs an override. */
  belowThreshold: boolean;
  onClose: () => void;
  onDone: (batch: BatchView, action: ReviewAction) => void;
}): ReactNode {
  const { t } = useI18n();
  const handleError = useApiErrorHandler();
  const { batch, action } = props;
  // An administrator approving their own import, or a batch of too low validity, can be
  // approved only by override.
  const [override, setOverride] = useState(
    action === 'approve' && (props.own || props.belowThreshold),
  );
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const review = useMutation({
    mutationFn: (body: { override?: true; reason?: string }) =>
      api.post<BatchResponse>(`/api/batches/${batch.id}/${actionPaths[action]}`, body),
    onSuccess: (response) => props.onDone(response.batch, action),
    onError: (caught) => {
      // Mistakes stay in the dialog; an ended session leaves the page.
      if (isSessionError(caught)) handleError(caught);
      else if (isApiError(caught) && caught.code === 'QUALITY_BELOW_THRESHOLD') setOverride(true);
      else if (isApiError(caught) && caught.code === 'REASON_REQUIRED') setMissingReason(true);
    },
  });
  const error = review.error && !isSessionError(review.error) ? errorMessage(review.error) : null;
  const busy = review.isPending;

  const needsReason = action !== 'approve' || override;

  function submit(): void {
    const text = reason.trim();
    if (needsReason && text === '') {
      setMissingReason(true);
      return;
    }
    review.mutate(
      action === 'approve'
        ? { ...(override ? { override: true } : {}), ...(text ? { reason: text } : {}) }
        : { reason: text },
    );
  }

  const titles: Record<ReviewAction, string> = {
    approve: t('batch.approveTitle', { batch: batch.id }),
    reject: t('batch.rejectTitle', { batch: batch.id }),
    rollback: t('batch.rollbackTitle', { batch: batch.id }),
  };
  const texts: Record<ReviewAction, string> = {
    approve: t('batch.approveText', { count: formatCount(batch.accepted) }),
    reject: t('batch.rejectText'),
    rollback: t(batch.whole ? 'batch.rollbackText' : 'batch.rollbackPartText'),
  };
  const okTexts: Record<ReviewAction, string> = {
    approve: t('batch.approve'),
    reject: t('batch.reject'),
    rollback: t(batch.whole ? 'batch.rollback' : 'batch.rollbackPart'),
  };

  return (
    <Modal
      open
      title={titles[action]}
      onCancel={props.onClose}
      onOk={submit}
      okText={okTexts[action]}
      okButtonProps={{
        loading: busy,
        danger: action === 'reject' || action === 'rollback',
        'data-testid': 'batch-confirm',
      }}
      cancelText={t('common.cancel')}
      mask={{ closable: !busy }}
    >
      <Typography.Paragraph>{texts[action]}</Typography.Paragraph>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          className="form-alert"
          role="alert"
          data-testid="batch-action-error"
        />
      ) : null}
      {action === 'approve' ? (
        <div className="override-box">
          <Checkbox
            checked={override}
            onChange={(event) => setOverride(event.target.checked)}
            data-testid="batch-override"
          >
            {t('batch.override')}
          </Checkbox>
          <Typography.Text type="secondary" className="override-hint">
            {t('batch.overrideHint')}
          </Typography.Text>
        </div>
      ) : null}
      <Form layout="vertical" component="div">
        <Form.Item
          label={needsReason ? t('batch.reason') : t('batch.note')}
          required={needsReason}
          validateStatus={missingReason && reason.trim() === '' ? 'error' : undefined}
          help={missingReason && reason.trim() === '' ? t('batch.reasonRequired') : undefined}
        >
          <Input.TextArea
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            maxLength={500}
            showCount
            autoSize={{ minRows: 3, maxRows: 6 }}
            placeholder={needsReason ? undefined : t('batch.noteOptional')}
            data-testid="batch-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The rows set aside, one line per problem, a page at a time from the server. */
function QuarantineCard(props: { batch: BatchView }): ReactNode {
  const { t, language } = useI18n();
  const narrow = useMediaQuery('(max-width: 640px)');
  const { batch } = props;
  const [page, setPage] = useState(1);
  const [all, setAll] = useState(false);
  // The page shown stays while the next one loads.
  const shown = useQuery({
    ...quarantineQuery(batch, { page, all, language }),
    placeholderData: keepPreviousData,
  });
  // Rows still to fix, which the fix files hold: the count of a page without the fixed ones.
  const unresolved = useQuery({
    ...quarantineQuery(batch, { page: 1, all: false, language }),
    select: (response) => response.total,
  }).data;

  const loading = shown.isFetching;
  const data = shown.data;
  const total = data?.total ?? 0;
  const rowColumn: TableColumnsType<ProblemLine>[number] = {
    title: t('batch.col.row'),
    dataIndex: 'rowNumber',
    align: 'right',
    width: narrow ? 64 : 90,
    onCell: (line) => ({ rowSpan: line.rowSpan }),
    render: (value: number, line) => (
      <Space size={4} orientation="vertical" align="end">
        <span className="mono">{value}</span>
        {line.resolved ? <Tag color="green">{t('batch.resolved')}</Tag> : null}
      </Space>
    ),
  };
  const valueText = (value: string): ReactNode =>
    value === '' ? (
      <Typography.Text type="secondary">{t('batch.emptyValue')}</Typography.Text>
    ) : (
      <span className="mono quarantine-value">{value}</span>
    );
  // A phone has no room for four columns: column, value and reason go in one.
  const narrowColumns: TableColumnsType<ProblemLine> = [
    rowColumn,
    {
      title: t('batch.col.reason'),
      key: 'problem',
      render: (_value, line) => (
        <div className="quarantine-problem">
          <div>
            <strong>{line.column || '—'}</strong> {valueText(line.value)}
          </div>
          <div className="quarantine-reason">{line.reason}</div>
        </div>
      ),
    },
  ];
  const wideColumns: TableColumnsType<ProblemLine> = [
    rowColumn,
    {
      title: t('batch.col.column'),
      dataIndex: 'column',
      render: (value: string) => <span className="nowrap">{value || '—'}</span>,
    },
    {
      title: t('batch.col.value'),
      dataIndex: 'value',
      render: valueText,
    },
    {
      title: t('batch.col.reason'),
      dataIndex: 'reason',
      render: (value: string) => <span className="quarantine-reason">{value}</span>,
    },
  ];

  const showDownloads = (unresolved ?? batch.quarantined) > 0;
  return (
    <Card
      title={
        <Space size={8} wrap>
          <span>{t('batch.quarantine')}</span>
          <Typography.Text type="secondary" className="card-title-note">
            {t('batch.quarantineCount', { count: formatCount(total) })}
          </Typography.Text>
        </Space>
      }
      extra={
        <Checkbox
          checked={all}
          onChange={(event) => {
            setAll(event.target.checked);
            setPage(1);
          }}
          data-testid="quarantine-all"
        >
          {t('batch.showResolved')}
        </Checkbox>
      }
    >
      {showDownloads ? (
        <div className="quarantine-head">
          <Typography.Text type="secondary">{t('batch.quarantineIntro')}</Typography.Text>
          <Space wrap size={8}>
            <Button
              href={fixFileUrl(batch.id, 'xlsx')}
              download
              data-testid="quarantine-download-xlsx"
            >
              {t('batch.downloadXlsx')}
            </Button>
            <Button
              href={fixFileUrl(batch.id, 'csv')}
              download
              data-testid="quarantine-download-csv"
            >
              {t('batch.downloadCsv')}
            </Button>
          </Space>
        </div>
      ) : null}
      <Table<ProblemLine>
        rowKey="key"
        columns={narrow ? narrowColumns : wideColumns}
        dataSource={problemLines(data?.rows ?? [])}
        loading={loading}
        pagination={false}
        bordered
        scroll={narrow ? undefined : { x: 'max-content' }}
        size="small"
        locale={{ emptyText: t('batch.noQuarantine') }}
        data-testid="quarantine-table"
      />
      {total > quarantinePageSize ? (
        <Pagination
          className="table-footer"
          current={page}
          pageSize={quarantinePageSize}
          total={total}
          showSizeChanger={false}
          onChange={setPage}
        />
      ) : null}
    </Card>
  );
}

function StateAlert(props: { batch: BatchView }): ReactNode {
  const { t } = useI18n();
  const { batch } = props;
  const note = batch.status === 'rolled_back' ? batch.rollbackNote : batch.reviewNote;
  const reason = note ? t('batch.state.reason', { reason: note }) : null;
  const reviewer = {
    name: batch.reviewedBy ?? '—',
    time: batch.reviewedAt ? formatDateTime(batch.reviewedAt) : '—',
  };
  switch (batch.status) {
    case 'importing':
      return <Alert type="info" showIcon title={t('batch.state.importing')} />;
    case 'pending':
      return <Alert type="warning" showIcon title={t('batch.state.pending')} />;
    case 'approved':
      return (
        <Alert
          type="success"
          showIcon
          title={t('batch.state.approved', reviewer)}
          description={
            batch.override ? t('batch.state.override', { reason: batch.reviewNote ?? '—' }) : reason
          }
        />
      );
    case 'rejected':
      return (
        <Alert
          type="error"
          showIcon
          title={t('batch.state.rejected', reviewer)}
          description={reason}
        />
      );
    case 'rolled_back':
      return (
        <Alert type="info" showIcon title={t('batch.state.rolled_back')} description={reason} />
      );
    case 'failed':
      return <Alert type="error" showIcon title={t('batch.state.failed')} />;
    case 'no_change':
      return <Alert type="info" showIcon title={t('batch.state.no_change')} />;
    case 'merged':
      return (
        <Alert
          type="info"
          showIcon
          title={t('batch.state.merged', { batch: batch.parentBatchId ?? '—' })}
          action={
            batch.parentBatchId ? (
              <LinkButton href={batchPath(batch.parentBatchId)}>
                {t('imports.openBatch', { batch: batch.parentBatchId })}
              </LinkButton>
            ) : null
          }
        />
      );
    default:
      return null;
  }
}

/**
 * One batch: where it came from (file, hash, who, when), what came in, the quality report,
 * the rows set aside with their reasons, and the review: approve, reject, roll back.
 */
export function BatchPage(props: { id: number }): ReactNode {
  const { t } = useI18n();
  const { message } = AntdApp.useApp();
  const { user } = useSession().me;
  const datasets = useDatasets();
  const queryClient = useQueryClient();
  const query = useQuery(batchQuery(props.id));
  const [action, setAction] = useState<ReviewAction | null>(null);
  const batch = query.data?.batch ?? null;
  const threshold = query.data?.validityThreshold ?? null;

  if (query.isError && (isMissing(query.error) || !batch)) {
    return (
      <div className="page">
        <Card>
          <Result
            status="warning"
            title={errorMessage(query.error)}
            extra={<LinkButton href="/console/batches">{t('batch.back')}</LinkButton>}
          />
        </Card>
      </div>
    );
  }
  if (!batch) {
    return (
      <div className="page page-loading">
        <Spin size="large" />
      </div>
    );
  }

  const own = batch.uploader === user.username;
  const validity = batch.quality?.validity.score ?? null;
  const belowThreshold = threshold !== null && validity !== null && validity < threshold;
  const isReviewer = hasRole(reviewerRoles, user.role);
  // A batch of a wider jurisdiction that touches the user's: only its part can be taken back.
  const pending = batch.status === 'pending' && batch.whole;
  const mayApprove = isReviewer && pending && (!own || can(user.role, 'batches.reviewOwn'));
  const mayReject = isReviewer && pending && (!own || can(user.role, 'batches.reviewOwn'));
  const mayRollback = can(user.role, 'batches.rollback') && batch.status === 'approved';
  const mayFix =
    batch.whole &&
    hasRole(importerRoles, user.role) &&
    batch.quarantined > 0 &&
    ['pending', 'approved', 'rejected'].includes(batch.status);
  const channel = channelKey(batch.channel);

  const provenance: DescriptionsProps['items'] = [
    {
      key: 'dataset',
      label: t('batch.dataset'),
      children: (
        <span>
          {datasets.nameOf(batch.dataset)} <span className="mono muted">{batch.dataset}</span>
        </span>
      ),
    },
    { key: 'source', label: t('batch.source'), children: batch.source },
    {
      key: 'channel',
      label: t('batch.channel'),
      children: channel ? t(channel) : batch.channel,
    },
    { key: 'file', label: t('batch.fileName'), children: batch.fileName ?? '—' },
    {
      key: 'hash',
      label: t('batch.fileHash'),
      span: 'filled',
      children: batch.fileHash ? (
        <Typography.Text copyable className="mono batch-hash" data-testid="batch-hash">
          {batch.fileHash}
        </Typography.Text>
      ) : (
        '—'
      ),
    },
    { key: 'uploader', label: t('batch.uploader'), children: batch.uploader },
    {
      key: 'jurisdiction',
      label: t('batch.jurisdiction'),
      children: <span className="mono">{batch.jurisdictionCode}</span>,
    },
    { key: 'created', label: t('batch.createdAt'), children: formatDateTime(batch.createdAt) },
    {
      key: 'finished',
      label: t('batch.finishedAt'),
      children: batch.finishedAt ? formatDateTime(batch.finishedAt) : '—',
    },
  ];
  if (batch.headerMapping) {
    const mapping = batch.headerMapping;
    provenance.push({
      key: 'mapping',
      label: t('batch.headerMapping'),
      span: 'filled',
      children: t('batch.headerMappingText', {
        source: mapping.source,
        jurisdiction: mapping.jurisdiction_code,
        user: mapping.saved_by,
        time: formatDateTime(mapping.saved_at),
        columns: mapping.columns,
      }),
    });
  }
  if (batch.parentBatchId) {
    provenance.push({
      key: 'parent',
      label: t('batch.parent'),
      children: (
        <ConsoleLink href={batchPath(batch.parentBatchId)}>
          {t('batch.title', { batch: batch.parentBatchId })}
        </ConsoleLink>
      ),
    });
  }
  if (batch.reviewedBy) {
    provenance.push(
      { key: 'reviewer', label: t('batch.reviewedBy'), children: batch.reviewedBy },
      {
        key: 'reviewedAt',
        label: t('batch.reviewedAt'),
        children: batch.reviewedAt ? formatDateTime(batch.reviewedAt) : '—',
      },
    );
  }
  if (batch.reviewNote) {
    provenance.push({
      key: 'note',
      label: t('batch.reviewNote'),
      span: 'filled',
      children: batch.reviewNote,
    });
  }
  if (batch.rollbackNote) {
    provenance.push({
      key: 'rollback',
      label: t('batch.rollbackNote'),
      span: 'filled',
      children: `${batch.rollbackNote}（${batch.rolledBackBy ?? ''} ${batch.rolledBackAt ? formatDateTime(batch.rolledBackAt) : ''}）`,
    });
  }

  const actions: ReactNode[] = [];
  if (mayApprove) {
    actions.push(
      <Button
        key="approve"
        type="primary"
        onClick={() => setAction('approve')}
        data-testid="batch-approve"
      >
        {t('batch.approve')}
      </Button>,
    );
  }
  if (mayReject) {
    actions.push(
      <Button key="reject" danger onClick={() => setAction('reject')} data-testid="batch-reject">
        {t('batch.reject')}
      </Button>,
    );
  }
  if (mayRollback) {
    actions.push(
      <Button
        key="rollback"
        danger
        onClick={() => setAction('rollback')}
        data-testid="batch-rollback"
      >
        {t(batch.whole ? 'batch.rollback' : 'batch.rollbackPart')}
      </Button>,
    );
  }
  if (mayFix) {
    actions.push(
      <LinkButton
        key="fix"
        href={importPath({ dataset: batch.dataset, fixes: batch.id })}
        testId="batch-upload-fix"
      >
        {t('batch.uploadFix')}
      </LinkButton>,
    );
  }

  return (
    <div className="page">
      <Card>
        <PageHeading
          back={{ href: '/console/batches', label: t('batch.back') }}
          title={`${t('batch.title', { batch: batch.id })} · ${datasets.nameOf(batch.dataset)}`}
          titleTestId="batch-title"
          tags={<BatchStatusTag status={batch.status} testId="batch-status" />}
          actions={
            actions.length > 0 ? (
              <Space wrap className="batch-actions">
                {actions}
              </Space>
            ) : null
          }
        />
        <Space orientation="vertical" size={12} className="full-width">
          <StateAlert batch={batch} />
          {batch.whole ? null : (
            <Alert
              type="info"
              showIcon
              title={t('batch.partOnly', { jurisdiction: batch.jurisdictionCode })}
              data-testid="batch-part-only"
            />
          )}
          {isReviewer && pending && own ? (
            <Alert
              type="info"
              showIcon
              title={t(can(user.role, 'batches.reviewOwn') ? 'batch.ownAdmin' : 'batch.own')}
              data-testid="batch-own"
            />
          ) : null}
        </Space>
        <div className="stat-row batch-counts">
          <Statistic title={t('batch.rows')} value={batch.rows} />
          <Statistic title={t('batch.accepted')} value={batch.accepted} />
          <Statistic
            title={t('batch.quarantined')}
            value={batch.quarantined}
            suffix={
              batch.fixed > 0 ? (
                <span className="stat-note" data-testid="batch-fixed">
                  {t('batch.fixedCount', { count: formatCount(batch.fixed) })}
                </span>
              ) : undefined
            }
            styles={batch.quarantined > 0 ? { content: { color: '#dc2626' } } : undefined}
          />
          <Statistic title={t('batch.duplicates')} value={batch.duplicates} />
          <Statistic title={t('batch.versions')} value={batch.versions} />
        </div>
      </Card>
      <Card title={t('batch.provenance')}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
          items={provenance}
          className="batch-provenance"
        />
      </Card>
      <Card title={t('quality.title')}>
        {batch.quality ? (
          <>
            <QualityPanel report={batch.quality} />
            {belowThreshold ? (
              <Alert
                type="warning"
                showIcon
                className="quality-threshold"
                data-testid="quality-below-threshold"
                title={t('quality.belowThreshold', {
                  score: batch.quality.validity.score ?? 0,
                  threshold: threshold ?? 0,
                })}
              />
            ) : null}
          </>
        ) : (
          <Typography.Text type="secondary">{t('quality.none')}</Typography.Text>
        )}
      </Card>
      {batch.whole ? <QuarantineCard batch={batch} /> : null}
      {action ? (
        <ReviewModal
          batch={batch}
          action={action}
          own={own}
          belowThreshold={belowThreshold}
          onClose={() => setAction(null)}
          onDone={(updated, done) => {
            setAction(null);
            // Taking back a township's part of a county batch gives that part a batch of its own.
            if (updated.id !== batch.id) navigate(batchPath(updated.id));
            else
              queryClient.setQueryData(batchQuery(batch.id).queryKey, (previous) =>
                previous ? { ...previous, batch: updated } : previous,
              );
            // The list, this batch and its rows are asked again.
            void queryClient.invalidateQueries({ queryKey: batchesKey });
            const texts: Record<ReviewAction, string> = {
              approve: t('batch.approvedMessage'),
              reject: t('batch.rejectedMessage'),
              rollback: t('batch.rolledBackMessage'),
            };
            void message.success(texts[done]);
          }}
        />
      ) : null}
    </div>
  );
}
