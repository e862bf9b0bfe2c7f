import { parseArgs } from 'node:util';
import {
  leadActions,
  leadClasses,
  leadQueues,
  leadStateNames,
  verdicts,
  type LeadAction,
  type LeadActionBody,
  type LeadClass,
  type LeadQueue,
  type LeadView,
  type Verdict,
} from '../api/leads.js';
import { JianduError } from '../core/errors.js';
import { formatYuan } from '../core/money.js';
import { actOnLead } from '../leads/actOnLead.js';
import { leadActorFor, type LeadActor } from '../leads/leadAccess.js';
import { leadDetailOf, leadQueueFor, masked, visibleLead } from '../leads/leadDetail.js';
import { toLeadView } from '../leads/leadQueues.js';
import type { AppContext } from '../appContext.js';
import { commonOptions, parseCommandArgs } from './args.js';
import { openContext, resolveActor } from './openContext.js';
import type { Output } from './output.js';

export const leadHelp = {
  zh: `jiandu lead list [--queue triage|overdue|review|mine|office] [--json]
jiandu lead show 线索号 [--json]
jiandu lead triage 线索号 [--class 类别 --office 单位号 --reason 理由]
jiandu lead assign 线索号 --handler 用户号
jiandu lead act 线索号 操作 [--reason 理由] [--deadline 日期] [--verdict 结论 --findings 核查情况]
jiandu lead close 线索号
  查看和办理问题线索（与工作台同样的权限；--as 指定操作人）。不写 --version 时按线索当前版本办理。`,
  en: `jiandu lead list [--queue Q] [--json] | show ID [--json] | triage ID [--class C --office N --reason R]
jiandu lead assign ID --handler N | act ID ACTION [--reason R --deadline D --verdict V --findings F] | close ID
  Lists and works leads with the console's permissions (--as names the actor). Without --version, acts on the lead's current version.`,
};

const subcommands = ['list', 'show', 'triage', 'assign', 'act', 'close'] as const;

function oneOf<T extends string>(values: readonly T[], value: string, option: string): T {
  if (!(values as readonly string[]).includes(value))
    throw new JianduError('INVALID_ARGUMENT', {
      detail: `${option} ${value}: ${values.join(', ')}`,
    });
  return value as T;
}

function positiveInt(value: string | undefined, what: string): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 1)
    throw new JianduError('INVALID_ARGUMENT', { detail: `${what}: a positive whole number` });
  return n;
}

function describe(out: Output, lead: LeadView): string {
  return [
    lead.id,
    lead.case_no,
    leadStateNames[lead.state][out.language],
    lead.subject_name,
    lead.subject,
    lead.deadline ?? '-',
    formatYuan(lead.amount_fen),
    `v${lead.version}`,
  ].join('\t');
}

interface Values {
  version?: string | undefined;
  reason?: string | undefined;
  class?: string | undefined;
  office?: string | undefined;
  handler?: string | undefined;
  deadline?: string | undefined;
  verdict?: string | undefined;
  findings?: string | undefined;
}

/** The action body the options describe, at the version given or the lead's current one. */
function actionBody(action: LeadAction, version: number, values: Values): LeadActionBody {
  const body: LeadActionBody = { action, version };
  if (values.reason !== undefined) body.reason = values.reason;
  if (values.class !== undefined)
    body.class = oneOf<LeadClass>(leadClasses, values.class, '--class');
  if (values.office !== undefined) body.office_id = positiveInt(values.office, '--office');
  if (values.handler !== undefined) body.handler_id = positiveInt(values.handler, '--handler');
  if (values.deadline !== undefined) body.deadline = values.deadline;
  if (values.verdict !== undefined || values.findings !== undefined)
    body.outcome = {
      verdict: oneOf<Verdict>(verdicts, values.verdict ?? '', '--verdict'),
      findings: values.findings ?? '',
    };
  return body;
}

async function act(
  ctx: AppContext,
  who: LeadActor,
  id: number,
  action: LeadAction,
  values: Values,
): Promise<LeadView> {
  const lead = await visibleLead(ctx.handle.db, who, id);
  const version =
    values.version === undefined ? lead.version : positiveInt(values.version, '--version');
  const result = await actOnLead(ctx, who, id, actionBody(action, version, values));
  return masked(toLeadView(result.lead));
}

export async function leadCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs(() =>
    parseArgs({
      args,
      options: {
        ...commonOptions,
        json: { type: 'boolean' },
        queue: { type: 'string' },
        version: { type: 'string' },
        reason: { type: 'string' },
        class: { type: 'string' },
        office: { type: 'string' },
        handler: { type: 'string' },
        deadline: { type: 'string' },
        verdict: { type: 'string' },
        findings: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  const [sub, idText, actionText] = positionals;
  if (!sub || !(subcommands as readonly string[]).includes(sub))
    throw new JianduError('INVALID_ARGUMENT', {
      detail: `usage: jiandu lead ${subcommands.join('|')}`,
    });
  const id = sub === 'list' ? 0 : positiveInt(idText, `jiandu lead ${sub} needs a lead number`);
  const ctx = await openContext(values.db);
  try {
    const { actor } = await resolveActor(ctx, values.as);
    if (actor.id === null) throw new JianduError('USER_NOT_FOUND', { user: actor.name });
    const who = await leadActorFor(ctx.handle.db, actor.id);
    const db = ctx.handle.db;
    if (sub === 'list') {
      const queue = oneOf<LeadQueue>(leadQueues, values.queue ?? 'triage', '--queue');
      const page = await leadQueueFor(db, who, { queue, limit: 500, offset: 0 });
      if (values.json) out.say(JSON.stringify(page));
      else if (page.leads.length === 0) out.say(out.t('没有线索', 'No leads'));
      else for (const lead of page.leads) out.say(describe(out, lead));
      return 0;
    }
    if (sub === 'show') {
      const detail = await leadDetailOf(db, who, await visibleLead(db, who, id));
      if (values.json) out.say(JSON.stringify(detail));
      else {
        out.say(describe(out, detail.lead));
        out.say(detail.lead.summary);
        for (const e of detail.events)
          out.say(`${e.seq}\t${e.at}\t${e.actor_name}\t${e.action}\t${e.reason ?? ''}`);
        out.say(`${out.t('可办理', 'Actions')}: ${detail.actions.join(', ') || '-'}`);
        if (detail.routing) out.say(`${out.t('分流建议', 'Routing')}: ${detail.routing.reason}`);
      }
      return 0;
    }
    const action: LeadAction =
      sub === 'triage' || sub === 'assign'
        ? sub
        : sub === 'close'
          ? 'approve'
          : oneOf<LeadAction>(leadActions, actionText ?? '', 'jiandu lead act');
    const lead = await act(ctx, who, id, action, values);
    out.say(values.json ? JSON.stringify(lead) : describe(out, lead));
    return 0;
  } finally {
    await ctx.handle.close();
  }
}
