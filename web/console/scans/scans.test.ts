import { describe, expect, it } from 'vitest';
import type { ScanView, ScansResponse } from '../../../src/api/scans';
import { lastFinishedScan, scanPercent, scanRunning } from './scans';

describe('scans', () => {
  const scan = (over: Partial<ScanView>): ScanView => ({
    id: 1,
    kind: 'full',
    status: 'done',
    triggeredBy: 'admin',
    startedAt: '2024-01-01T00:00:00Z',
    finishedAt: '2024-01-01T00:01:00Z',
    subjects: null,
    progress: null,
    counts: null,
    error: null,
    ...over,
  });
  const response = (over: Partial<ScansResponse>): ScansResponse => ({
    scans: [],
    running: false,
    queued: false,
    lastError: null,
    ...over,
  });

  it('is running while the server says so or the latest scan has not finished', () => {
    expect(scanRunning(null)).toBe(false);
    expect(scanRunning(response({}))).toBe(false);
    expect(scanRunning(response({ running: true }))).toBe(true);
    expect(scanRunning(response({ queued: true }))).toBe(true);
    expect(scanRunning(response({ scans: [scan({ status: 'running' })] }))).toBe(true);
    expect(scanRunning(response({ scans: [scan({})] }))).toBe(false);
  });

  it('shows progress as rules done out of all', () => {
    expect(scanPercent(null)).toBe(0);
    expect(scanPercent({ rule: 'R05', done: 5, total: 16 })).toBe(31);
    expect(scanPercent({ done: 16, total: 16 })).toBe(100);
    expect(scanPercent({ done: 3, total: 0 })).toBe(0);
  });

  it('finds the latest scan that finished', () => {
    const scans = [scan({ id: 3, status: 'running' }), scan({ id: 2, status: 'failed' }), scan({})];
    expect(lastFinishedScan(scans)?.id).toBe(2);
    expect(lastFinishedScan([scan({ status: 'running' })])).toBeNull();
  });
});
