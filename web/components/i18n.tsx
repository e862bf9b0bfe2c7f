import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { en, zh, type MessageKey } from './messages';

export type Language = 'zh' | 'en';
export const languages: readonly Language[] = ['zh', 'en'];
export type MessageParams = Readonly<Record<string, string | number>>;

export const dictionaries: Record<Language, Record<MessageKey, string>> = { zh, en };

/** The localStorage key and the cookie the server reads to localise its error messages. */
export const languageStorageKey = 'jiandu_lang';

export function isLanguage(value: unknown): value is Language {
  return value === 'zh' || value === 'en';
}

function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq >= 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** The language chosen earlier (localStorage, else the cookie), or null. */
export function readStoredLanguage(): Language | null {
  try {
    const stored = globalThis.localStorage?.getItem(languageStorageKey);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be disabled (private mode); the cookie still works.
  }
  const cookie = readCookie(languageStorageKey);
  return isLanguage(cookie) ? cookie : null;
}

/** Remembers the language in localStorage and in the cookie the server reads. */
export function storeLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(languageStorageKey, language);
  } catch {
    // See readStoredLanguage.
  }
  if (typeof document !== 'undefined') {
    document.cookie = `${languageStorageKey}=${language}; Path=/; Max-Age=31536000; SameSite=Strict`;
  }
}

/** The interface language now: the stored choice, else Chinese. */
export function currentLanguage(): Language {
  return readStoredLanguage() ?? 'zh';
}

export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = dictionaries[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider(props: {
  children: ReactNode;
  /** Defaults to the stored choice, else Chinese. */
  initialLanguage?: Language;
}): ReactNode {
  const [language, setLanguageState] = useState<Language>(
    () => props.initialLanguage ?? currentLanguage(),
  );

  useEffect(() => {
    // Keep the cookie in step even when the user never switched, so that the server's
    // messages follow the interface and not the browser's Accept-Language.
    storeLanguage(language);
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    storeLanguage(next);
    setLanguageState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage,
      t: (key, params) => translate(language, key, params),
    }),
    [language, setLanguage],
  );
  return <I18nContext value={value}>{props.children}</I18nContext>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside <I18nProvider>');
  return value;
}
