// @vitest-environment happy-dom
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp } from 'antd';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MeResponse } from '../../../src/api/me';
import type { Role } from '../../../src/api/roles';
import type { ScansResponse, ScanView } from '../../../src/api/scans';
import { I18nProvider } from '../../components/i18n';
import { createQueryClient } from '../../components/queryClient';
import { SessionContext, type Session } from '../session/session';
import { ScanCard } from './ScanCard';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

function session(role: Role): Session {
  const me: MeResponse = {
    user: {
      id: 1,
      username: 'u',
      displayName: '检查员',
      role,
      jurisdictionCode: '431226000000',
      mustChangePassword: false,
    },
    jurisdiction: { code: '431226000000', name: '麻阳', level: 3, fullName: '麻阳' },
  };
  return { me, reload: () => undefined, expire: () => undefined, signOut: () => Promise.resolve() };
}

const finished: ScanView = {
  id: 11,
  kind: 'full',
  status: 'done',
  triggeredBy: 'admin',
  startedAt: '2024-07-01T01:00:00Z',
  finishedAt: '2024-07-01T01:00:05Z',
  subjects: null,
  progress: { rule: 'R16', done: 16, total: 16 },
  counts: { new: 3, updated: 1, unchanged: 75, cleared: 2, open: 79 },
  error: null,
};

describe('ScanCard', () => {
  let container: HTMLDivElement;
  let root: Root;

  beforeEach(() => {
    globalThis.IS_REACT_ACT_ENVIRONMENT = true;
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
    vi.unstubAllGlobals();
  });

  async function render(answer: ScansResponse, role: Role): Promise<void> {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response(JSON.stringify(answer), { status: 200 }))),
    );
    await act(async () => {
      root.render(
        <QueryClientProvider client={createQueryClient()}>
          <I18nProvider initialLanguage="zh">
            <AntdApp>
              <SessionContext value={session(role)}>
                <ScanCard onFinished={() => undefined} />
              </SessionContext>
            </AntdApp>
          </I18nProvider>
        </QueryClientProvider>,
      );
      await Promise.resolve();
    });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }

  const text = (id: string): string =>
    container.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';

  it('shows the latest scan and what it found, with the buttons for an inspector', async () => {
    await render(
      { scans: [finished], running: false, queued: false, lastError: null },
      'inspector',
    );
    expect(text('scan-status')).toContain('第 11 次比对');
    expect(text('scan-status')).toContain('全量比对');
    expect(text('scan-status')).toContain('新增 3');
    expect(text('scan-status')).toContain('消除 2');
    expect(text('scan-status')).toContain('现有未处理预警 79 条');
    expect(container.querySelector('[data-testid="scan-incremental"]')).not.toBeNull();
    expect(container.querySelector('[data-testid="scan-full"]')).not.toBeNull();
    expect(container.querySelector('[data-testid="scan-progress"]')).toBeNull();
  });

  it('shows a running scan as rule x of y, buttons disabled', async () => {
    const running: ScanView = {
      ...finished,
      id: 12,
      kind: 'incremental',
      status: 'running',
      finishedAt: null,
      progress: { rule: 'R05', done: 5, total: 16 },
      counts: null,
    };
    await render(
      { scans: [running, finished], running: true, queued: false, lastError: null },
      'admin',
    );
    expect(text('scan-progress')).toContain('正在比对 R05（5/16）');
    expect(text('scan-progress')).toContain('31%');
    // The last finished scan stays in view below.
    expect(text('scan-status')).toContain('第 11 次比对');
    expect(container.querySelector<HTMLButtonElement>('[data-testid="scan-full"]')?.disabled).toBe(
      true,
    );
  });

  it('offers no buttons to a leader', async () => {
    await render({ scans: [], running: false, queued: false, lastError: null }, 'leader');
    expect(text('scan-status')).toContain('暂无本辖区的比对记录');
    expect(container.querySelector('[data-testid="scan-full"]')).toBeNull();
  });
});
