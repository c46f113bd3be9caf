/**
 * `isPlainCaseRecord`: the written-out check that lets an evaluation skip the
 * schema parse. It may only say true where the schema accepts the record as it is.
 */
import { describe, expect, it } from 'vitest';
import { CaseRecordSchema, isPlainCaseRecord } from '../../src/engine/case';

const ok = { id: 'C1', dateOfBirth: '2015-05-02', events: [{ type: 'lac-review', date: '2024-03-27', meeting: true, n: 2, note: 'x' }] };

describe('isPlainCaseRecord', () => {
  it('accepts what the readers build, which the schema accepts too', () => {
    expect(isPlainCaseRecord(ok)).toBe(true);
    expect(CaseRecordSchema.safeParse(ok).success).toBe(true);
    expect(isPlainCaseRecord({ id: 'C1', events: [{ type: 'x', date: '2024-03-27T09:30' }] })).toBe(true);
  });

  it.each([
    ['an extra key', { ...ok, extra: 1 }],
    ['a blank id', { ...ok, id: '' }],
    ['a dob that is not YYYY-MM-DD', { ...ok, dateOfBirth: '02/05/2015' }],
    ['events not an array', { id: 'C1', events: {} }],
    ['an event without a type', { id: 'C1', events: [{ date: '2024-03-27' }] }],
    ['an event date with a stray space', { id: 'C1', events: [{ type: 'x', date: ' 2024-03-27' }] }],
    ['an attribute that is an object', { id: 'C1', events: [{ type: 'x', date: '2024-03-27', a: {} }] }],
    ['an attribute that is NaN', { id: 'C1', events: [{ type: 'x', date: '2024-03-27', a: Number.NaN }] }],
    ['an attribute that is undefined', { id: 'C1', events: [{ type: 'x', date: '2024-03-27', a: undefined }] }],
    ['date before type (the schema would reorder the keys)', { id: 'C1', events: [{ date: '2024-03-27', type: 'x' }] }],
  ])('leaves the schema to decide: %s', (_, record) => {
    expect(isPlainCaseRecord(record)).toBe(false);
  });
});

describe('VOUCHED', () => {
  it('lets a case the CLI hands straight from its reader skip the check, and is not part of the package', async () => {
    const { auditStream } = await import('../../src/index');
    const { VOUCHED } = await import('../../src/engine/case');
    const statuses = async (chunk: object) => {
      const out: string[] = [];
      for await (const c of auditStream('lac-review', [chunk as never], { asOf: '2024-06-30' })) for (const r of c.results) out.push(`${r.rule}:${r.status}`);
      return out;
    };
    // A key the schema refuses: unmarked, the audit refuses the case; marked, it is not checked again.
    const odd = { id: 'C1', events: [{ type: 'became-looked-after', date: '2024-03-01' }], extra: 1 };
    await expect(statuses({ case: odd, problems: [] })).rejects.toThrow(/extra|Unrecognized/i);
    // Only that the case was evaluated (its dates are the lac-review tests' business).
    expect((await statuses({ case: odd, problems: [], [VOUCHED]: true })).length).toBeGreaterThan(0);
    // Only this package's readers may mark a case: the symbol is not exported to callers.
    expect(Object.values(await import('../../src/index'))).not.toContain(VOUCHED);
  });
});
