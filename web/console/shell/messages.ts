/** The console's frame: the menu, the header and the pages that are missing or closed. */
import type { Texts, Translation } from '../../components/messageTypes';

export const zh = {
  'nav.home': '工作台',
  'nav.collection': '数据采集',
  'nav.imports': '导入数据',
  'nav.batches': '导入批次',
  'nav.batch': '批次详情',
  'nav.warnings': '预警',
  'nav.warning': '预警详情',
  'nav.users': '用户',
  'nav.audit': '审计日志',
  'nav.password': '修改密码',
  'header.logout': '退出',
  'header.menu': '导航',

  'page.forbidden': '您的角色无权查看此页面',
  'page.notFound': '页面不存在',
  'page.backHome': '返回工作台',
} satisfies Texts<'nav' | 'header' | 'page'>;

export const en: Translation<typeof zh> = {
  'nav.home': 'Workspace',
  'nav.collection': 'Data collection',
  'nav.imports': 'Import data',
  'nav.batches': 'Import batches',
  'nav.batch': 'Batch',
  'nav.warnings': 'Warnings',
  'nav.warning': 'Warning',
  'nav.users': 'Users',
  'nav.audit': 'Audit trail',
  'nav.password': 'Change password',
  'header.logout': 'Sign out',
  'header.menu': 'Navigation',

  'page.forbidden': 'Your role cannot open this page',
  'page.notFound': 'Page not found',
  'page.backHome': 'Back to the workspace',
};
