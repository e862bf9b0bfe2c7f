/** The public portal. */
import type { Texts, Translation } from '../components/messageTypes';

export const zh = {
  'portal.title': '{name}民生资金公开',
  'portal.intro':
    '这里公开本地民生资金（低保、特困供养、高龄和残疾补贴、农业补贴、危房改造等）的发放情况，请大家一起监督。',
  'portal.featuresTitle': '在这里您可以',
  'portal.feature.village': '查看本村民生资金发放公开',
  'portal.feature.villageText': '看看本村谁领了哪些补贴、领了多少。',
  'portal.feature.self': '查询本人领取情况',
  'portal.feature.selfText': '查一查自己应该领、实际领到的补贴。',
  'portal.feature.complaint': '投诉举报，跟踪办理进度',
  'portal.feature.complaintText': '发现问题用手机就能反映，办理进度随时能查。',
  'portal.areasTitle': '下辖区域',
  'portal.areasTitle.3': '各乡镇（街道）',
  'portal.areasTitle.2': '各区县',
  'portal.areasTitle.1': '各市州',
  'portal.areasTitle.0': '各省份',
  'portal.villages': '{count} 个村（社区）',
  'portal.noAreas': '暂无下辖区域',
  'portal.staffLogin': '工作人员登录',
  'portal.footer': 'Jiandu 监督 · 开源“互联网+监督”平台',
  'portal.loadFailed': '暂时打不开，请稍后再试',
} satisfies Texts<'portal'>;

export const en: Translation<typeof zh> = {
  'portal.title': '{name}: livelihood funds in the open',
  'portal.intro':
    'Payments of livelihood funds here (minimum living allowance, support for the destitute, old-age and disability allowances, farm subsidies, housing repair grants) are published for everyone to check.',
  'portal.featuresTitle': 'What you can do here',
  'portal.feature.village': 'See the payments in your village',
  'portal.feature.villageText': 'Who in your village received which allowance, and how much.',
  'portal.feature.self': 'Check your own payments',
  'portal.feature.selfText': 'What you are owed, and what you actually received.',
  'portal.feature.complaint': 'Complain and follow the progress',
  'portal.feature.complaintText':
    'Report a problem from your phone and see how it is being handled.',
  'portal.areasTitle': 'Areas',
  'portal.areasTitle.3': 'Townships',
  'portal.areasTitle.2': 'Counties and districts',
  'portal.areasTitle.1': 'Cities and prefectures',
  'portal.areasTitle.0': 'Provinces',
  'portal.villages': '{count} villages',
  'portal.noAreas': 'No areas yet',
  'portal.staffLogin': 'Staff sign-in',
  'portal.footer': 'Jiandu · the open-source “Internet + Supervision” platform',
  'portal.loadFailed': 'Cannot open right now; please try again later',
};
