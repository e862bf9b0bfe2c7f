// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QualityReport } from '../../../src/api/quality';
import { I18nProvider } from '../../components/i18n';
import { QualityPanel } from './QualityPanel';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

const report: QualityReport = {
  completeness: { score: 92, filled: 13, expected: 14 },
  validity: { score: 50, valid: 1, rows: 2 },
  uniqueness: { score: 100, repeated: 0, rows: 2 },
  consistency: { score: 97, inconsistent: 40, rows: 1500, checks: { not_in_registry: 1234 } },
  timeliness: { score: null, newest: null, ageDays: null },
};

describe('QualityPanel', () => {
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
  });

  function render(language: 'zh' | 'en'): (id: string) => string {
    act(() =>
      root.render(
        <I18nProvider initialLanguage={language}>
          <QualityPanel report={report} />
        </I18nProvider>,
      ),
    );
    return (id) => container.querySelector(`[data-testid="quality-${id}"]`)?.textContent ?? '';
  }

  it('shows the five scores with the counts behind them, in Chinese', () => {
    const text = render('zh');
    expect(text('validity')).toContain('50');
    expect(text('validity')).toContain('有效性');
    expect(text('validity')).toContain('合格 1 / 共 2 行');
    expect(text('completeness')).toContain('92');
    expect(text('consistency')).toContain('不一致 40 / 共 1,500 行');
    expect(text('consistency')).toContain('不在户籍库中');
    expect(text('consistency')).toContain('1,234 行');
    // No dates: no score rather than a made-up one.
    expect(text('timeliness')).toContain('—');
    expect(text('timeliness')).toContain('没有可判断时效的日期');
    expect(container.querySelector('[data-testid="quality-validity"]')?.className).toContain(
      'quality-poor',
    );
    expect(container.querySelector('[data-testid="quality-uniqueness"]')?.className).toContain(
      'quality-good',
    );
  });

  it('speaks English when asked', () => {
    const text = render('en');
    expect(text('validity')).toContain('Validity');
    expect(text('validity')).toContain('Valid rows: 1 of 2');
    expect(text('consistency')).toContain('Not in the household registry');
  });
});
