/**
 * Writes src/db/rxSchemas.generated.ts: the RxDB JSON schema of every collection, generated
 * from the zod schemas in src/domain. The tablet opens its database from this file, so the
 * first screen does not load zod; tests/unit/db-rx-schemas.test.ts fails when it is stale.
 *
 * Run: npx tsx scripts/generate-rx-schemas.ts (npm run build runs it first).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderRxSchemasModule } from './rxSchemasModule';

const target = fileURLToPath(new URL('../src/db/rxSchemas.generated.ts', import.meta.url));
writeFileSync(target, renderRxSchemasModule());
console.log(`wrote ${target}`);
