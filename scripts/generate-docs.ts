// Rewrites the generated blocks of docs/reference/*.md from the code (npm run generate:docs).
import fs from 'node:fs';
import path from 'node:path';
import { fillGenerated, referenceDocs } from './referenceDocs.js';

for (const doc of referenceDocs()) {
  const file = path.resolve(doc.path);
  const text = fs.readFileSync(file, 'utf8');
  const filled = fillGenerated(text, doc);
  if (filled !== text) fs.writeFileSync(file, filled);
  console.log(`${filled === text ? 'unchanged' : 'wrote'} ${doc.path}`);
}
