import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createOffice,
  leadCounty,
  leadUser,
  scannedDemoCounty,
} from '../../test/factories/leads.js';
import { createTestContext, dialects, type TestContext } from '../../test/helpers/databases.js';
import { leadActions, leadStates, type LeadAction, type LeadState } from '../api/leads.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import { systemActor } from '../audit/actor.js';
import { JianduError } from '../core/errors.js';
import type { OfficeRow } from './officesRepository.js';
import { actOnLead } from './actOnLead.js';
import { createLead } from './createLead.js';
import type { LeadActor } from './leadAccess.js';
import { leadTotals, listLeadQueue } from './leadQueues.js';
import { activeLeadSources, findLead, type LeadRow } from './leadsRepository.js';
import { leadTransitions, transitionOf } from './leadStateMachine.js';
import { routeLead } from './routeLead.js';
import { insertRoutingRule } from './routingRepository.js';
import { splitLead } from './splitLead.js';

interface W {
  id: number;
  rule_code: string;
  subject: string;
  jurisdiction_code: string;
}

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof JianduError) return error.code;
    throw error;
  }
}

for (const dialect of dialects) {
  describe.skipIf(dialect === 'postgres' && !inject('pgTemplate'))(`leads [${dialect}]`, () => {
    let ctx: TestContext;
    let warnings: W[] = [];
    let inspector: LeadActor;
    let discipline: OfficeRow;
    let civil: OfficeRow;
    let township: string;
    let handler: LeadActor;
    const used = new Set<number>();

    /** A warning of a rule not yet in a lead. */
    const take = (rule?: string): W => {
      const w = warnings.find((x) => (!rule || x.rule_code === rule) && !used.has(x.id));
      if (!w) throw new Error(`no free warning ${rule ?? ''}`);
      used.add(w.id);
      return w;
    };

    beforeAll(async () => {
      ctx = await createTestContext(dialect);
      await scannedDemoCounty(ctx);
      warnings = await ctx.handle.db
        .selectFrom('warnings')
        .select(['id', 'rule_code', 'subject', 'jurisdiction_code'])
        .where('subject_kind', '=', 'person')
        .orderBy('id')
        .execute();
      inspector = await leadUser(ctx, 'inspector');
      discipline = await createOffice(ctx, {
        kind: 'discipline',
        jurisdictionCode: leadCounty,
        supervising: true,
        name: '县纪委监委',
      });
      await createOffice(ctx, {
        kind: 'civil_affairs',
        jurisdictionCode: leadCounty,
        name: '县民政局',
      });
      const r01 = warnings.find((w) => w.rule_code === 'R01')!;
      township = `${r01.jurisdiction_code.slice(0, 9)}000`;
      civil = await createOffice(ctx, {
        kind: 'civil_affairs',
        jurisdictionCode: township,
        name: '乡镇民政办',
      });
      handler = await leadUser(ctx, 'handler', { officeId: civil.id, jurisdictionCode: township });
    }, 240_000);

    afterAll(async () => {
      await ctx.destroy();
    });

    const manual = (who: LeadActor = inspector) =>
      createLead(ctx, who, {
        origin: 'manual',
        channel: 'letter',
        jurisdiction_code: `${township.slice(0, 9)}201`,
        subject: township,
        subject_name: '某村',
        summary: '来信反映',
      });

    /** Actors per capability, for the table of transitions. */
    const actorFor = (action: LeadAction, state: LeadState): LeadActor => {
      const t = transitionOf(state, action) ?? leadTransitions[action][0]!;
      return t.capabilities.includes('leads.handle') && !t.capabilities.includes('leads.triage')
        ? handler
        : inspector;
    };

    const bodyFor = (action: LeadAction, lead: LeadRow) => ({
      action,
      version: lead.version,
      reason: '测试',
      handler_id: action === 'assign' ? (handler.actor.id ?? undefined) : undefined,
      deadline: action.endsWith('extension') ? '2099-01-01' : undefined,
      outcome: action === 'submit' ? { verdict: 'true' as const, findings: '核实属实' } : undefined,
    });

    /** A manual lead driven to `state` by the legal path. */
    async function leadIn(state: LeadState): Promise<LeadRow> {
      let lead = await manual();
      const path: LeadAction[] = {
        triage: [],
        assigned: ['triage'],
        verifying: ['triage', 'accept'],
        review: ['triage', 'accept', 'submit'],
        closed: ['triage', 'accept', 'submit', 'approve'],
        archived: ['triage', 'accept', 'submit', 'approve', 'archive'],
      }[state] as LeadAction[];
      for (const action of path)
        lead = (await actOnLead(ctx, actorFor(action, lead.state), lead.id, bodyFor(action, lead)))
          .lead;
      expect(lead.state).toBe(state);
      return lead;
    }

    it('allows exactly the machine’s transitions, state by state', async () => {
      for (const state of leadStates) {
        for (const action of leadActions) {
          const lead = await leadIn(state);
          const result = await code(
            actOnLead(ctx, actorFor(action, state), lead.id, bodyFor(action, lead)),
          );
          const legal = transitionOf(state, action);
          expect(result, `${action} from ${state}`).toBe(legal ? 'ok' : 'LEAD_STATE');
          if (legal)
            expect((await findLead(ctx.handle.db, inspector.scope, lead.id))!.state).toBe(legal.to);
        }
      }
    }, 240_000);

    it('lets one of two actors with the same version win and tells the other', async () => {
      const lead = await manual();
      const results = await Promise.all(
        ['甲', '乙'].map((who) =>
          code(
            actOnLead(ctx, inspector, lead.id, {
              action: 'triage',
              version: lead.version,
              reason: who,
            }),
          ),
        ),
      );
      expect(results.sort()).toEqual(['LEAD_CHANGED', 'ok']);
    });

    it('gives concurrent creations distinct, consecutive case numbers', async () => {
      const leads = await Promise.all(Array.from({ length: 12 }, () => manual()));
      const numbers = leads.map((l) => l.case_no);
      expect(new Set(numbers).size).toBe(12);
      const year = new Date().getUTCFullYear();
      for (const n of numbers) expect(n).toMatch(new RegExp(`^431226-${year}-\\d{6}$`));
      const seqs = numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b);
      expect(seqs[seqs.length - 1]! - seqs[0]!).toBe(11);
    });

    it('refuses a handler of another office and a warning already in a lead', async () => {
      const other = await createOffice(ctx, { kind: 'finance', jurisdictionCode: leadCounty });
      const stranger = await leadUser(ctx, 'handler', { officeId: other.id });
      const lead = await leadIn('assigned');
      expect(await code(actOnLead(ctx, stranger, lead.id, bodyFor('accept', lead)))).toBe(
        'LEAD_NOT_YOURS',
      );
      expect(
        await code(
          createLead(ctx, handler, {
            origin: 'manual',
            channel: 'visit',
            jurisdiction_code: township,
            subject: 'x',
            subject_name: 'x',
            summary: 'x',
          }),
        ),
      ).toBe('FORBIDDEN');
      const w = take('R01');
      await createLead(ctx, inspector, { origin: 'warning', warning_ids: [w.id] });
      expect(
        await code(createLead(ctx, inspector, { origin: 'warning', warning_ids: [w.id] })),
      ).toBe('LEAD_SOURCE_TAKEN');
    });

    it('routes by the defaults and lets a routing rule override them', async () => {
      const r01 = take('R01');
      const lead01 = await createLead(ctx, inspector, { origin: 'warning', warning_ids: [r01.id] });
      const routed = await routeLead(ctx.handle.db, lead01);
      expect(routed).toMatchObject({ class: 'rectification', office_kind: 'civil_affairs' });
      if (r01.jurisdiction_code.startsWith(township.slice(0, 9)))
        expect(routed.office_id).toBe(civil.id);
      expect(routed.reason).toContain('R01');

      const r03 = take('R03');
      const lead03 = await createLead(ctx, inspector, { origin: 'warning', warning_ids: [r03.id] });
      expect(await routeLead(ctx.handle.db, lead03)).toMatchObject({
        class: 'clue_transfer',
        office_kind: 'discipline',
        office_id: discipline.id,
      });

      const r11 = warnings.find((w) => w.rule_code === 'R11' && !used.has(w.id));
      if (r11) {
        used.add(r11.id);
        const lead11 = await createLead(ctx, inspector, {
          origin: 'warning',
          warning_ids: [r11.id],
        });
        expect((await routeLead(ctx.handle.db, lead11)).class).toBe('data_correction');
      }

      await auditedWrite(ctx, systemActor, (write) =>
        insertRoutingRule(write, {
          priority: 1,
          jurisdictionPrefix: '431226',
          ruleCodes: ['R01'],
          resultClass: 'clue_transfer',
          officeKind: 'discipline',
        }),
      );
      const ruled = await routeLead(ctx.handle.db, lead01);
      expect(ruled).toMatchObject({ class: 'clue_transfer', office_id: discipline.id });
      expect(ruled.reason).toContain('分流规则');
      await ctx.handle.db.deleteFrom('routing_rules').execute();

      // An inspector may route elsewhere, with a reason.
      expect(
        await code(
          actOnLead(ctx, inspector, lead01.id, {
            action: 'triage',
            version: 1,
            office_id: discipline.id,
            class: 'clue_transfer',
          }),
        ),
      ).toBe('REASON_REQUIRED');
      const overridden = await actOnLead(ctx, inspector, lead01.id, {
        action: 'triage',
        version: 1,
        office_id: discipline.id,
        class: 'clue_transfer',
        reason: '金额较大，移交纪委',
      });
      expect(overridden.lead.routing_reason).toContain('人工改派');
    });

    it('keeps a lead from the named official’s office and from people in their network', async () => {
      const r03 = take('R03');
      const evidence = await ctx.handle.db
        .selectFrom('warning_evidence')
        .select('details')
        .where('warning_id', '=', r03.id)
        .execute();
      const related = (JSON.parse(evidence[0]!.details) as { related_id: string }).related_id;
      const org = await ctx.handle.db
        .selectFrom('ds_officials')
        .select('organisation')
        .where('id_number', '=', related)
        .executeTakeFirstOrThrow();
      const own = await createOffice(ctx, {
        kind: 'discipline',
        jurisdictionCode: r03.jurisdiction_code,
        name: org.organisation,
      });
      const relative = await leadUser(ctx, 'handler', {
        officeId: discipline.id,
        idNumber: related,
      });
      const lead = await createLead(ctx, inspector, { origin: 'warning', warning_ids: [r03.id] });
      const routed = await routeLead(ctx.handle.db, lead);
      expect(routed.excluded_office_ids).toContain(own.id);
      expect(routed.office_id).toBe(discipline.id);
      expect(routed.excluded_user_ids).toContain(relative.actor.id);
      expect(
        await code(
          actOnLead(ctx, inspector, lead.id, {
            action: 'triage',
            version: 1,
            office_id: own.id,
            reason: '试',
          }),
        ),
      ).toBe('LEAD_CONFLICT_OF_INTEREST');
      const triaged = await actOnLead(ctx, inspector, lead.id, { action: 'triage', version: 1 });
      expect(
        await code(
          actOnLead(ctx, inspector, lead.id, {
            action: 'assign',
            version: triaged.lead.version,
            handler_id: relative.actor.id!,
          }),
        ),
      ).toBe('LEAD_CONFLICT_OF_INTEREST');
    });

    it('merges, splits and closes a lead, recording each warning’s judgement', async () => {
      const bySubject = new Map<string, W[]>();
      for (const w of warnings.filter((x) => !used.has(x.id)))
        bySubject.set(w.subject, [...(bySubject.get(w.subject) ?? []), w]);
      const groups = [...bySubject.values()].filter((g) => g.length >= 2);
      expect(groups.length).toBeGreaterThanOrEqual(2);
      const [a, b] = groups[0]!;
      const [c, d] = groups[1]!;
      for (const w of [a!, b!, c!, d!]) used.add(w.id);
      const other = warnings.find((w) => !used.has(w.id) && w.subject !== a!.subject)!;
      expect(
        await code(
          createLead(ctx, inspector, { origin: 'warning', warning_ids: [a!.id, other.id] }),
        ),
      ).toBe('LEAD_SUBJECTS_DIFFER');

      const pair = await createLead(ctx, inspector, {
        origin: 'warning',
        warning_ids: [c!.id, d!.id],
      });
      const { from, to } = await splitLead(ctx, inspector, pair.id, {
        version: pair.version,
        warningIds: [d!.id],
        reason: '另案处理',
      });
      expect(to.case_no).not.toBe(from.case_no);
      expect(from.version).toBe(pair.version + 1);
      expect((await activeLeadSources(ctx.handle.db, pair.id)).map((s) => s.warning_id)).toEqual([
        c!.id,
      ]);
      expect((await activeLeadSources(ctx.handle.db, to.id)).map((s) => s.warning_id)).toEqual([
        d!.id,
      ]);

      let lead = await createLead(ctx, inspector, {
        origin: 'warning',
        warning_ids: [a!.id, b!.id],
      });
      const local = `${a!.jurisdiction_code.slice(0, 9)}000`;
      const office =
        local === township
          ? civil
          : await createOffice(ctx, { kind: 'civil_affairs', jurisdictionCode: local });
      const worker =
        local === township
          ? handler
          : await leadUser(ctx, 'handler', { officeId: office.id, jurisdictionCode: local });
      const supervisorOffice = await leadUser(ctx, 'inspector', { officeId: civil.id });
      lead = (
        await actOnLead(ctx, inspector, lead.id, {
          action: 'triage',
          version: lead.version,
          office_id: office.id,
          class: 'rectification',
          reason: '乡镇办理',
        })
      ).lead;
      lead = (await actOnLead(ctx, worker, lead.id, { action: 'accept', version: lead.version }))
        .lead;
      lead = (
        await actOnLead(ctx, worker, lead.id, {
          action: 'submit',
          version: lead.version,
          outcome: {
            verdict: 'partly',
            findings: '部分属实，已追回',
            recover_fen: 120000,
            recovered_fen: 120000,
            judgements: [{ warning_id: b!.id, judgement: 'data_error' }],
            accountability: [
              {
                kind: '诫勉谈话',
                person_name: '张三',
                decided_on: '2026-01-05',
                document_no: '纪诫〔2026〕1号',
              },
            ],
          },
        })
      ).lead;
      // An inspector of a non-supervising office does not approve closure.
      expect(
        await code(
          actOnLead(ctx, supervisorOffice, lead.id, { action: 'approve', version: lead.version }),
        ),
      ).toBe('LEAD_NOT_YOURS');
      const review = await listLeadQueue(ctx.handle.db, inspector.scope, { queue: 'review' });
      expect(review.leads.map((l) => l.id)).toContain(lead.id);
      const closed = await actOnLead(ctx, inspector, lead.id, {
        action: 'approve',
        version: lead.version,
      });
      expect(closed.lead.state).toBe('closed');
      expect(closed.judgements).toEqual(
        [
          { warning_id: a!.id, judgement: 'partly' },
          { warning_id: b!.id, judgement: 'data_error' },
        ].sort((x, y) => x.warning_id - y.warning_id),
      );
      // The warnings take the judgements: the data error leaves the open list, the partly
      // confirmed one stays open (the record was not said to be rectified).
      const judged = await ctx.handle.db
        .selectFrom('warnings')
        .select(['id', 'status', 'judgement'])
        .where('id', 'in', [a!.id, b!.id])
        .orderBy('id')
        .execute();
      expect(judged).toEqual(
        [
          { id: a!.id, status: 'open', judgement: 'partly' },
          { id: b!.id, status: 'dismissed', judgement: 'data_error' },
        ].sort((x, y) => x.id - y.id),
      );
      const audit = await ctx.handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity', '=', 'lead')
        .where('entity_ids', '=', JSON.stringify([String(lead.id)]))
        .orderBy('seq')
        .execute();
      expect(audit.map((r) => r.action)).toEqual([
        'lead.create',
        'lead.triage',
        'lead.accept',
        'lead.submit',
        'lead.approve',
      ]);
    });

    it('answers the queues with totals, within scope and paged', async () => {
      const triage = await listLeadQueue(ctx.handle.db, inspector.scope, {
        queue: 'triage',
        limit: 2,
      });
      expect(triage.leads.length).toBeLessThanOrEqual(2);
      expect(triage.total).toBeGreaterThan(2);
      expect(triage.leads.every((l) => l.state === 'triage')).toBe(true);
      const mine = await listLeadQueue(ctx.handle.db, handler.scope, {
        queue: 'mine',
        userId: handler.actor.id!,
      });
      expect(mine.leads.every((l) => l.handler_id === handler.actor.id)).toBe(true);
      const elsewhere = await listLeadQueue(
        ctx.handle.db,
        { code: '431226999000', prefix: '431226999' },
        { queue: 'triage' },
      );
      expect(elsewhere.total).toBe(0);
      const totals = await leadTotals(ctx.handle.db, inspector.scope);
      const all = await ctx.handle.db
        .selectFrom('leads')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(totals.reduce((s, t) => s + t.count, 0)).toBe(all.n);
      expect(totals.find((t) => t.state === 'closed')?.count).toBeGreaterThan(0);
      const masked = triage.leads.find((l) => /^\d{6}\*/.test(l.subject));
      if (masked) expect(masked.subject).not.toMatch(/^\d{17}/);
    });
  });
}
