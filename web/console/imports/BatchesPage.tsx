import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { BatchView } from '../../../src/api/batches';
import { formatCount, formatDateTime } from '../../components/format';
import { useI18n } from '../../components/i18n';
import { batchPath, hasRole, importerRoles, importPath } from '../routes';
import { useSession } from '../session/session';
import { ConsoleLink, LinkButton } from '../shell/ConsoleLink';
import { PageHeading } from '../shell/PageHeading';
import { batchStatusColour, batchStatusKey, batchStatuses, channelKey } from './collection';
import { batchesQuery } from './queries';
import { useDatasets } from './useDatasets';

export function BatchStatusTag(props: { status: string; testId?: string }): ReactNode {
  const { t } = useI18n();
  const key = batchStatusKey(props.status);
  return (
    <Tag color={batchStatusColour(props.status)} data-testid={props.testId}>
      {key ? t(key) : props.status}
    </Tag>
  );
}

function numberColumn(
  title: string,
  dataIndex: 'rows' | 'accepted' | 'quarantined' | 'duplicates',
  alert = false,
): TableColumnsType<BatchView>[number] {
  return {
    title,
    dataIndex,
    align: 'right',
    width: 64,
    render: (value: number) => (
      <span className={alert && value > 0 ? 'count-alert' : undefined}>{formatCount(value)}</span>
    ),
  };
}

/** The widths of the batch table's columns, added up (it fits a 1366-pixel screen's card). */
const batchColumnsWidth = 64 + 140 + 88 + 140 + 130 + 84 + 108 + 4 * 64;

/** Every role that works with data: the import batches, newest first, fifty at a time. */
export function BatchesPage(): ReactNode {
  const { t } = useI18n();
  const { user } = useSession().me;
  const datasets = useDatasets();
  const [dataset, setDataset] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const list = useInfiniteQuery(batchesQuery({ dataset, status }));
  const batches = list.data?.pages.flatMap((page) => page.batches) ?? [];
  const loading = list.isPending || list.isFetchingNextPage;

  const columns: TableColumnsType<BatchView> = [
    {
      title: t('batches.col.id'),
      dataIndex: 'id',
      align: 'right',
      width: 64,
      render: (id: number) => (
        <ConsoleLink href={batchPath(id)} className="mono" testId={`batch-link-${id}`}>
          {id}
        </ConsoleLink>
      ),
    },
    {
      title: t('batches.col.dataset'),
      dataIndex: 'dataset',
      width: 140,
      render: (key: string, batch) => (
        <ConsoleLink href={batchPath(batch.id)}>{datasets.nameOf(key)}</ConsoleLink>
      ),
    },
    {
      title: t('batches.col.status'),
      dataIndex: 'status',
      width: 88,
      render: (value: string) => <BatchStatusTag status={value} />,
    },
    // Long department and file names are cut short (the whole name on hover): every count
    // stays in view on a 1366-pixel office screen.
    { title: t('batches.col.source'), dataIndex: 'source', width: 140, ellipsis: true },
    {
      title: t('batches.col.file'),
      dataIndex: 'fileName',
      width: 130,
      ellipsis: true,
      render: (name: string | null, batch) => {
        const channel = channelKey(batch.channel);
        const channelText = channel ? t(channel) : batch.channel;
        return (
          <span className="batch-file" title={name ?? channelText}>
            {name ?? channelText}
            {name && batch.channel === 'fix' ? (
              <Tag className="batch-channel-tag">{channelText}</Tag>
            ) : null}
          </span>
        );
      },
    },
    { title: t('batches.col.uploader'), dataIndex: 'uploader', width: 84, ellipsis: true },
    {
      title: t('batches.col.createdAt'),
      dataIndex: 'createdAt',
      width: 108,
      // Date above time: the column stays narrow.
      render: (value: string) => {
        const [date, time] = formatDateTime(value).split(' ');
        return (
          <span className="batch-time">
            <span className="nowrap">{date}</span> <span className="nowrap muted">{time}</span>
          </span>
        );
      },
    },
    numberColumn(t('batches.col.rows'), 'rows'),
    numberColumn(t('batches.col.accepted'), 'accepted'),
    numberColumn(t('batches.col.quarantined'), 'quarantined', true),
    numberColumn(t('batches.col.duplicates'), 'duplicates'),
  ];

  return (
    <div className="page">
      <Card>
        <PageHeading
          title={t('batches.title')}
          intro={t('batches.intro')}
          actions={
            hasRole(importerRoles, user.role) ? (
              <LinkButton href={importPath()} type="primary" testId="batches-import">
                {t('batches.import')}
              </LinkButton>
            ) : null
          }
        />
        <div className="table-filters">
          <Select
            allowClear
            className="filter-select"
            placeholder={t('batches.filterDataset')}
            value={dataset}
            onChange={(value: string | undefined) => setDataset(value ?? null)}
            options={(datasets.list ?? []).map((d) => ({
              value: d.key,
              label: d.name,
              'data-testid': `batches-filter-dataset-option-${d.key}`,
            }))}
            data-testid="batches-filter-dataset"
            virtual={false}
            listHeight={400}
          />
          <Select
            allowClear
            className="filter-select"
            placeholder={t('batches.filterStatus')}
            value={status}
            onChange={(value: string | undefined) => setStatus(value ?? null)}
            options={batchStatuses.map((s) => ({
              value: s,
              label: t(`batch.status.${s}`),
              'data-testid': `batches-filter-status-option-${s}`,
            }))}
            data-testid="batches-filter-status"
            virtual={false}
            listHeight={400}
          />
        </div>
        <Table<BatchView>
          rowKey="id"
          columns={columns}
          dataSource={batches}
          loading={loading}
          pagination={false}
          // The columns' widths add up to this: narrower screens scroll the table, not the page.
          scroll={{ x: batchColumnsWidth }}
          size="middle"
          locale={{ emptyText: t('batches.empty') }}
          data-testid="batches-table"
        />
        <Space className="table-footer">
          {list.hasNextPage ? (
            <Button
              onClick={() => void list.fetchNextPage()}
              loading={loading}
              data-testid="batches-more"
            >
              {t('batches.loadMore')}
            </Button>
          ) : (
            !loading &&
            batches.length > 0 && (
              <Typography.Text type="secondary">
                {t('batches.allLoaded', { count: batches.length })}
              </Typography.Text>
            )
          )}
        </Space>
      </Card>
    </div>
  );
}
