/** Writes schemas/fixture.schema.json from the zod schema of a fixture (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fixtureJsonSchemaText } from '../src/testing/json-schema';

const out = fileURLToPath(new URL('../schemas/fixture.schema.json', import.meta.url));
writeFileSync(out, fixtureJsonSchemaText());
console.log(`wrote ${out}`);
