import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { datasets } from '../src/ingest/datasets/index.js';
import { chineseHeaders, writeCsv } from './factories/templateFiles.js';
import { templateRow } from './factories/templateRows.js';
import { runJiandu } from './helpers/cli.js';
import { tempDir } from './helpers/databases.js';

/** The command line's contract (docs/reference/cli.md): words, exit codes, errors on stderr. */
describe('jiandu command line', () => {
  const dir = tempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(
    'initialises a new database once and prints the one-time password once',
    { timeout: 90_000 },
    async () => {
      const db = path.join(dir, 'fresh', 'jiandu.db');
      const first = await runJiandu(['init', '--db', db]);
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('辖区：湖南省 怀化市 麻阳苗族自治县（431226000000）');
      const password = /一次性密码：([A-Za-z2-9]{16}) /.exec(first.stdout)?.[1];
      expect(password).toBeDefined();
      // Boxed, and the last thing printed; its copy is readable by the operator only.
      const lines = first.stdout.trimEnd().split('\n');
      expect(lines.at(-1)).toMatch(/^\+=+\+$/);
      expect(lines.at(-4)).toContain(`一次性密码：${password}`);
      const file = path.join(dir, 'fresh', 'admin-password.txt');
      expect(lines.at(-2)).toContain(file);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(file, 'utf8')).toContain(`\n${password}\n`);
      const second = await runJiandu(['init'], { JIANDU_DB: db });
      expect(second.code).toBe(0);
      expect(second.stdout).toContain('管理员 admin 已存在');
      expect(second.stdout).not.toContain('一次性密码');
      // The operator's way back in gives the file a new password.
      const reset = await runJiandu(['user', 'reset-password', 'admin', '--db', db]);
      expect(reset.code).toBe(0);
      const renewed = /一次性密码：([A-Za-z2-9]{16}) /.exec(reset.stdout)?.[1];
      expect(renewed).toBeDefined();
      expect(renewed).not.toBe(password);
      expect(fs.readFileSync(file, 'utf8')).toContain(`\n${renewed}\n`);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const verify = await runJiandu(['audit', 'verify', '--db', db]);
      expect(verify.code).toBe(0);
      expect(verify.stdout).toMatch(/审计链完整：共 \d+ 条记录/);
    },
  );

  it('writes no progress bar to standard error when it is not a terminal', async () => {
    const db = path.join(dir, 'quiet.db');
    expect((await runJiandu(['init', '--db', db])).code).toBe(0);
    const definition = datasets.residents;
    const keys = definition.fields.map((f) => f.key);
    const file = path.join(dir, 'residents.csv');
    writeCsv(file, chineseHeaders(definition, keys), {
      keys,
      rows: Array.from({ length: 20 }, () => templateRow('residents')),
    });
    const imported = await runJiandu(['import', 'residents', file, '--db', db]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('读取 20 行');
    expect(imported.stderr).toBe('');
    const scanned = await runJiandu(['scan', '--full', '--db', db]);
    expect(scanned.code).toBe(0);
    expect(scanned.stdout).toContain('全量比对完成');
    expect(scanned.stderr).toBe('');
  });

  it('refuses an unknown log mode and a log file it cannot open, before serving', async () => {
    const mode = await runJiandu(['serve', '--log', 'loud']);
    expect(mode.code).toBe(1);
    expect(mode.stderr).toContain('quiet, requests, json, off');
    const file = await runJiandu(['serve', '--log-file', path.join(dir, 'no', 'such', 'x.log')]);
    expect(file.code).toBe(1);
    expect(file.stderr).toContain('--log-file');
    expect(file.stderr).toContain('ENOENT');
  });

  it('refuses a bad flag, an unknown command and an unknown region on standard error', async () => {
    const db = path.join(dir, 'bad-input.db');
    const flag = await runJiandu(['init', '--db', db, '--colour']);
    expect(flag.code).toBe(1);
    expect(flag.stderr).toContain('参数错误');
    expect(flag.stderr).toContain('--colour');
    const command = await runJiandu(['frobnicate']);
    expect(command.code).toBe(1);
    expect(command.stderr).toContain('未知命令：frobnicate');
    const region = await runJiandu(['init', '--db', db, '--region', '999999']);
    expect(region.code).toBe(1);
    expect(region.stderr).toContain('区划代码 999999 不在全国统计用区划代码表中');
    expect(region.stdout).toBe('');
    // Nothing was loaded for the refused region: the database has no jurisdiction yet.
    if (fs.existsSync(db)) {
      const raw = new SqliteDatabase(db, { readonly: true });
      const divisions = raw
        .prepare("select count(*) as n from sqlite_master where name = 'divisions'")
        .get() as { n: number };
      if (divisions.n > 0)
        expect(raw.prepare('select count(*) as n from divisions').get()).toEqual({ n: 0 });
      raw.close();
    }
  });

  it('says that a corrupt database file is corrupt and leaves it as it was', async () => {
    const db = path.join(dir, 'corrupt.db');
    const garbage = Buffer.from(
      'this is not a database, but it has a name that looks like one'.repeat(200),
    );
    fs.writeFileSync(db, garbage);
    for (const args of [['init'], ['serve', '--port', '0'], ['audit', 'verify']]) {
      const result = await runJiandu([...args, '--db', db]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('已损坏');
    }
    expect(fs.readFileSync(db).equals(garbage)).toBe(true);
  });

  it('says the database is unreachable without printing its password', async () => {
    const result = await runJiandu(['init'], {
      DATABASE_URL: 'postgres://jiandu:s3cret-pw@127.0.0.1:1/jiandu',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('无法连接数据库');
    expect(result.stderr).toContain('127.0.0.1:1');
    expect(result.stderr).not.toContain('s3cret-pw');
  });

  it('says the file is locked when another process holds it', async () => {
    const db = path.join(dir, 'locked.db');
    expect((await runJiandu(['init', '--db', db])).code).toBe(0);
    const holder = new SqliteDatabase(db);
    holder.exec('begin exclusive');
    try {
      const result = await runJiandu(
        ['user', 'add', 'clerk1', '--role', 'clerk', '--region', '431226101', '--db', db],
        {
          JIANDU_BUSY_TIMEOUT_MS: '300',
        },
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('正被其他程序锁定');
    } finally {
      holder.exec('rollback');
      holder.close();
    }
    const retry = await runJiandu([
      'user',
      'add',
      'clerk1',
      '--role',
      'clerk',
      '--region',
      '431226101',
      '--db',
      db,
    ]);
    expect(retry.code).toBe(0);
    expect(retry.stdout).toContain('已创建用户 clerk1');
  });

  it('asks for init before serving a database that was never initialised', async () => {
    const result = await runJiandu(['serve', '--db', path.join(dir, 'never.db')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('数据库尚未初始化，请先运行 jiandu init');
    expect(fs.existsSync(path.join(dir, 'never.db'))).toBe(false);
  });

  it('speaks English when asked', async () => {
    const result = await runJiandu(['init', '--region', 'abc', '--db', path.join(dir, 'en.db')], {
      JIANDU_LANG: 'en',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: Region code abc is not in the national division table\n');
  });
});
