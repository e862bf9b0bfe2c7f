import type { Kysely } from 'kysely';
import {
  leadClassNames,
  officeKindNames,
  type LeadClass,
  type LeadRouting,
  type OfficeKind,
} from '../api/leads.js';
import { jurisdictionCovers } from '../core/divisionCode.js';

import type { Database } from '../db/schema.js';
import { personNetwork } from '../network/personNetwork.js';
import { idNumberHash } from './idNumberHash.js';
import { activeOffices, officeUsersAmong, type OfficeRow } from './officesRepository.js';
import {
  leadFacts,
  routingRulesFor,
  type LeadFacts,
  type RoutingRuleRow,
} from './routingRepository.js';

/** Rules whose warnings name an official or an official's relative by definition. */
export const officialRules: readonly string[] = ['R02', 'R03', 'R04'];
/** Paid after death: the township's civil affairs office puts it right. */
export const rectificationRules: readonly string[] = ['R01', 'R13'];
/** Identity and data-quality findings: the department that sent the data corrects it. */
export const dataCorrectionRules: readonly string[] = ['R11'];

type Level = 'township' | 'county' | 'nearest';

interface Choice {
  class: LeadClass;
  kind: OfficeKind;
  level: Level;
  why: string;
}

/** The office kind of a programme's department (主管部门), from its name. */
export function officeKindOfDepartment(department: string): OfficeKind {
  if (department.includes('民政')) return 'civil_affairs';
  if (department.includes('财政')) return 'finance';
  if (department.includes('人社') || department.includes('人力资源')) return 'human_resources';
  if (department.includes('农业') || department.includes('农村')) return 'agriculture';
  if (department.includes('纪委') || department.includes('监委')) return 'discipline';
  return 'other';
}

function listOf(json: string | null): string[] | null {
  return json === null ? null : (JSON.parse(json) as string[]);
}

function ruleMatches(rule: RoutingRuleRow, facts: LeadFacts, involvesOfficial: boolean): boolean {
  const any = (wanted: string[] | null, have: string[]) =>
    wanted === null || have.some((h) => wanted.includes(h));
  return (
    any(listOf(rule.rule_codes), facts.ruleCodes) &&
    any(listOf(rule.program_codes), facts.programCodes) &&
    any(listOf(rule.severities), facts.severities) &&
    (rule.min_amount_fen === null || facts.amountFen >= rule.min_amount_fen) &&
    (rule.involves_official === null || (rule.involves_official === 1) === involvesOfficial)
  );
}

function defaultChoice(facts: LeadFacts, involvesOfficial: boolean): Choice {
  const official = facts.ruleCodes.filter((c) => officialRules.includes(c));
  if (involvesOfficial)
    return {
      class: 'clue_transfer',
      kind: 'discipline',
      level: 'county',
      why:
        official.length > 0
          ? `预警规则 ${official.join('、')} 涉及公职人员或其亲属`
          : `证据或投诉指名公职人员${facts.officials.map((o) => o.name).join('、')}`,
    };
  const rect = facts.ruleCodes.filter((c) => rectificationRules.includes(c));
  if (rect.length > 0)
    return {
      class: 'rectification',
      kind: 'civil_affairs',
      level: 'township',
      why: `预警规则 ${rect.join('、')}（死亡后仍发放）由乡镇民政部门督促整改`,
    };
  const department = facts.departments[0];
  const sourceKind = department ? officeKindOfDepartment(department) : 'civil_affairs';
  const data = facts.ruleCodes.filter((c) => dataCorrectionRules.includes(c));
  if (data.length > 0 && data.length === facts.ruleCodes.length)
    return {
      class: 'data_correction',
      kind: sourceKind,
      level: 'nearest',
      why: `预警规则 ${data.join('、')} 属身份或数据质量问题，由数据来源部门${department ?? ''}纠错`,
    };
  return {
    class: 'rectification',
    kind: sourceKind,
    level: 'nearest',
    why: department ? `由项目主管部门${department}督促整改` : '默认由民政部门督促整改',
  };
}

function pickOffice(
  offices: OfficeRow[],
  jurisdictionCode: string,
  level: Level,
): OfficeRow | undefined {
  const covering = offices
    .filter((o) => jurisdictionCovers(o.jurisdiction_code, jurisdictionCode))
    .sort((a, b) => b.jurisdiction_code.localeCompare(a.jurisdiction_code) || a.id - b.id);
  if (level === 'county') {
    const county = `${jurisdictionCode.slice(0, 6)}000000`;
    return covering.find((o) => o.jurisdiction_code === county) ?? covering[0];
  }
  // Deeper divisions sort first: 431226101000 before 431226000000.
  return covering.sort(
    (a, b) =>
      b.jurisdiction_code.replace(/0+$/, '').length - a.jurisdiction_code.replace(/0+$/, '').length,
  )[0];
}

/**
 * Where a lead should go and why: the routing rules kept as data (lowest priority number
 * first) and then the built-in defaults; never to an office a named official works in, and
 * with the users in a named person's relationship network listed as excluded handlers.
 */
export async function routeLead(
  db: Kysely<Database>,
  lead: { id: number; jurisdiction_code: string; subject: string },
): Promise<LeadRouting> {
  const facts = await leadFacts(db, lead.id);
  const involvesOfficial =
    facts.officials.length > 0 || facts.ruleCodes.some((c) => officialRules.includes(c));
  const rules = await routingRulesFor(db, lead.jurisdiction_code);
  const rule = rules.find((r) => ruleMatches(r, facts, involvesOfficial));
  const choice: Choice = rule
    ? {
        class: rule.result_class,
        kind: rule.office_kind,
        level: 'nearest',
        why: `分流规则第 ${rule.id} 条（优先级 ${rule.priority}）`,
      }
    : defaultChoice(facts, involvesOfficial);

  const all = await activeOffices(db, [choice.kind]);
  const organisations = facts.officials.map((o) => o.organisation);
  const conflicted = all.filter((o) =>
    organisations.some((org) => org === o.name || org.includes(o.name) || o.name.includes(org)),
  );
  const office = pickOffice(
    all.filter((o) => !conflicted.includes(o)),
    lead.jurisdiction_code,
    choice.level,
  );

  const people = new Set(facts.namedPeople);
  if (/^\d{17}[\dX]$/.test(lead.subject)) people.add(lead.subject);
  const network = new Set<string>();
  for (const person of people) {
    network.add(person);
    for (const node of (await personNetwork(db, person)).nodes) network.add(node.id);
  }
  const excludedUsers = await officeUsersAmong(db, [...network].map(idNumberHash));

  const parts = [
    choice.why,
    `：${leadClassNames[choice.class].zh}，`,
    office
      ? `交${office.name}办理`
      : `本辖区没有可承办的${officeKindNames[choice.kind].zh}单位，请先登记`,
  ];
  if (conflicted.length > 0)
    parts.push(`；回避涉及人员任职的${conflicted.map((o) => o.name).join('、')}`);
  if (excludedUsers.length > 0) parts.push(`；${excludedUsers.length} 名关系人须回避承办`);
  return {
    class: choice.class,
    office_id: office?.id ?? null,
    office_kind: choice.kind,
    reason: parts.join(''),
    excluded_office_ids: conflicted.map((o) => o.id),
    excluded_user_ids: excludedUsers.map((u) => u.id).sort((a, b) => a - b),
  };
}
