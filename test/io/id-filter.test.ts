import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdFilter } from '../../src/io/id-filter';

const bytes = (id: string) => Buffer.from(id, 'utf8');
const add = (f: IdFilter, id: string) => {
  const b = bytes(id);
  return f.add(b, 0, b.length);
};

describe('IdFilter: the case ids met, in fixed memory', () => {
  it('never says "new" of an id added before (random ids, any text)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 300 }), (ids) => {
        const f = new IdFilter(16);
        for (const id of ids) add(f, id);
        for (const id of ids) expect(add(f, id)).toBe(true);
      }),
    );
  });

  it('never says "new" of an id added before, even when it is too small for its ids (many wrong "maybe" answers)', () => {
    // 2^10 bits for 5,000 ids: nearly every bit is set, so most new ids are answered "maybe".
    const f = new IdFilter(10);
    const ids = Array.from({ length: 5000 }, (_, i) => `C${i}`);
    let maybe = 0;
    for (const id of ids) if (add(f, id)) maybe++;
    expect(maybe).toBeGreaterThan(4000);
    for (const id of ids) expect(add(f, id)).toBe(true);
  });

  it('says "new" of each of 100,000 distinct ids of a caseload (expected wrong answers ≈ 1e-9)', () => {
    const f = new IdFilter();
    let maybe = 0;
    for (let i = 0; i < 100_000; i++) if (add(f, `C${String(i).padStart(6, '0')}`)) maybe++;
    expect(maybe).toBe(0);
  });

  it('reads only the bytes it is given: an id inside a longer buffer', () => {
    const f = new IdFilter();
    const line = Buffer.from('C1,lac-review,2024-03-27\nC12,lac-review,2024-03-28\n');
    expect(f.add(line, 0, 2)).toBe(false); // C1
    expect(f.add(line, 25, 28)).toBe(false); // C12, which begins with C1
    expect(add(f, 'C1')).toBe(true);
    expect(add(f, 'C12')).toBe(true);
    expect(add(f, 'C')).toBe(false);
    // The empty id is an id too.
    expect(f.add(line, 0, 0)).toBe(false);
    expect(f.add(line, 3, 3)).toBe(true);
  });
});
