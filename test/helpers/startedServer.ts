import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { repoRoot } from './cli.js';

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface StartedServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
  /** Kills the server without warning (SIGKILL to its process group), as a crash would. */
  kill: () => Promise<void>;
}

/**
 * Runs a command that ends in `jiandu serve` (the README's `npm start`, say) and waits
 * until the server answers /api/health.
 */
export async function startServer(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
): Promise<StartedServer> {
  let output = '';
  const child: ChildProcess = spawn(command, args, {
    cwd: repoRoot,
    env: { ...process.env, JIANDU_PORT: String(port), JIANDU_LOG: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const signal = async (name: NodeJS.Signals): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // The whole process group: npm and the node processes it started.
    process.kill(-child.pid, name);
    await exited;
  };
  return {
    url,
    output: () => output,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
  };
}
