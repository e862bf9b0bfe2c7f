import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useI18n } from './i18n';

/** Chinese first: system fonts that carry Chinese on Windows, macOS, Linux and phones. */
export const fontFamily =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", ' +
  '"Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", ' +
  '"Helvetica Neue", Arial, sans-serif';

export const brandColor = '#1d4ed8';

/**
 * Ant Design in the interface language (its own texts: pagination, empty tables, modals),
 * with the console's theme, and antd's App so that message and modal follow the theme.
 * Only the console uses it; the portal stays free of Ant Design.
 */
export function AntdProvider(props: { children: ReactNode }): ReactNode {
  const { language } = useI18n();
  return (
    <ConfigProvider
      locale={language === 'zh' ? zhCN : enUS}
      button={{ autoInsertSpace: false }}
      theme={{
        token: { colorPrimary: brandColor, fontFamily, borderRadius: 6 },
        components: {
          Layout: { headerBg: '#0f172a', siderBg: '#ffffff', headerPadding: '0 20px' },
        },
      }}
    >
      <AntdApp>{props.children}</AntdApp>
    </ConfigProvider>
  );
}
