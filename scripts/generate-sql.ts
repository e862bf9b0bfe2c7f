// Writes docs/sql/<rule>[.incremental].<dialect>.sql: the statements each built-in rule runs,
// and removes the files no rule produces any more (npm run generate:sql).
import fs from 'node:fs';
import path from 'node:path';
import { ruleSnapshots } from '../src/rules/ruleSnapshots.js';

const dir = path.resolve('docs', 'sql');
fs.mkdirSync(dir, { recursive: true });
const snapshots = ruleSnapshots();
for (const [name, text] of Object.entries(snapshots)) fs.writeFileSync(path.join(dir, name), text);
for (const name of fs.readdirSync(dir))
  if (!(name in snapshots)) fs.rmSync(path.join(dir, name), { recursive: true });
console.log(`wrote ${dir}`);
