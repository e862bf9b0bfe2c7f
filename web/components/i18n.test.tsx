// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LanguageSwitch } from './LanguageSwitch';
import {
  I18nProvider,
  dictionaries,
  languageStorageKey,
  readStoredLanguage,
  translate,
  useI18n,
} from './i18n';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

function clearCookie(): void {
  document.cookie = `${languageStorageKey}=; Path=/; Max-Age=0`;
}

describe('dictionaries', () => {
  it('have the same keys in Chinese and English', () => {
    expect(Object.keys(dictionaries.en).sort()).toEqual(Object.keys(dictionaries.zh).sort());
  });

  it('have no empty text, and the same placeholders in both languages', () => {
    for (const [key, zhText] of Object.entries(dictionaries.zh)) {
      const enText = (dictionaries.en as Record<string, string>)[key] ?? '';
      expect(zhText.trim(), key).not.toBe('');
      expect(enText.trim(), key).not.toBe('');
      expect(placeholders(enText), key).toEqual(placeholders(zhText));
    }
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(translate('zh', 'home.welcome', { name: '张三' })).toBe('欢迎，张三');
    expect(translate('en', 'home.welcome', { name: 'Zhang San' })).toBe('Welcome, Zhang San');
    expect(translate('zh', 'home.welcome')).toBe('欢迎，{name}');
    expect(translate('en', 'portal.villages', { count: 12 })).toBe('12 villages');
  });
});

describe('I18nProvider', () => {
  let container: HTMLDivElement;
  let root: Root;

  beforeEach(() => {
    globalThis.IS_REACT_ACT_ENVIRONMENT = true;
    localStorage.clear();
    clearCookie();
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
    localStorage.clear();
    clearCookie();
  });

  function Probe(): string {
    const { t, language } = useI18n();
    return `${language}:${t('nav.home')}`;
  }

  function render(): void {
    act(() =>
      root.render(
        <I18nProvider>
          <span data-testid="probe">
            <Probe />
          </span>
          <LanguageSwitch />
        </I18nProvider>,
      ),
    );
  }

  const probe = (): string | null | undefined =>
    container.querySelector('[data-testid="probe"]')?.textContent;
  const switchButton = (): HTMLButtonElement =>
    container.querySelector<HTMLButtonElement>('[data-testid="language-switch"]')!;

  it('starts in Chinese and records that in the cookie the server reads', () => {
    render();
    expect(probe()).toBe('zh:工作台');
    expect(document.cookie).toContain(`${languageStorageKey}=zh`);
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('switches to English and back, remembering the choice', () => {
    render();
    act(() => switchButton().click());
    expect(probe()).toBe('en:Workspace');
    expect(localStorage.getItem(languageStorageKey)).toBe('en');
    expect(document.cookie).toContain(`${languageStorageKey}=en`);
    expect(document.documentElement.lang).toBe('en');
    expect(readStoredLanguage()).toBe('en');

    act(() => switchButton().click());
    expect(probe()).toBe('zh:工作台');
    expect(localStorage.getItem(languageStorageKey)).toBe('zh');
    expect(document.cookie).toContain(`${languageStorageKey}=zh`);
  });

  it('starts in the stored language', () => {
    localStorage.setItem(languageStorageKey, 'en');
    render();
    expect(probe()).toBe('en:Workspace');
  });

  it('falls back to the cookie when localStorage has nothing', () => {
    document.cookie = `${languageStorageKey}=en; Path=/`;
    expect(readStoredLanguage()).toBe('en');
    render();
    expect(probe()).toBe('en:Workspace');
  });

  it('ignores a stored value that is not a language', () => {
    localStorage.setItem(languageStorageKey, 'fr');
    render();
    expect(probe()).toBe('zh:工作台');
  });
});
