import type { ReactNode } from 'react';
import { useI18n } from './i18n';
import './languageSwitch.css';

/**
 * "中文 / English": one button that toggles the interface language, with the current one
 * highlighted. Plain HTML, so the portal can use it without Ant Design.
 */
export function LanguageSwitch(props: { className?: string }): ReactNode {
  const { language, setLanguage, t } = useI18n();
  const next = language === 'zh' ? 'en' : 'zh';
  return (
    <button
      type="button"
      className={['language-switch', props.className].filter(Boolean).join(' ')}
      data-testid="language-switch"
      title={t('lang.label')}
      aria-label={`${t('lang.label')}: 中文 / English`}
      onClick={() => setLanguage(next)}
    >
      <span className={language === 'zh' ? 'is-current' : undefined} lang="zh-CN">
        中文
      </span>
      <span className="language-switch-slash" aria-hidden="true">
        /
      </span>
      <span className={language === 'en' ? 'is-current' : undefined} lang="en">
        English
      </span>
    </button>
  );
}
