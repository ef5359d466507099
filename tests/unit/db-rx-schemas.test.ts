import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRxSchemasModule } from '../../scripts/rxSchemasModule';

describe('generated RxDB schemas', () => {
  it('match the zod schemas in src/domain', () => {
    const committed = readFileSync(new URL('../../src/db/rxSchemas.generated.ts', import.meta.url), 'utf8');

    // When this fails, run: npx tsx scripts/generate-rx-schemas.ts
    expect(committed).toBe(renderRxSchemasModule());
  });
});
