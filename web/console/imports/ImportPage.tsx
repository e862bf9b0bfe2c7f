import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntdApp,
  Button,
  Card,
  Form,
  Input,
  Progress,
  Select,
  Space,
  Spin,
  Statistic,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { UploadFile } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { api, errorMessage } from '../../components/api';
import type { ImportJob, ImportJobResponse, ImportSummary } from '../../../src/api/imports';
import { useI18n } from '../../components/i18n';
import { navigate } from '../../components/router';
import { batchPath, importPath, importPrefill } from '../routes';
import { isSessionError, useApiErrorHandler } from '../session/session';
import { ConsoleLink, LinkButton } from '../shell/ConsoleLink';
import { PageHeading } from '../shell/PageHeading';
import {
  batchStatusColour,
  batchStatusKey,
  importAccept,
  importUrl,
  isImportableFile,
  reviewBatchId,
  templateUrl,
} from './collection';
import { QualityPanel } from './QualityPanel';
import { importActive, importJobQuery } from './queries';
import { useDatasets } from './useDatasets';

interface ImportValues {
  dataset?: string;
  source?: string;
  file?: UploadFile[];
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading' }
  | { kind: 'running'; job: ImportJob }
  | { kind: 'done'; job: ImportJob; summary: ImportSummary }
  | { kind: 'failed'; message: string };

function ProgressCard(props: { phase: Phase }): ReactNode {
  const { t } = useI18n();
  const { phase } = props;
  const progress =
    phase.kind === 'running' ? phase.job.progress : { rowsRead: 0, accepted: 0, quarantined: 0 };
  return (
    <Card data-testid="import-progress" aria-live="polite">
      <Space align="center" size={12} className="import-progress-head">
        <Spin />
        <Typography.Text strong>
          {phase.kind === 'uploading'
            ? t('imports.uploading')
            : phase.kind === 'running' && phase.job.state === 'queued'
              ? t('imports.queued', { position: phase.job.queuePosition ?? 1 })
              : t('imports.running')}
        </Typography.Text>
      </Space>
      <Progress percent={100} status="active" showInfo={false} className="import-progress-bar" />
      <div className="stat-row">
        <Statistic title={t('imports.rowsRead')} value={progress.rowsRead} />
        <Statistic title={t('imports.accepted')} value={progress.accepted} />
        <Statistic title={t('imports.quarantined')} value={progress.quarantined} />
      </div>
    </Card>
  );
}

function ResultCard(props: { summary: ImportSummary; onAgain: () => void }): ReactNode {
  const { t } = useI18n();
  const { summary } = props;
  const reviewId = reviewBatchId(summary);
  const statusKey = batchStatusKey(summary.status);
  let statusText: string | null = null;
  if (summary.status === 'pending') statusText = t('imports.doneStatus.pending');
  else if (summary.status === 'no_change') statusText = t('imports.doneStatus.no_change');
  else if (summary.status === 'merged')
    statusText = t('imports.doneStatus.merged', { batch: reviewId });
  return (
    <Card data-testid="import-result">
      <div className="page-heading">
        <div>
          <Typography.Title level={4} className="page-title">
            {t('imports.done')}
          </Typography.Title>
          <Space size={8} wrap>
            <Tag color={batchStatusColour(summary.status)} data-testid="import-status">
              {statusKey ? t(statusKey) : summary.status}
            </Tag>
            {statusText ? <Typography.Text>{statusText}</Typography.Text> : null}
          </Space>
        </div>
        <Space wrap>
          <LinkButton href={batchPath(reviewId)} type="primary" testId="import-batch-link">
            {t('imports.openBatch', { batch: reviewId })}
          </LinkButton>
          <Button onClick={props.onAgain} data-testid="import-again">
            {t('imports.again')}
          </Button>
        </Space>
      </div>
      <div className="stat-row">
        <Statistic title={t('imports.rowsRead')} value={summary.rows} />
        <Statistic title={t('imports.accepted')} value={summary.accepted} />
        <Statistic
          title={t('imports.quarantined')}
          value={summary.quarantined}
          styles={summary.quarantined > 0 ? { content: { color: '#dc2626' } } : undefined}
        />
        <Statistic title={t('imports.duplicates')} value={summary.duplicates} />
        <Statistic title={t('imports.versions')} value={summary.versions} />
      </div>
      {summary.quarantined > 0 ? (
        <Alert
          type="warning"
          showIcon
          className="section-alert"
          title={t('imports.quarantinedHint', { count: summary.quarantined })}
        />
      ) : null}
      <Typography.Title level={5} className="section-title">
        {t('quality.title')}
      </Typography.Title>
      <QualityPanel report={summary.quality} />
    </Card>
  );
}

/**
 * Clerks, reviewers and administrators: upload a template file; the import runs on the
 * server while the page shows how many rows it has read, then the result and the quality
 * report. `?dataset=…&fixes=12` prepares a fix file for batch 12.
 */
export function ImportPage(): ReactNode {
  const { t } = useI18n();
  const { message } = AntdApp.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const datasets = useDatasets();
  const [form] = Form.useForm<ImportValues>();
  const [prefill] = useState(() => importPrefill(window.location.search));
  const [fixes, setFixes] = useState<number | null>(prefill.fixes);
  // The import being followed, once the upload has answered with its job.
  const [jobId, setJobId] = useState<string | null>(null);
  const uploading = useRef<AbortController | null>(null);
  const datasetKey = Form.useWatch('dataset', form);
  const chosen = datasets.find(datasetKey);

  const outcome = useRef<HTMLDivElement | null>(null);

  const upload = useMutation({
    mutationFn: (input: { url: string; file: Blob; signal: AbortSignal }) =>
      api.upload<ImportJobResponse>(input.url, input.file, { signal: input.signal }),
    onSuccess: ({ job }) => {
      queryClient.setQueryData(importJobQuery(job.id).queryKey, { job });
      setJobId(job.id);
    },
    onError: (error) => {
      if (isSessionError(error)) handleError(error);
    },
  });
  const job = useQuery(importJobQuery(jobId));

  function phaseOf(): Phase {
    const idle: Phase = { kind: 'idle' };
    if (upload.isPending) return { kind: 'uploading' };
    // An ended session is the session's business (back to sign-in); the form stays as it was.
    if (upload.isError) {
      return isSessionError(upload.error)
        ? idle
        : { kind: 'failed', message: errorMessage(upload.error) };
    }
    if (job.isError) {
      return isSessionError(job.error)
        ? idle
        : { kind: 'failed', message: errorMessage(job.error) };
    }
    const current = job.data?.job;
    if (jobId === null || !current) return idle;
    // A queued import waits its turn on the server: followed like a running one.
    if (importActive(current)) return { kind: 'running', job: current };
    if (current.state === 'done' && current.summary) {
      return { kind: 'done', job: current, summary: current.summary };
    }
    return { kind: 'failed', message: current.error?.message ?? t('imports.failed') };
  }
  const phase = phaseOf();

  // Leaving the page calls off an upload still under way: that import never starts.
  useEffect(() => () => uploading.current?.abort(), []);

  // Progress and the result appear under the form: bring them into view (on a phone the
  // form fills the screen). The file of a finished import is in: the next one starts afresh.
  useEffect(() => {
    if (phase.kind === 'done') form.setFieldsValue({ file: [] });
    if (phase.kind === 'idle' || phase.kind === 'running') return;
    outcome.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  }, [phase.kind, form]);

  // The address may name a dataset: choose it once the list is in.
  useEffect(() => {
    if (!prefill.dataset || !datasets.list) return;
    const found = datasets.list.find((d) => d.key === prefill.dataset);
    if (found && !form.getFieldValue('dataset')) {
      form.setFieldsValue({ dataset: found.key, source: found.department });
    }
  }, [prefill.dataset, datasets.list, form]);

  function start(values: ImportValues): void {
    const file = values.file?.[0]?.originFileObj;
    if (!values.dataset || !file) return;
    uploading.current?.abort();
    const controller = new AbortController();
    uploading.current = controller;
    setJobId(null);
    const url = importUrl({
      dataset: values.dataset,
      fileName: file.name,
      ...(values.source ? { source: values.source } : {}),
      fixes,
    });
    upload.mutate({ url, file, signal: controller.signal });
  }

  /** Back to the form: the last import's result or failure goes. */
  function reset(): void {
    upload.reset();
    setJobId(null);
  }

  function again(): void {
    form.setFieldsValue({ file: [] });
    reset();
  }

  function stopFixing(): void {
    setFixes(null);
    navigate(importPath(), { replace: true });
  }

  const busy = phase.kind === 'uploading' || phase.kind === 'running';
  const requiredHeaders = chosen?.fields.filter((f) => f.required).map((f) => f.header) ?? [];

  return (
    <div className="page">
      <Card>
        <PageHeading title={t('imports.title')} intro={t('imports.intro')} />
        {fixes ? (
          <Alert
            type="info"
            showIcon
            className="form-alert"
            data-testid="import-fixing"
            title={t('imports.fixing', { batch: fixes })}
            description={t('imports.fixingText')}
          />
        ) : null}
        <Form<ImportValues>
          form={form}
          layout="vertical"
          className="import-form"
          disabled={busy}
          requiredMark={false}
          onFinish={start}
          onValuesChange={(changed: ImportValues, all: ImportValues) => {
            if (!('dataset' in changed)) return;
            const next = datasets.find(changed.dataset);
            const departments = (datasets.list ?? []).map((d) => d.department);
            // The source follows the dataset unless someone typed their own.
            if (next && (!all.source?.trim() || departments.includes(all.source.trim()))) {
              form.setFieldsValue({ source: next.department });
            }
          }}
        >
          <Form.Item
            name="dataset"
            label={t('imports.dataset')}
            rules={[{ required: true, message: t('imports.datasetRequired') }]}
            extra={
              chosen ? (
                <div className="import-dataset-extra">
                  <span>
                    {t('imports.requiredColumns')}
                    {requiredHeaders.join('、')}
                  </span>
                  <a href={templateUrl(chosen.key)} download data-testid="import-template">
                    {t('imports.template')}
                  </a>
                </div>
              ) : null
            }
          >
            <Select
              data-testid="import-dataset"
              placeholder={t('imports.datasetPlaceholder')}
              loading={datasets.list === null}
              disabled={busy || fixes !== null}
              virtual={false}
              listHeight={400}
              showSearch={{ optionFilterProp: 'label' }}
              options={(datasets.list ?? []).map((d) => ({
                value: d.key,
                label: d.name,
                department: d.department,
                'data-testid': `import-dataset-option-${d.key}`,
              }))}
              optionRender={(option) => (
                <div className="dataset-option">
                  <span>{option.label}</span>
                  <span className="dataset-option-department">{option.data.department}</span>
                </div>
              )}
            />
          </Form.Item>
          {fixes ? (
            <Form.Item label={t('imports.fixes')}>
              <Space wrap>
                <ConsoleLink href={batchPath(fixes)}>
                  {t('batch.title', { batch: fixes })}
                </ConsoleLink>
                <Button type="link" size="small" onClick={stopFixing} disabled={busy}>
                  {t('imports.fixingCancel')}
                </Button>
              </Space>
            </Form.Item>
          ) : null}
          <Form.Item name="source" label={t('imports.source')} extra={t('imports.sourceHint')}>
            <Input
              maxLength={100}
              autoComplete="off"
              placeholder={chosen?.department}
              data-testid="import-source"
            />
          </Form.Item>
          <Form.Item
            name="file"
            label={t('imports.file')}
            valuePropName="fileList"
            getValueFromEvent={(event: { fileList: UploadFile[] }) => event.fileList.slice(-1)}
            rules={[{ required: true, type: 'array', min: 1, message: t('imports.fileRequired') }]}
          >
            <Upload.Dragger
              accept={importAccept}
              maxCount={1}
              multiple={false}
              data-testid="import-file"
              beforeUpload={(file) => {
                if (isImportableFile(file.name)) return false;
                void message.error(t('imports.fileType'));
                return Upload.LIST_IGNORE;
              }}
            >
              <p className="upload-drop-text">{t('imports.fileDrop')}</p>
              <p className="upload-drop-hint">{t('imports.fileHint')}</p>
            </Upload.Dragger>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="import-submit">
            {t('imports.submit')}
          </Button>
        </Form>
      </Card>
      <div ref={outcome} className="import-outcome" hidden={phase.kind === 'idle'}>
        {phase.kind === 'uploading' || phase.kind === 'running' ? (
          <ProgressCard phase={phase} />
        ) : null}
        {phase.kind === 'failed' ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            className="import-error"
            data-testid="import-error"
            title={t('imports.failed')}
            description={phase.message}
            closable={{ onClose: reset }}
          />
        ) : null}
        {phase.kind === 'done' ? <ResultCard summary={phase.summary} onAgain={again} /> : null}
      </div>
    </div>
  );
}
