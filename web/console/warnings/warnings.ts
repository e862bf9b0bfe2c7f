/**
 * Pure helpers of the warning screens: rule names, severities, masking of ID numbers and
 * accounts, money and periods in words, the filters of the list as an address, and the
 * conflicting fact of a record of evidence (the scans' helpers are in ../scans/scans.ts).
 */
import { builtinRuleNames } from '../../../src/api/ruleNames';
import {
  severities,
  warningStatuses,
  type EvidenceDetails,
  type WarningSeverity,
  type WarningStatus,
} from '../../../src/api/warnings';
import { formatCount } from '../../components/format';
import type { Language } from '../../components/i18n';
import type { MessageKey } from '../../components/messages';
import { consoleBase } from '../routes';

/** The built-in rules (docs/reference/rules.md), in order, with their names. */
export const builtinRules = builtinRuleNames;

/** A built-in rule's name, or null for a custom rule (C01…) or an unknown code. */
export function ruleName(code: string, language: Language): string | null {
  const rule = builtinRules.find((r) => r.code === code.toUpperCase());
  return rule ? rule[language] : null;
}

/** `R01 死亡后仍发放`; a custom rule by its code alone. */
export function ruleLabel(code: string, language: Language): string {
  const name = ruleName(code, language);
  return name ? `${code} ${name}` : code;
}

export { severities, warningStatuses, type WarningStatus };

export function isSeverity(value: string): value is WarningSeverity {
  return (severities as readonly string[]).includes(value);
}

/** Tag colours (Ant Design presets): high red, medium orange, low blue. */
const severityColours: Record<WarningSeverity, string> = { 高: 'red', 中: 'orange', 低: 'blue' };

export function severityColour(severity: string): string {
  return isSeverity(severity) ? severityColours[severity] : 'default';
}

const severityKeys: Record<WarningSeverity, MessageKey> = {
  高: 'warnings.severity.high',
  中: 'warnings.severity.medium',
  低: 'warnings.severity.low',
};

export function severityKey(severity: string): MessageKey | null {
  return isSeverity(severity) ? severityKeys[severity] : null;
}

export function warningStatusKey(status: string): MessageKey | null {
  return (warningStatuses as readonly string[]).includes(status)
    ? (`warnings.status.${status as WarningStatus}` as const)
    : null;
}

// Masking

const idNumberPattern = /^(\d{17}[\dX]|\d{15})$/i;

export function isIdNumber(value: string): boolean {
  return idNumberPattern.test(value);
}

/**
 * 431226193803120015 → 431226********0015: the region and the last four stay. Anything
 * that is not an ID number (a village code, an organisation, an ID already masked) is
 * returned as it is.
 */
export function maskIdNumber(value: string): string {
  if (!isIdNumber(value)) return value;
  return value.slice(0, 6) + '*'.repeat(value.length - 10) + value.slice(-4);
}

/** 6217995500001234567 → 6217***********4567: the first and last four of an account. */
export function maskAccount(value: string): string {
  const compact = value.replace(/\s+/g, '');
  if (compact.length <= 8) return '*'.repeat(compact.length);
  return compact.slice(0, 4) + '*'.repeat(compact.length - 8) + compact.slice(-4);
}

const idInText = /(?<![0-9A-Za-z*])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z*])/g;
// 13 digits or more: bank accounts. Twelve-digit division codes are not personal and stay.
const accountInText = /(?<![0-9A-Za-z*])\d{13,}(?![0-9A-Za-z*])/g;

/** Masks ID numbers and bank accounts wherever they appear in a text. */
export function maskText(text: string): string {
  return text
    .replace(idInText, (id: string) => maskIdNumber(id.toUpperCase()))
    .replace(accountInText, (digits: string) => maskAccount(digits));
}

/** An ID number (or a text holding some) as the page shows it: masked unless revealed. */
export function shownId(value: string, reveal: boolean): string {
  return reveal ? value : maskText(value);
}

// Money and periods

/** Integer fen as yuan with two decimals and thousands separators: 168000 → 1,680.00. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}${formatCount(yuan)}.${String(cents).padStart(2, '0')}`;
}

const monthPattern = /^(\d{4})-(\d{2})$/;

function monthIndex(period: string): number | null {
  const match = monthPattern.exec(period);
  if (!match) return null;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  return Number(match[1]) * 12 + month - 1;
}

/** Months in runs of consecutive months: 2024-04, 05, 06, 09 → [04–06], [09–09]. */
export function periodRuns(periods: readonly string[]): { from: string; to: string }[] {
  const months = [...new Set(periods)]
    .map((p) => ({ p, i: monthIndex(p) }))
    .sort((a, b) => (a.i ?? Infinity) - (b.i ?? Infinity) || a.p.localeCompare(b.p));
  const runs: { from: string; to: string; last: number | null }[] = [];
  for (const { p, i } of months) {
    const run = runs[runs.length - 1];
    if (run && i !== null && run.last !== null && i === run.last + 1) {
      run.to = p;
      run.last = i;
    } else {
      runs.push({ from: p, to: p, last: i });
    }
  }
  return runs.map(({ from, to }) => ({ from, to }));
}

/** `2024-04 至 2024-06`, runs joined: `2024-01、2024-04 至 2024-06`; none is `—`. */
export function formatPeriods(periods: readonly string[], language: Language): string {
  const runs = periodRuns(periods);
  if (runs.length === 0) return '—';
  const to = language === 'zh' ? ' 至 ' : ' to ';
  return runs
    .map((run) => (run.from === run.to ? run.from : `${run.from}${to}${run.to}`))
    .join(language === 'zh' ? '、' : ', ');
}

// The list's filters, kept in its address

export interface WarningFilter {
  rule: string | null;
  severity: WarningSeverity | null;
  /** A division inside the user's jurisdiction: 9 or 12 digits. */
  division: string | null;
  /** `all` shows both; open by default. */
  status: WarningStatus | 'all';
  /** From 1. */
  page: number;
}

export const warningPageSize = 20;

export const defaultWarningFilter: WarningFilter = {
  rule: null,
  severity: null,
  division: null,
  status: 'open',
  page: 1,
};

/** The filters in a list address (`?rule=R01&severity=高&page=2`); junk is ignored. */
export function parseWarningFilter(search: string): WarningFilter {
  const query = new URLSearchParams(search);
  const rule = query.get('rule')?.toUpperCase() ?? null;
  const severity = query.get('severity');
  const division = query.get('division');
  const status = query.get('status');
  const page = query.get('page');
  return {
    rule: rule && /^[A-Z]{1,3}\d{1,4}$/.test(rule) ? rule : null,
    severity: severity && isSeverity(severity) ? severity : null,
    division: division && /^(\d{9}|\d{12})$/.test(division) ? division : null,
    status:
      status === 'all' || (warningStatuses as readonly string[]).includes(status ?? '')
        ? (status as WarningStatus | 'all')
        : 'open',
    page: page && /^[1-9]\d{0,5}$/.test(page) ? Number(page) : 1,
  };
}

/** The query of a list address, without `?`; the defaults are left out. */
export function warningFilterSearch(filter: WarningFilter): string {
  const query = new URLSearchParams();
  if (filter.rule) query.set('rule', filter.rule);
  if (filter.severity) query.set('severity', filter.severity);
  if (filter.division) query.set('division', filter.division);
  if (filter.status !== 'open') query.set('status', filter.status);
  if (filter.page > 1) query.set('page', String(filter.page));
  return query.toString();
}

export const warningsPath = `${consoleBase}/warnings`;

/** The list's address with its filters. */
export function warningsListPath(filter: WarningFilter): string {
  const search = warningFilterSearch(filter);
  return `${warningsPath}${search ? `?${search}` : ''}`;
}

/** The API address of a page of warnings (`severity` replaced when given, e.g. for counts). */
export function warningsApiUrl(
  filter: WarningFilter,
  options: { limit?: number; severity?: WarningSeverity | null } = {},
): string {
  const limit = options.limit ?? warningPageSize;
  const severity = options.severity === undefined ? filter.severity : options.severity;
  const query = new URLSearchParams();
  if (filter.rule) query.set('rule', filter.rule);
  if (severity) query.set('severity', severity);
  if (filter.division) query.set('division', filter.division);
  if (filter.status !== 'all') query.set('status', filter.status);
  query.set('limit', String(limit));
  query.set('offset', String(options.limit === undefined ? (filter.page - 1) * limit : 0));
  return `/api/warnings?${query.toString()}`;
}

/** A warning's page; `list` is the list's query, so that “back” keeps the filters. */
export function warningPath(id: number, list = ''): string {
  return `${warningsPath}/${id}${list ? `?list=${encodeURIComponent(list)}` : ''}`;
}

/** The list address a warning page goes back to: the filters it came with, checked again. */
export function backToListPath(search: string): string {
  const list = new URLSearchParams(search).get('list') ?? '';
  return warningsListPath(parseWarningFilter(list));
}

// Evidence

export interface FactText {
  key: MessageKey;
  params: Record<string, string>;
}

const none = '—';

function either(value: string | null | undefined): string {
  return value && value.trim() !== '' ? value : none;
}

/**
 * The fact a record of evidence conflicts with, as a message and its parameters. `rule`
 * tells apart the kinds that two rules share (household and declared: R03 and R04; death:
 * R01 and R13; official: R02, R03 and R15). ID numbers and accounts are masked unless
 * `reveal`; `person` names the one the fact is about (本人 / 家庭成员 X).
 */
export function evidenceFact(
  input: {
    rule: string;
    dataset: string;
    subject: string;
    details: EvidenceDetails;
    /** The server's word that the fact is about the subject (it sends both numbers masked). */
    self?: boolean;
  },
  options: { reveal: boolean; self: string; member: (name: string) => string },
): FactText {
  const d = input.details;
  const fact = d.fact ?? '';
  const id = (value: string | null | undefined): string =>
    value ? (options.reveal ? value : maskText(value)) : none;
  const person =
    d.related_id && (input.self ?? d.related_id === input.subject)
      ? options.self
      : d.related_name
        ? options.member(d.related_name)
        : options.self;
  const date = either(d.date);
  const rule = input.rule.toUpperCase();

  if (rule === 'R04') {
    const handler = id(d.related_id ?? d.ref);
    if (fact === 'self') return { key: 'fact.handlerSelf', params: {} };
    if (fact === 'household') return { key: 'fact.handlerHousehold', params: { handler } };
    if (fact === 'declared') return { key: 'fact.handlerDeclared', params: { handler } };
    if (fact === 'account_holder') return { key: 'fact.handlerAccount', params: { handler } };
  }
  if (fact === 'death') {
    if (input.dataset === 'payroll') {
      return { key: 'fact.salaryAfterDeath', params: { date, employer: either(d.ref) } };
    }
    return { key: 'fact.death', params: { date, source: either(d.text) } };
  }
  if (fact === 'official' && input.dataset === 'complaints') {
    return { key: 'fact.complaintOfficial', params: { topic: either(d.ref), date } };
  }
  if (fact.startsWith('declared:')) {
    return {
      key: 'fact.declaredRelative',
      params: {
        relation: either(fact.slice('declared:'.length)),
        official: either(d.related_name),
        post: either(d.text),
      },
    };
  }
  switch (fact) {
    case 'payroll':
      return { key: 'fact.payroll', params: { person, employer: either(d.text ?? d.ref) } };
    case 'official':
      return { key: 'fact.stateOfficial', params: { person, post: either(d.text), date } };
    case 'official_self':
      return { key: 'fact.officialSelf', params: { post: either(d.text), date } };
    case 'household':
      return {
        key: 'fact.officialHousehold',
        params: { official: either(d.related_name), post: either(d.text) },
      };
    case 'vehicle':
      return {
        key: 'fact.vehicle',
        params: { person, type: either(d.text), plate: either(d.ref), date },
      };
    case '商业':
    case '办公':
    case '工业':
    case '住宅':
    case '其他':
      return {
        key: 'fact.property',
        params: { person, usage: fact, certificate: either(d.ref), location: either(d.text) },
      };
    case 'legal_rep':
    case 'shareholder':
      return {
        key: fact === 'legal_rep' ? 'fact.legalRep' : 'fact.shareholder',
        params: { person, business: either(d.text), date },
      };
    case 'same_program':
      return { key: 'fact.sameProgram', params: { record: either(d.ref), date } };
    case 'exclusive':
      return { key: 'fact.exclusive', params: { program: either(d.text), record: either(d.ref) } };
    case 'standard': {
      const standard = Number(d.ref);
      return {
        key: 'fact.standard',
        params: {
          standard: d.ref && Number.isFinite(standard) ? formatYuan(standard) : none,
          size: either(d.text),
        },
      };
    }
    case 'holder_id':
    case 'holder_name':
      return {
        key: 'fact.holder',
        params: { account: d.ref ? id(d.ref) : none, holder: either(d.text) },
      };
    case 'shared_account': {
      const [people, households] = (d.text ?? '').split('/');
      return {
        key: 'fact.sharedAccount',
        params: { account: id(d.ref), people: either(people), households: either(households) },
      };
    }
    case 'not_registered':
      return { key: 'fact.notRegistered', params: {} };
    case 'name_differs':
      return { key: 'fact.nameDiffers', params: { name: either(d.text) } };
    case 'age':
      return { key: 'fact.age', params: { age: either(d.text), min: either(d.ref) } };
    case 'open':
    case 'decided': {
      const [days, limit] = (d.text ?? '').split('/');
      return {
        key: fact === 'open' ? 'fact.overdueOpen' : 'fact.overdueDecided',
        params: { item: either(d.ref), date, days: either(days), limit: either(limit) },
      };
    }
    case 'village':
      return { key: 'fact.complaint', params: { topic: either(d.ref), date } };
    case 'no_certificate':
      return { key: 'fact.noCertificate', params: {} };
  }
  // A custom rule, or a kind this screen does not know: what the record says, as it is.
  const parts = [d.text, d.ref, d.date].filter((v): v is string => !!v && v.trim() !== '');
  return {
    key: 'fact.generic',
    params: { text: parts.length > 0 ? maskTextUnless(parts.join(' · '), options.reveal) : none },
  };
}

function maskTextUnless(text: string, reveal: boolean): string {
  return reveal ? text : maskText(text);
}

/** The person a record of evidence links to: a name and a (masked) ID number, or an organisation. */
export function relatedPerson(
  details: EvidenceDetails,
  reveal: boolean,
  language: Language = 'zh',
): string | null {
  const name = details.related_name?.trim() ?? '';
  const id = details.related_id?.trim() ?? '';
  if (!name && !id) return null;
  if (!id || id === name) return name;
  const shown = isIdNumber(id) ? (reveal ? id : maskIdNumber(id)) : id;
  if (!name) return shown;
  return language === 'zh' ? `${name}（${shown}）` : `${name} (${shown})`;
}
