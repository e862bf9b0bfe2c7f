// Writes docs/sql/<rule>.<dialect>.sql: the statement each built-in rule runs (npm run generate:sql).
import fs from 'node:fs';
import path from 'node:path';
import { ruleSnapshots } from '../src/rules/ruleSnapshots.js';

const dir = path.resolve('docs', 'sql');
fs.mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(ruleSnapshots()))
  fs.writeFileSync(path.join(dir, name), text);
console.log(`wrote ${dir}`);
