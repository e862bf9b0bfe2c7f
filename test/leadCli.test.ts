import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LeadDetail, LeadQueuePage, LeadView } from '../src/api/leads.js';
import { systemActor } from '../src/audit/actor.js';
import { auditedWrite } from '../src/audit/auditedWrite.js';
import { runCli } from '../src/cli/main.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/openDatabase.js';
import { leadActorFor } from '../src/leads/leadAccess.js';
import { createLead } from '../src/leads/createLead.js';
import { setUserOffice } from '../src/leads/officesRepository.js';
import { createOffice, leadCounty } from './factories/leads.js';
import { createTestUser } from './factories/users.js';
import { recordingOutput } from './helpers/cli.js';
import { tempDir } from './helpers/databases.js';

const fullIdNumber = /(?<![0-9])\d{17}[\dX](?![0-9A-Za-z])/;

/** An inspector's and a handler's work on a lead from the command line. */
describe('jiandu lead', () => {
  const dir = tempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const db = path.join(dir, 'leads.db');
  const printed: string[] = [];

  async function cli(...args: string[]): Promise<{ code: number; text: string }> {
    const out = recordingOutput();
    const code = await runCli([...args, '--db', db], out);
    const text = [...out.lines, ...out.errors].join('\n');
    printed.push(text);
    return { code, text };
  }

  it('lists, shows, triages, assigns and closes a lead, ID numbers masked', async () => {
    expect((await cli('init', '--demo')).code).toBe(0);
    const handle = await openDatabase({ kind: 'sqlite', file: db }, { create: false });
    const ctx = { handle, config: loadConfig({}) };
    let leadId: number;
    let handlerName: string;
    try {
      const r01 = await handle.db
        .selectFrom('warnings')
        .select(['id', 'jurisdiction_code'])
        .where('rule_code', '=', 'R01')
        .where('subject_kind', '=', 'person')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const township = `${r01.jurisdiction_code.slice(0, 9)}000`;
      await createOffice(ctx, {
        kind: 'discipline',
        jurisdictionCode: leadCounty,
        supervising: true,
      });
      const civil = await createOffice(ctx, { kind: 'civil_affairs', jurisdictionCode: township });
      const handler = await createTestUser(ctx, { role: 'handler', jurisdictionCode: township });
      handlerName = handler.username;
      await auditedWrite(ctx, systemActor, (write) => setUserOffice(write, handler.id, civil.id));
      const admin = await handle.db
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'admin')
        .executeTakeFirstOrThrow();
      const lead = await createLead(ctx, await leadActorFor(handle.db, admin.id), {
        origin: 'warning',
        warning_ids: [r01.id],
      });
      leadId = lead.id;
      const listed = JSON.parse((await cli('lead', 'list', '--json')).text) as LeadQueuePage;
      expect(listed.leads.map((l) => l.id)).toContain(leadId);
      const shown = JSON.parse(
        (await cli('lead', 'show', String(leadId), '--json')).text,
      ) as LeadDetail;
      expect(shown.actions).toEqual(['triage']);
      expect(shown.routing?.office_id).toBe(civil.id);
      expect((await cli('lead', 'triage', String(leadId))).code).toBe(0);
      const assigned = await cli(
        'lead',
        'assign',
        String(leadId),
        '--handler',
        String(handler.id),
        '--json',
      );
      expect((JSON.parse(assigned.text) as LeadView).handler_id).toBe(handler.id);
    } finally {
      await handle.close();
    }
    const id = String(leadId);
    const stale = await cli('lead', 'act', id, 'accept', '--version', '1', '--as', handlerName);
    expect(stale.code).toBe(1);
    expect(stale.text).toContain('刚被其他人修改过');
    expect((await cli('lead', 'act', id, 'accept', '--as', handlerName)).code).toBe(0);
    const submitted = await cli(
      'lead',
      'act',
      id,
      'submit',
      '--verdict',
      'true',
      '--findings',
      '核实属实',
      '--as',
      handlerName,
    );
    expect(submitted.code, submitted.text).toBe(0);
    expect((await cli('lead', 'show', id, '--as', 'nobody')).code).not.toBe(0);
    const closed = await cli('lead', 'close', id, '--json');
    expect((JSON.parse(closed.text) as LeadView).state).toBe('closed');
    expect((await cli('lead', 'act', id, 'archive')).text).toContain('已归档');
    const shown = await cli('lead', 'show', id);
    expect(shown.text).toContain('approve');
    for (const text of printed) expect(text).not.toMatch(fullIdNumber);
  }, 120_000);
});
