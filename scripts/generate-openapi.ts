// Writes docs/api/openapi.json from the registered routes (npm run generate:openapi).
import fs from 'node:fs';
import path from 'node:path';
import { generateOpenApiDocument } from '../src/server/openApiDocument.js';

const target = path.resolve('docs', 'api', 'openapi.json');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, await generateOpenApiDocument());
console.log(`wrote ${target}`);
