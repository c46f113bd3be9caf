/** Issue 13, item 3: an NDJSON record with a misspelt event type is not used at all. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readNdjson } from '../../src/io/ndjson';
import { run } from '../cli/harness';

const dir = mkdtempSync(join(tmpdir(), 'ts-nd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = [
  '{"id":"C1","events":[{"type":"became-looked-after","date":"2024-03-01"},{"type":"lac-reveiw","date":"2024-03-27"}]}',
  '{"id":"C2","events":[{"type":"became-looked-after","date":"2024-03-01"}]}',
];

describe('NDJSON record with one unknown event (issue 13, item 3)', () => {
  it('with knownEvents, the whole record is reported and not used', async () => {
    const r = await readNdjson({ text: lines.join('\n') }, { knownEvents: ['became-looked-after', 'lac-review'] });
    expect(r.counts).toEqual({ read: 2, used: 1, reported: 1 });
    expect(r.cases.map((c) => c.id)).toEqual(['C2']);
    expect(r.problems.map((p) => [p.code, p.line, p.column, p.caseId, p.value])).toEqual([['unknown-event', 1, 'events[1].type', 'C1', 'lac-reveiw']]);
    expect(r.problems[0]!.message).toBe('"lac-reveiw" is not an event of this procedure (did you mean "lac-review"?); the case record was not used');
  });

  // --records: the only lac-review is in the rejected record, so without it no review rule would be measured (issue 11).
  it('the CLI gives no result for C1 (no overdue review from part of its history) and exits 1', async () => {
    const file = join(dir, 'cases.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = await run('audit', '--procedure', 'lac-review', '--as-of', '2024-06-30', '--records', 'became-looked-after,lac-review', '--format', 'csv', file);
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(/^C1,/m);
    expect(r.out).toMatch(/^C2,/m);
    expect(r.err).toContain(`error: ${file}:1:events[1].type: "lac-reveiw" is not an event of this procedure`);
    expect(r.err).toContain('2 rows read, 1 used, 1 reported');
  });
});
