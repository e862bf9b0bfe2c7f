/** The texts both apps share: the product name, the language switch, common words and the API client's own errors. */
import type { Texts, Translation } from './messageTypes';

export const zh = {
  'app.name': 'Jiandu 监督',
  'app.tagline': '互联网+监督平台',
  'app.fullTitle': 'Jiandu 监督 · 互联网+监督平台',
  'lang.zh': '中文',
  'lang.en': 'English',
  'lang.label': '界面语言',

  'common.loading': '正在加载…',
  'common.retry': '重试',
  'common.cancel': '取消',
  'common.required': '此项必填',
  'common.none': '（无）',
  'common.comingSoon': '即将上线',

  'error.network': '无法连接服务器，请检查网络后重试',
  'error.unexpected': '服务器返回了无法识别的响应（HTTP {status}），请稍后再试',
  'error.loadFailed': '加载失败',
} satisfies Texts<'app' | 'lang' | 'common' | 'error'>;

export const en: Translation<typeof zh> = {
  'app.name': 'Jiandu',
  'app.tagline': '“Internet + Supervision” platform',
  'app.fullTitle': 'Jiandu · “Internet + Supervision” platform',
  'lang.zh': '中文',
  'lang.en': 'English',
  'lang.label': 'Interface language',

  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.cancel': 'Cancel',
  'common.required': 'Required',
  'common.none': '(none)',
  'common.comingSoon': 'Coming soon',

  'error.network': 'Cannot reach the server; check the network and try again',
  'error.unexpected': 'The server sent an unexpected response (HTTP {status}); try again later',
  'error.loadFailed': 'Could not load',
};
