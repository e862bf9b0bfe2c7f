/** Pure helpers of the scan card: whether a scan runs, how far it got, the last one done. */
import type { ScanProgress, ScanView, ScansResponse } from '../../../src/api/scans';

/** A scan is under way: the server says so, or the latest scan has not finished. */
export function scanRunning(response: ScansResponse | null): boolean {
  if (!response) return false;
  return response.running || response.queued || response.scans[0]?.status === 'running';
}

/** Rules checked out of all, as a percentage (0 before the first rule ends). */
export function scanPercent(progress: ScanProgress | null | undefined): number {
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  if (total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((done / total) * 100)));
}

/** The latest scan that finished (done or failed), if any. */
export function lastFinishedScan(scans: readonly ScanView[]): ScanView | null {
  return scans.find((s) => s.status !== 'running') ?? null;
}
