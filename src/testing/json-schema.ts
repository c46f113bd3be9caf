/**
 * The JSON Schema of a fixture file, generated from the zod schema (the file
 * shipped as `schemas/fixture.schema.json`; `npm run schema` writes it, a
 * test checks it is current).
 */
import { z } from 'zod';
import { FixtureSchema } from './schema';

/** The JSON Schema (draft 2020-12) of a fixture file as written: defaults such as `tags` may be left out. */
export function fixtureJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(FixtureSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: 'safeguarding-timescales fixture',
    description: 'One case, the date it is evaluated at, the options of the evaluation and the results worked out by hand (docs/fixtures.md).',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

/** The text of the schema file: two-space JSON and a final newline. */
export function fixtureJsonSchemaText(): string {
  return `${JSON.stringify(fixtureJsonSchema(), null, 2)}\n`;
}
