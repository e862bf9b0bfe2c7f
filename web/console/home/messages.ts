/** The workspace home. */
import type { Texts, Translation } from '../../components/messageTypes';

export const zh = {
  'home.welcome': '欢迎，{name}',
  'home.name': '姓名',
  'home.username': '用户名',
  'home.role': '角色',
  'home.jurisdiction': '辖区',
  'home.jurisdictionCode': '区划代码',
  'home.collection': '数据采集已上线：按模板导入各部门数据，查看质量报告和批次审核情况。',
  'home.comingSoon': '问题线索的分流、跟踪和办理将在这里显示。',
  'home.warnings': '比对预警已上线：多部门数据自动比对，发现问题立即预警，附证据和关系网络。',
  'home.stage.before': '事前 · 采集与公开',
  'home.stage.beforeText': '汇集各部门数据，逐条校验、复核后公开发放情况。',
  'home.stage.during': '事中 · 比对与预警',
  'home.stage.duringText': '多部门数据自动比对，发现异常立即预警并分流。',
  'home.stage.after': '事后 · 跟踪与答复',
  'home.stage.afterText': '问题线索跟踪到底，群众投诉有问必答。',

  'home.stage.beforeLink': '前往数据采集',
  'home.stage.duringLink': '查看预警',
} satisfies Texts<'home'>;

export const en: Translation<typeof zh> = {
  'home.welcome': 'Welcome, {name}',
  'home.name': 'Name',
  'home.username': 'User name',
  'home.role': 'Role',
  'home.jurisdiction': 'Jurisdiction',
  'home.jurisdictionCode': 'Division code',
  'home.collection':
    'Data collection is open: import departments’ data in the templates, and follow the quality reports and reviews.',
  'home.comingSoon': 'Leads, their triage, tracking and handling will appear here.',
  'home.warnings':
    'Warnings are open: the departments’ data is cross-checked automatically, and every conflict is raised with its evidence and relationship network.',
  'home.stage.before': 'Before · collect and publish',
  'home.stage.beforeText':
    'Data from every department, validated row by row, reviewed, then published.',
  'home.stage.during': 'During · compare and warn',
  'home.stage.duringText':
    'Datasets cross-checked automatically; conflicts raise a warning at once.',
  'home.stage.after': 'After · track and answer',
  'home.stage.afterText': 'Every lead tracked to its outcome; every complaint answered.',

  'home.stage.beforeLink': 'Open data collection',
  'home.stage.duringLink': 'Open the warnings',
};
