import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processAlive } from './processAlive.js';

describe('processAlive', () => {
  it('knows this process, and not one that has ended', () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(2 ** 22 + 12_345)).toBe(false);
  });

  it.runIf(fs.existsSync('/proc/self/stat'))(
    'counts a process that exited but was not collected (a zombie) as dead',
    async () => {
      // The shell starts a child that ends a second later, by when the shell has become
      // `sleep`, which never collects it (a shell may collect a child that ends before it
      // execs); the sleep outlasts a slow machine, and the finally ends it.
      const parent = spawn('sh', ['-c', 'sleep 1 & echo $!; exec sleep 120'], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      try {
        const pid = await new Promise<number>((resolve) =>
          parent.stdout.once('data', (data: Buffer) => resolve(Number(data.toString().trim()))),
        );
        await expect
          .poll(() => fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0])
          .toBe('Z');
        // The signal still reaches it: only its state tells.
        expect(() => process.kill(pid, 0)).not.toThrow();
        expect(processAlive(pid)).toBe(false);
      } finally {
        parent.kill('SIGKILL');
      }
    },
  );
});
