/** Issue 13, item 1: mixed line ends in one CSV are each read as a line end. */
import { describe, expect, it } from 'vitest';
import { readEventsCsv } from '../../src/io/events-csv';

const rows = ['C1,lac-review,2024-03-01', 'C1,lac-review,2024-03-02', 'C2,lac-review,2024-03-03', 'C3,lac-review,2024-03-04'];

describe('mixed line ends in the events CSV (issue 13, item 1)', () => {
  it('reads a CRLF header with LF rows as four rows', async () => {
    const r = await readEventsCsv({ text: `case_id,event,date\r\n${rows.join('\n')}\n` });
    expect(r.counts).toEqual({ read: 4, used: 4, reported: 0 });
    expect(r.problems).toEqual([]);
    expect(r.cases.map((c) => [c.id, c.events.map((e) => e.date)])).toEqual([
      ['C1', ['2024-03-01', '2024-03-02']],
      ['C2', ['2024-03-03']],
      ['C3', ['2024-03-04']],
    ]);
  });

  it('reads an LF header with CRLF rows: dates without a trailing CR, lines 2..5', async () => {
    const text = `case_id,event,date\n${rows.join('\r\n')}\r\nC4,lac-review,2024-02-30\r\n`;
    const r = await readEventsCsv({ text });
    expect(r.counts).toEqual({ read: 5, used: 4, reported: 1 });
    expect(r.problems.map((p) => [p.line, p.column, p.value])).toEqual([[6, 'date', '2024-02-30']]);
  });

  it('counts lines of CR, LF and CRLF alike, also inside a quoted cell', async () => {
    const text = 'case_id,event,date,note\rC1,lac-review,2024-03-01,"a\r\nb"\nC1,lac-review,2024-13-01,x\r\n';
    const r = await readEventsCsv({ text });
    expect(r.counts).toEqual({ read: 2, used: 1, reported: 1 });
    // header line 1; row 1 spans lines 2-3; the bad row is line 4
    expect(r.problems.map((p) => p.line)).toEqual([4]);
    expect(r.cases[0]!.events[0]!.note).toBe('a\r\nb');
  });
});
