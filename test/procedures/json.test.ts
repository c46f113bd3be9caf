/**
 * Every built-in procedure is plain data: it survives a JSON round trip
 * (stringify → parse → defineProcedure) and the copy evaluates every fixture
 * case of the procedure, under every profile, exactly as the original does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCalendar, defineProcedure, evaluateProcedure, procedures } from '../../src/index';
import { FixtureSchema } from '../fixtures/fixture-schema';

const roundTrip = <T>(x: T): T => JSON.parse(JSON.stringify(x));
const root = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const fixturesOf = (id: string) =>
  readdirSync(join(root, id))
    .filter((f) => f.endsWith('.json'))
    .map((f) => FixtureSchema.parse(JSON.parse(readFileSync(join(root, id, f), 'utf8'))));

describe('built-in procedures as JSON', () => {
  it.each(procedures.map((p) => [p.id, p] as const))('%s: serialises, loads back and evaluates its fixtures identically', (_id, p) => {
    const back = defineProcedure(roundTrip(p));
    expect(back).not.toBe(p);
    expect(back).toEqual(p);
    const cases = fixturesOf(p.id);
    expect(cases.length, `${p.id} has fixture cases`).toBeGreaterThan(0);
    let results = 0;
    for (const f of cases) {
      for (const profile of ['default', ...Object.keys(p.profiles ?? {})]) {
        const options = { asOf: f.asOf, profile, ...(f.calendar ? { calendar: createCalendar(f.calendar) } : {}), ...(f.overrides ? { overrides: f.overrides } : {}), ...(f.dueSoonWithin ? { dueSoonWithin: f.dueSoonWithin } : {}) };
        const a = evaluateProcedure(p, f.case, options);
        const b = evaluateProcedure(back, roundTrip(f.case), options);
        expect([...b]).toEqual([...a]);
        expect(b.problems).toEqual(a.problems);
        results += a.length;
      }
    }
    expect(results, `${p.id} fixtures give results`).toBeGreaterThan(0);
  });
});
