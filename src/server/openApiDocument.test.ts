import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../test/helpers/cli.js';
import { generateOpenApiDocument } from './openApiDocument.js';

describe('docs/api/openapi.json', () => {
  it('is up to date with the routes (run npm run generate:openapi)', async () => {
    const committed = fs.readFileSync(path.join(repoRoot, 'docs', 'api', 'openapi.json'), 'utf8');
    expect(await generateOpenApiDocument()).toBe(committed);
  });
});
