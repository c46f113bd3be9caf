import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CaseRecordSchema } from '../../src/engine/case';
import { type DataProblem, DataProblemSchema, formatProblem } from '../../src/engine/problems';
import { TimescalesInputError } from '../../src/errors';
import { formatIssuePath, readNdjson, streamNdjson } from '../../src/io/ndjson';
import type { CaseChunk, ReadResult } from '../../src/io/result';
import type { InputSource } from '../../src/io/source';

const data = (name: string) => fileURLToPath(new URL(`./data/generic/${name}`, import.meta.url));

async function read(input: InputSource): Promise<ReadResult> {
  const r = await readNdjson(input);
  expect(r.counts.read).toBe(r.counts.used + r.counts.reported);
  for (const c of r.cases) expect(CaseRecordSchema.safeParse(c).success, c.id).toBe(true);
  for (const p of r.problems) expect(DataProblemSchema.safeParse(p).success, p.message).toBe(true);
  return r;
}

const where = (ps: DataProblem[]) => ps.map((p) => [p.line, p.column, p.code, p.value]);

async function thrown(p: Promise<unknown>): Promise<TimescalesInputError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(TimescalesInputError);
    return err as TimescalesInputError;
  }
  throw new Error('expected an error');
}

describe('formatIssuePath', () => {
  it('writes paths as a developer would', () => {
    expect(formatIssuePath(['events', 2, 'date'])).toBe('events[2].date');
    expect(formatIssuePath(['id'])).toBe('id');
    expect(formatIssuePath([])).toBe('');
  });
});

describe('readNdjson', () => {
  it('reads one case per line, skipping blank lines', async () => {
    const r = await read({ path: data('cases.ndjson') });
    // Lines 1 and 3 hold records; line 2 is blank and is not a row.
    expect([r.counts.read, r.counts.used, r.counts.reported]).toEqual([2, 2, 0]);
    expect(r.problems).toEqual([]);
    expect(r.cases).toEqual([
      {
        id: 'C1',
        dateOfBirth: '2015-05-02',
        events: [
          { type: 'became-looked-after', date: '2024-03-01' },
          { type: 'lac-review', date: '2024-03-27', meeting: true },
        ],
      },
      { id: 'C2', events: [{ type: 'ir-stage-raised', date: '2024-03-30T12:00', stage: 2 }] }, // a JSON number stays a number
    ]);
  });

  it('reports every faulty line with its line number and the path of the fault', async () => {
    const r = await read({ path: data('bad.ndjson') });
    // Non-blank lines: 1–4 and 6–10 (line 5 is spaces only) = 9 rows; lines 1 and 8 are usable.
    expect([r.counts.read, r.counts.used, r.counts.reported]).toEqual([9, 2, 7]);
    expect(r.cases.map((c) => [c.id, c.events.length])).toEqual([
      ['C1', 1], // line 1
      ['C1', 0], // line 8: same id, kept as its own record
    ]);
    expect(where(r.problems)).toEqual([
      [2, 'events[2].date', 'invalid-date', '2023-02-30'], // third event; 2023 not leap
      [3, 'events[0].date', 'invalid-date', '31/12/2024'], // not ISO
      [4, undefined, 'invalid-json', '{"id":"C4","events": ['], // cut short
      [6, 'extra', 'invalid-record', '1'], // unknown key at the top level
      [7, undefined, 'invalid-record', '[1,2]'], // not an object
      [8, 'id', 'duplicate-case-id', 'C1'], // warning: first given on line 1
      [9, 'dateOfBirth', 'invalid-date', '2015-02-29'], // 2015 not leap
      [10, 'id', 'invalid-record', ''], // empty id
      [10, 'events[0].x', 'invalid-record', '{"y":1}'], // attributes are scalars
    ]);
    const severities = r.problems.map((p) => p.severity);
    expect(severities).toEqual(['error', 'error', 'error', 'error', 'error', 'warning', 'error', 'error', 'error']);
    expect(r.problems.map((p) => p.caseId)).toEqual(['C2', 'C3', undefined, 'C5', undefined, 'C1', 'C6', undefined, undefined]);
    expect(r.problems.every((p) => p.file === data('bad.ndjson'))).toBe(true);
    expect(formatProblem(r.problems[0])).toBe(`${data('bad.ndjson')}:2:events[2].date: ${r.problems[0].message}`);
    expect(r.problems[2].message).toContain('not valid JSON');
    expect(r.problems[5].message).toContain('line 1');
  });

  it('BOM and CRLF', async () => {
    const r = await read({ text: '\ufeff{"id":"C1","events":[]}\r\n\r\n{"id":"C2","events":[{"type":"a","date":"2024-02-30"}]}\r\n', name: 'x.ndjson' });
    expect([r.counts.read, r.counts.used, r.counts.reported]).toEqual([2, 1, 1]);
    expect(r.cases).toEqual([{ id: 'C1', events: [] }]); // BOM removed, or line 1 would be invalid JSON
    expect(where(r.problems)).toEqual([[3, 'events[0].date', 'invalid-date', '2024-02-30']]);
  });

  it('a last line without a line break is read', async () => {
    const r = await read({ text: '{"id":"C1","events":[]}\n{"id":"C2","events":[]}' });
    expect(r.cases.map((c) => c.id)).toEqual(['C1', 'C2']);
  });

  it('very long lines: a 100 kB attribute', async () => {
    const big = 'y'.repeat(100_000);
    const text = `{"id":"C1","events":[{"type":"a","date":"2024-01-01","note":"${big}"}]}\n{"id":"C2","events":[{"type":"a","date":"2024-13-01"}]}\n`;
    const r = await read({ text });
    expect(r.cases[0].events[0].note).toBe(big);
    expect(where(r.problems)).toEqual([[2, 'events[0].date', 'invalid-date', '2024-13-01']]);
  });

  it('empty file → a clear error; a missing file → an error naming the path', async () => {
    expect((await thrown(readNdjson({ text: '', name: 'e.ndjson' }))).message).toBe('e.ndjson: file is empty: expected one case record (JSON) per line');
    expect((await thrown(readNdjson({ text: '\n  \n', name: 'e.ndjson' }))).message).toContain('file is empty');
    expect((await thrown(readNdjson({ path: data('nope.ndjson') }))).message).toBe(`${data('nope.ndjson')}: cannot read the file (no such file or directory)`);
  });

  it('a "__proto__" key is reported (not silently dropped) and changes no prototype', async () => {
    const text = [
      '{"id":"C1","events":[{"type":"a","date":"2024-01-01","__proto__":{"polluted":true}}]}',
      '{"id":"C2","__proto__":"x","events":[]}',
      '{"id":"C3","events":[{"type":"a","date":"2024-01-01","note":"__proto__"}]}', // only a value: fine
    ].join('\n');
    const r = await read({ text });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect([r.counts.read, r.counts.used, r.counts.reported]).toEqual([3, 1, 2]);
    expect(where(r.problems)).toEqual([
      [1, 'events[0].__proto__', 'invalid-record', undefined],
      [2, '__proto__', 'invalid-record', undefined],
    ]);
    expect(r.cases).toEqual([{ id: 'C3', events: [{ type: 'a', date: '2024-01-01', note: '__proto__' }] }]);
  });
});

describe('streamNdjson', () => {
  it('yields one item per non-blank line, with live counts', async () => {
    const stream = streamNdjson({ path: data('bad.ndjson') });
    const chunks: CaseChunk[] = [];
    for await (const c of stream) chunks.push(c);
    expect(stream.counts).toEqual({ read: 9, used: 2, reported: 7 });
    expect(chunks.map((c) => [c.case?.id, c.problems.map((p) => p.line)])).toEqual([
      ['C1', []],
      [undefined, [2]],
      [undefined, [3]],
      [undefined, [4]],
      [undefined, [6]],
      [undefined, [7]],
      ['C1', [8]],
      [undefined, [9]],
      [undefined, [10, 10]],
    ]);
  });
});
