/**
 * The calendar checks a caller's holidays list with `isGovUkShape`, not with
 * the zod schema (zod is not loaded by `timescales add`: start-up, issue 14).
 * The two must accept exactly the same values; and the bundled list, which is
 * no longer checked at every start, must have the shape.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GovUkBankHolidaysSchema } from '../../src/index';
import { isGovUkShape } from '../../src/calendar/holidays';

const agree = (v: unknown): void => void expect(isGovUkShape(v)).toBe(GovUkBankHolidaysSchema.safeParse(v).success);

describe('isGovUkShape accepts what GovUkBankHolidaysSchema accepts', () => {
  it('the bundled govuk-bank-holidays.json has the shape', () => {
    const bundled: unknown = JSON.parse(readFileSync(new URL('../../src/calendar/govuk-bank-holidays.json', import.meta.url), 'utf8'));
    expect(GovUkBankHolidaysSchema.safeParse(bundled).success).toBe(true);
    expect(isGovUkShape(bundled)).toBe(true);
  });

  it('hand-picked values, valid and not', () => {
    const ok = { 'england-and-wales': { division: 'england-and-wales', events: [{ title: 'New Year’s Day', date: '2024-01-01', notes: '', bunting: true }] } };
    const cases: unknown[] = [
      ok,
      {},
      Object.create(null),
      { x: { events: [] } },
      { x: { events: [], division: undefined } },
      { x: { events: [{ title: 't', date: 'd', notes: undefined }] } },
      // not valid
      null,
      undefined,
      [],
      [ok['england-and-wales']],
      'text',
      42,
      new Date(0),
      new Map(),
      { x: null },
      { x: [] },
      { x: { events: {} } },
      { x: { division: 1, events: [] } },
      { x: { events: [null] } },
      { x: { events: [{ title: 't' }] } },
      { x: { events: [{ title: 't', date: 1 }] } },
      { x: { events: [{ title: 't', date: 'd', notes: null }] } },
      { x: { events: [[]] } },
      // eslint-disable-next-line no-sparse-arrays
      { x: { events: [, { title: 't', date: 'd' }] } },
      { [Symbol('s')]: { events: [] } },
      Object.defineProperty({}, 'hidden', { value: 'not an entry', enumerable: false }),
      JSON.parse('{"__proto__": 5, "x": { "events": [] }}'),
      Object.assign(Object.create({ inherited: 1 }), { x: { events: [] } }),
      { constructor: 5, x: { events: [] } },
      { constructor: () => 0 },
    ];
    for (const v of cases) agree(v);
  });

  it('random values shaped like the gov.uk list', () => {
    const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
    const scalar = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined), fc.boolean());
    const event = fc.oneof(
      fc.record({ title: fc.oneof(fc.string(), scalar), date: fc.oneof(fc.string(), scalar), notes: maybe(fc.oneof(fc.string(), scalar)), bunting: maybe(fc.boolean()) }, { requiredKeys: [] }),
      scalar,
      fc.array(scalar, { maxLength: 2 }),
    );
    const entry = fc.oneof(
      fc.record({ division: maybe(fc.oneof(fc.string(), scalar)), events: fc.oneof(fc.array(event, { maxLength: 4 }), scalar) }, { requiredKeys: [] }),
      scalar,
    );
    const list = fc.oneof(fc.dictionary(fc.string(), entry, { maxKeys: 4 }), fc.array(entry, { maxLength: 2 }), scalar, fc.anything());
    fc.assert(
      fc.property(list, (v) => {
        agree(v);
      }),
      { numRuns: 3000 },
    );
  });
});
