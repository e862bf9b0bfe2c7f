/**
 * Pure helpers of the data-collection screens: batch statuses in words and colours, quality
 * scores, quarantined rows as one line per problem, and the addresses of the API.
 */
import type { QuarantineProblem, QuarantineRow } from '../../../src/api/batches';
import type { QualityReport } from '../../../src/api/quality';
import { isMessageKey, type MessageKey } from '../../components/messages';

export const batchStatuses = [
  'importing',
  'pending',
  'approved',
  'rejected',
  'rolled_back',
  'failed',
  'no_change',
  'merged',
] as const;
export type BatchStatus = (typeof batchStatuses)[number];

export function isBatchStatus(value: string): value is BatchStatus {
  return (batchStatuses as readonly string[]).includes(value);
}

/** Tag colours (Ant Design presets) of the statuses. */
const statusColours: Record<BatchStatus, string> = {
  importing: 'processing',
  pending: 'gold',
  approved: 'green',
  rejected: 'volcano',
  rolled_back: 'purple',
  failed: 'red',
  no_change: 'default',
  merged: 'cyan',
};

/** A status in words (a message key), or null for one we do not know. */
export function batchStatusKey(status: string): MessageKey | null {
  return isBatchStatus(status) ? `batch.status.${status}` : null;
}

export function batchStatusColour(status: string): string {
  return isBatchStatus(status) ? statusColours[status] : 'default';
}

export function channelKey(channel: string): MessageKey | null {
  const key = `batch.channel.${channel}`;
  return isMessageKey(key) ? key : null;
}

export const qualityDimensions = [
  'completeness',
  'validity',
  'uniqueness',
  'consistency',
  'timeliness',
] as const;
export type QualityDimension = (typeof qualityDimensions)[number];

export type ScoreTone = 'good' | 'fair' | 'poor' | 'none';

/** 90 and above is good, 60 and above fair, below poor; no score (no dates) is none. */
export function scoreTone(score: number | null): ScoreTone {
  if (score === null || !Number.isFinite(score)) return 'none';
  if (score >= 90) return 'good';
  if (score >= 60) return 'fair';
  return 'poor';
}

export const toneColours: Record<ScoreTone, string> = {
  good: '#16a34a',
  fair: '#d97706',
  poor: '#dc2626',
  none: '#94a3b8',
};

export function dimensionScore(report: QualityReport, dimension: QualityDimension): number | null {
  return report[dimension].score;
}

/** The counts behind a score, as a message key and its parameters. */
export function dimensionDetail(
  report: QualityReport,
  dimension: QualityDimension,
): { key: MessageKey; params: Record<string, string | number> } {
  switch (dimension) {
    case 'completeness': {
      const { filled, expected } = report.completeness;
      return { key: 'quality.detail.completeness', params: { filled, expected } };
    }
    case 'validity': {
      const { valid, rows } = report.validity;
      return { key: 'quality.detail.validity', params: { valid, rows } };
    }
    case 'uniqueness': {
      const { repeated, rows } = report.uniqueness;
      return { key: 'quality.detail.uniqueness', params: { repeated, rows } };
    }
    case 'consistency': {
      const { inconsistent, rows } = report.consistency;
      return { key: 'quality.detail.consistency', params: { inconsistent, rows } };
    }
    case 'timeliness': {
      const { newest, ageDays } = report.timeliness;
      if (newest === null) return { key: 'quality.detail.timelinessNone', params: {} };
      return { key: 'quality.detail.timeliness', params: { newest, days: ageDays ?? 0 } };
    }
  }
}

/** The consistency checks that found something, named in words where we know the name. */
export function consistencyChecks(
  report: QualityReport,
): { name: string; key: MessageKey | null; rows: number }[] {
  return Object.entries(report.consistency.checks)
    .filter(([, rows]) => rows > 0)
    .map(([name, rows]) => {
      const key = `quality.check.${name}`;
      return { name, key: isMessageKey(key) ? key : null, rows };
    });
}

/** One line of the quarantine table: a problem of a row, the row number on its first line. */
export interface ProblemLine {
  key: string;
  rowNumber: number;
  /** Lines of the row this line stands for, on its first line; 0 on the others. */
  rowSpan: number;
  resolved: boolean;
  column: string;
  value: string;
  reason: string;
  code: string;
}

function problemColumn(problem: QuarantineProblem): string {
  return problem.header ?? problem.field ?? '';
}

/** Quarantined rows as lines, one per problem (a row with no problem listed keeps one line). */
export function problemLines(rows: readonly QuarantineRow[]): ProblemLine[] {
  return rows.flatMap((row) => {
    const problems =
      row.problems.length > 0
        ? row.problems
        : [{ field: null, header: null, value: '', code: '', reason: '' }];
    return problems.map((problem, index) => ({
      key: `${row.rowNumber}-${index}`,
      rowNumber: row.rowNumber,
      rowSpan: index === 0 ? problems.length : 0,
      resolved: row.resolved,
      column: problemColumn(problem),
      value: problem.value,
      reason: problem.reason,
      code: problem.code,
    }));
  });
}

/** File types the import reads; an old .xls or a .txt goes to the server, which explains. */
const importExtensions = ['csv', 'xlsx', 'xls', 'txt'] as const;
export const importAccept = '.csv,.xlsx';

export function isImportableFile(name: string): boolean {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return false;
  return (importExtensions as readonly string[]).includes(name.slice(dot + 1).toLowerCase());
}

/** The import route with its query: the file's bytes go in the body. */
export function importUrl(input: {
  dataset: string;
  fileName: string;
  source?: string;
  fixes?: number | null;
}): string {
  const query = new URLSearchParams({ dataset: input.dataset, fileName: input.fileName });
  const source = input.source?.trim();
  if (source) query.set('source', source);
  if (input.fixes) query.set('fixes', String(input.fixes));
  return `/api/imports?${query.toString()}`;
}

export const batchPageSize = 50;

export function batchesUrl(filter: {
  dataset?: string | null;
  status?: string | null;
  before?: number | null;
  limit?: number;
}): string {
  const query = new URLSearchParams();
  if (filter.dataset) query.set('dataset', filter.dataset);
  if (filter.status) query.set('status', filter.status);
  query.set('limit', String(filter.limit ?? batchPageSize));
  if (filter.before) query.set('before', String(filter.before));
  return `/api/batches?${query.toString()}`;
}

export function quarantineUrl(
  batchId: number,
  page: { limit: number; offset: number; all?: boolean },
): string {
  const query = new URLSearchParams({ limit: String(page.limit), offset: String(page.offset) });
  if (page.all) query.set('all', 'true');
  return `/api/batches/${batchId}/quarantine?${query.toString()}`;
}

export function fixFileUrl(batchId: number, format: 'xlsx' | 'csv'): string {
  return `/api/batches/${batchId}/quarantine.${format}`;
}

export function templateUrl(dataset: string): string {
  return `/api/datasets/${encodeURIComponent(dataset)}/template.xlsx`;
}

/** The batch that waits for review after an import: the one a fix file joined, else its own. */
export function reviewBatchId(summary: { batch_id: number; merged_into: number | null }): number {
  return summary.merged_into ?? summary.batch_id;
}
