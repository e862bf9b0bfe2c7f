#!/usr/bin/env node
// The `jiandu` command: runs the TypeScript sources through tsx, so there is no build step
// to forget and no stale output to run.
import { register } from 'tsx/esm/api';

register();
// `jiandu warnings | head`: a closed pipe ends the command quietly, as for any Unix tool.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { runCli } = await import('../src/cli/main.ts');
const code = await runCli(process.argv.slice(2));
process.exitCode = code;
