import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntdApp,
  Button,
  Card,
  Progress,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { api } from '../../components/api';
import type { ScanView, ScansResponse } from '../../../src/api/scans';
import { formatCount, formatDateTime } from '../../components/format';
import { useI18n } from '../../components/i18n';
import { hasRole, scanStarterRoles } from '../routes';
import { useApiErrorHandler, useSession } from '../session/session';
import { scansQuery } from './queries';
import { lastFinishedScan, scanPercent, scanRunning } from './scans';

function ScanKindTag(props: { kind: string }): ReactNode {
  const { t } = useI18n();
  if (props.kind === 'full') return <Tag color="geekblue">{t('scan.kind.full')}</Tag>;
  if (props.kind === 'incremental') return <Tag color="cyan">{t('scan.kind.incremental')}</Tag>;
  return <Tag>{props.kind}</Tag>;
}

function ScanSummary(props: { scan: ScanView }): ReactNode {
  const { t } = useI18n();
  const { scan } = props;
  const counts = scan.counts;
  return (
    <div className="scan-summary">
      <Space size={6} wrap>
        <Typography.Text strong>{t('scan.latest', { id: scan.id })}</Typography.Text>
        <ScanKindTag kind={scan.kind} />
        {scan.status === 'failed' ? <Tag color="red">{t('scan.failedTag')}</Tag> : null}
      </Space>
      <Typography.Text type="secondary" className="scan-line">
        {t('scan.finished', {
          time: formatDateTime(scan.finishedAt ?? scan.startedAt),
          who: scan.triggeredBy,
        })}
        {scan.subjects !== null
          ? ` · ${t('scan.subjects', { count: formatCount(scan.subjects) })}`
          : ''}
      </Typography.Text>
      {counts ? (
        <>
          <Typography.Text className="scan-line">
            {t('scan.counts', {
              new: formatCount(counts.new),
              updated: formatCount(counts.updated),
              unchanged: formatCount(counts.unchanged),
              cleared: formatCount(counts.cleared),
            })}
          </Typography.Text>
          <Typography.Text strong className="scan-line">
            {t('scan.open', { open: formatCount(counts.open) })}
          </Typography.Text>
        </>
      ) : null}
      {scan.status === 'failed' && scan.error ? (
        <Typography.Text type="danger" className="scan-line">
          {scan.error}
        </Typography.Text>
      ) : null}
    </div>
  );
}

/**
 * The scans of the user's jurisdiction: the latest one and what it found, a progress bar
 * while one runs (asked again every second and a half), and for inspectors and
 * administrators the buttons that start one. `onFinished` is called when a running scan ends.
 */
export function ScanCard(props: { onFinished: () => void }): ReactNode {
  const { t } = useI18n();
  const { message } = AntdApp.useApp();
  const { user } = useSession().me;
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const state = useQuery(scansQuery).data ?? null;
  const running = scanRunning(state);
  const wasRunning = useRef(false);
  const { onFinished } = props;

  // Tells the page when a running scan has ended (its warnings changed).
  useEffect(() => {
    if (wasRunning.current && !running) onFinished();
    wasRunning.current = running;
  }, [running, onFinished]);

  const start = useMutation({
    mutationFn: (kind: 'full' | 'incremental') =>
      api.post<ScansResponse>('/api/scans', kind === 'full' ? { full: true } : {}),
    onSuccess: (response) => {
      // The scan may be so quick that it is over before the answer: still refresh the list.
      if (!scanRunning(response)) onFinished();
      else wasRunning.current = true;
      queryClient.setQueryData(scansQuery.queryKey, response);
      void message.success(t('scan.started'));
    },
    onError: handleError,
  });
  const starting = start.isPending ? start.variables : null;

  const latest = state?.scans[0] ?? null;
  const finished = state ? lastFinishedScan(state.scans) : null;
  const mayStart = hasRole(scanStarterRoles, user.role);
  const progress = latest?.status === 'running' ? latest.progress : null;

  return (
    <Card
      size="small"
      title={t('scan.title')}
      className="scan-card"
      data-testid="scan-status"
      data-running={running ? 'true' : 'false'}
    >
      <Space orientation="vertical" size={8} className="full-width">
        {running ? (
          <div className="scan-progress" data-testid="scan-progress">
            <Typography.Text>
              {progress?.rule && progress.total
                ? t('scan.running', {
                    rule: progress.rule,
                    done: progress.done ?? 0,
                    total: progress.total,
                  })
                : t('scan.starting')}
            </Typography.Text>
            <Progress percent={scanPercent(progress)} size="small" status="active" />
            {state?.queued ? (
              <Typography.Text type="secondary" className="scan-line">
                {t('scan.queued')}
              </Typography.Text>
            ) : null}
          </div>
        ) : null}
        {finished ? (
          <ScanSummary scan={finished} />
        ) : state && !running ? (
          <Typography.Text type="secondary">{t('scan.none')}</Typography.Text>
        ) : null}
        {state?.lastError && !running ? (
          <Alert type="error" showIcon title={t('scan.failed', { error: state.lastError })} />
        ) : null}
        {mayStart ? (
          <Space wrap size={8}>
            <Tooltip title={t('scan.help.incremental')}>
              <Button
                type="primary"
                loading={starting === 'incremental'}
                disabled={running || starting !== null}
                onClick={() => start.mutate('incremental')}
                data-testid="scan-incremental"
              >
                {t('scan.kind.incremental')}
              </Button>
            </Tooltip>
            <Tooltip title={t('scan.help.full')}>
              <Button
                loading={starting === 'full'}
                disabled={running || starting !== null}
                onClick={() => start.mutate('full')}
                data-testid="scan-full"
              >
                {t('scan.kind.full')}
              </Button>
            </Tooltip>
          </Space>
        ) : null}
      </Space>
    </Card>
  );
}
