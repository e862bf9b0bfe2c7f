#!/usr/bin/env node
// Installs the pinned dependencies when node_modules is missing or older than
// package-lock.json, so that `npm start` and `npm test` each work on a fresh clone.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  console.error(`Jiandu needs Node.js 20 or newer; this is ${process.version}.`);
  process.exit(1);
}
const lock = fs.readFileSync(path.join(root, 'package-lock.json'));
const digest = createHash('sha256').update(lock).digest('hex');
const stamp = path.join(root, 'node_modules', '.jiandu-deps');
const current = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8').trim() : '';
if (current === digest) process.exit(0);

console.log('正在安装依赖（npm ci，首次约需 3 分钟）… / installing dependencies (npm ci)…');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
  console.error('npm ci failed: see the messages above.');
  process.exit(result.status ?? 1);
}
fs.writeFileSync(stamp, `${digest}\n`);
