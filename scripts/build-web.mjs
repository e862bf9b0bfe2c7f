#!/usr/bin/env node
// Builds the web front end (vite) unless dist/web is newer than every source it comes from.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join(root, 'dist', 'web', 'index.html');

function newest(target) {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target))
    latest = Math.max(latest, newest(path.join(target, entry)));
  return latest;
}

const sources = ['web', 'src/api', 'src/rules/builtin', 'package-lock.json'].map((p) =>
  path.join(root, p),
);
const built = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
const force = process.argv.includes('--force');
if (!force && built > Math.max(...sources.filter((s) => fs.existsSync(s)).map(newest))) {
  console.log('web front end is up to date (dist/web)');
  process.exit(0);
}
const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const result = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
