/** The scan card: the latest scan, its progress, starting one. */
import type { Texts, Translation } from '../../components/messageTypes';

export const zh = {
  'scan.title': '比对',
  'scan.none': '暂无本辖区的比对记录',
  'scan.kind.full': '全量比对',
  'scan.kind.incremental': '增量比对',
  'scan.latest': '第 {id} 次比对',
  'scan.finished': '{time} 完成 · {who} 发起',
  'scan.counts': '新增 {new} · 更新 {updated} · 未变 {unchanged} · 消除 {cleared}',
  'scan.open': '现有未处理预警 {open} 条',
  'scan.subjects': '复查 {count} 人',
  'scan.running': '正在比对 {rule}（{done}/{total}）',
  'scan.starting': '正在准备比对…',
  'scan.queued': '本次完成后还将再比对一次',
  'scan.failed': '比对失败：{error}',
  'scan.failedTag': '失败',
  'scan.started': '已开始比对，完成后列表会自动刷新',
  'scan.help.incremental': '只复查上次比对后数据有变化的人员，较快',
  'scan.help.full': '用全部数据重新运行所有规则',
} satisfies Texts<'scan'>;

export const en: Translation<typeof zh> = {
  'scan.title': 'Cross-check',
  'scan.none': 'No scans of your jurisdiction yet',
  'scan.kind.full': 'Full scan',
  'scan.kind.incremental': 'Incremental scan',
  'scan.latest': 'Scan {id}',
  'scan.finished': 'Finished {time} · started by {who}',
  'scan.counts': 'New {new} · updated {updated} · unchanged {unchanged} · cleared {cleared}',
  'scan.open': 'Open warnings now: {open}',
  'scan.subjects': '{count} people re-checked',
  'scan.running': 'Checking {rule} ({done}/{total})',
  'scan.starting': 'Preparing the scan…',
  'scan.queued': 'Another scan follows this one',
  'scan.failed': 'The scan failed: {error}',
  'scan.failedTag': 'Failed',
  'scan.started': 'The scan has started; the list refreshes when it ends',
  'scan.help.incremental':
    'Re-checks only the people whose data changed since the last scan; quicker',
  'scan.help.full': 'Runs every rule again over all the data',
};
