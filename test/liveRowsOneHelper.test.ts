import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.js';

const src = path.join(repoRoot, 'src');
// Migrations are frozen history; the helper and its test are where the condition is written.
const exempt = [
  path.join('src', 'db', 'migrations') + path.sep,
  path.join('src', 'ingest', 'liveRows.ts'),
  path.join('src', 'ingest', 'liveRows.test.ts'),
];
const liveCondition = /live\s*=\s*1/;

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
    );
}

describe('live rows', () => {
  it('are read and written only through src/ingest/liveRows.ts (isLive, setLive)', () => {
    const offending = filesUnder(src)
      .map((file) => path.relative(repoRoot, file))
      .filter((file) => !exempt.some((e) => file === e || file.startsWith(e)))
      .filter((file) => liveCondition.test(fs.readFileSync(path.join(repoRoot, file), 'utf8')));
    expect(offending, 'write isLive()/setLive() from src/ingest/liveRows.ts instead').toEqual([]);
  });
});
