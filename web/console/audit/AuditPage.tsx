import { can } from '../../../src/api/capabilities';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { api } from '../../components/api';
import type { AuditEntry, AuditVerifyResponse } from '../../../src/api/audit';
import { formatDateTime } from '../../components/format';
import { useI18n } from '../../components/i18n';
import { isMessageKey } from '../../components/messages';
import { useApiErrorHandler, useSession } from '../session/session';
import { PageHeading } from '../shell/PageHeading';
import { auditQuery } from './queries';

/** A code the server records (`user.create`) in words when we know it, else as it is. */
function CodeLabel(props: { prefix: string; code: string }): ReactNode {
  const { t } = useI18n();
  const key = `${props.prefix}${props.code}`;
  if (!isMessageKey(key)) return <Tag className="mono">{props.code}</Tag>;
  return (
    <Tooltip title={<span className="mono">{props.code}</span>}>
      <span>{t(key)}</span>
    </Tooltip>
  );
}

/** Pretty-prints a JSON snapshot; other text as it is. */
function snapshot(text: string | null, none: string): string {
  if (text === null || text === '') return none;
  try {
    return JSON.stringify(JSON.parse(text) as unknown, null, 2);
  } catch {
    return text;
  }
}

function EntryDetail(props: { entry: AuditEntry }): ReactNode {
  const { t } = useI18n();
  const { entry } = props;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      className="audit-detail"
      items={[
        {
          key: 'before',
          label: t('audit.before'),
          children: <pre className="audit-json">{snapshot(entry.before, t('common.none'))}</pre>,
        },
        {
          key: 'after',
          label: t('audit.after'),
          children: <pre className="audit-json">{snapshot(entry.after, t('common.none'))}</pre>,
        },
        {
          key: 'hash',
          label: t('audit.hash'),
          children: <span className="mono audit-hash">{entry.hash}</span>,
        },
      ]}
    />
  );
}

/** The hash-chained audit trail, newest first, a hundred at a time; admins can verify it. */
export function AuditPage(): ReactNode {
  const { t } = useI18n();
  const { user } = useSession().me;
  const handleError = useApiErrorHandler();
  const trail = useInfiniteQuery(auditQuery);
  const entries = trail.data?.pages.flatMap((page) => page.entries) ?? [];
  const loading = trail.isPending || trail.isFetchingNextPage;
  const hasMore = trail.hasNextPage;
  const verify = useMutation({
    mutationFn: () => api.get<AuditVerifyResponse>('/api/audit/verify'),
    onError: handleError,
  });
  const verdict = verify.data ?? null;

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.col.seq'), dataIndex: 'seq', width: 80, align: 'right' },
    {
      title: t('audit.col.at'),
      dataIndex: 'at',
      width: 180,
      render: (value: string) => <span className="nowrap">{formatDateTime(value)}</span>,
    },
    { title: t('audit.col.actor'), dataIndex: 'actorName' },
    {
      title: t('audit.col.action'),
      dataIndex: 'action',
      render: (value: string) => <CodeLabel prefix="audit.action." code={value} />,
    },
    {
      title: t('audit.col.entity'),
      dataIndex: 'entity',
      render: (value: string) => <CodeLabel prefix="audit.entity." code={value} />,
    },
    {
      title: t('audit.col.entityIds'),
      dataIndex: 'entityIds',
      render: (ids: string[]) => <span className="mono">{ids.join(', ')}</span>,
    },
    {
      title: t('audit.col.jurisdiction'),
      dataIndex: 'jurisdictionCode',
      render: (code: string | null) => <span className="mono">{code ?? '—'}</span>,
    },
  ];

  return (
    <div className="page">
      <Card>
        <PageHeading
          title={t('audit.title')}
          intro={t('audit.intro')}
          actions={
            can(user.role, 'audit.verify') ? (
              <Button
                onClick={() => verify.mutate()}
                loading={verify.isPending}
                data-testid="audit-verify"
              >
                {t('audit.verify')}
              </Button>
            ) : null
          }
        />
        {verdict ? (
          <Alert
            type={verdict.ok ? 'success' : 'error'}
            showIcon
            closable={{ onClose: () => verify.reset() }}
            title={verdict.message}
            className="form-alert"
            data-testid="audit-verdict"
          />
        ) : null}
        <Table<AuditEntry>
          rowKey="seq"
          columns={columns}
          dataSource={entries}
          loading={loading}
          pagination={false}
          expandable={{ expandedRowRender: (entry) => <EntryDetail entry={entry} /> }}
          scroll={{ x: 'max-content' }}
          size="middle"
          data-testid="audit-table"
        />
        <Space className="table-footer">
          {hasMore ? (
            <Button
              onClick={() => void trail.fetchNextPage()}
              loading={loading}
              data-testid="audit-more"
            >
              {t('audit.loadMore')}
            </Button>
          ) : (
            !loading && (
              <Typography.Text type="secondary">
                {t('audit.allLoaded', { count: entries.length })}
              </Typography.Text>
            )
          )}
        </Space>
      </Card>
    </div>
  );
}
