import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { DataProblem } from '../../src/engine/problems';
import {
  createProblemWriter,
  createResultWriter,
  csvField,
  csvRow,
  formatSource,
  neutraliseCell,
  problemCsvCells,
  RESULT_CSV_COLUMNS,
  type ResultLike,
} from '../../src/io/write';

/** A writable that keeps what it is given. */
function sink(): { out: Writable; text: () => string } {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString('utf8'));
      cb();
    },
  });
  return { out, text: () => chunks.join('') };
}

const met: ResultLike = {
  caseId: 'C1',
  procedure: 'lac-review',
  rule: 'first-review',
  occurrence: 1,
  anchor: { event: 'became-looked-after', date: '2024-03-01' },
  due: '2024-03-29',
  status: 'met',
  breach: false,
  completed: { event: 'lac-review', date: '2024-03-27' },
  trace: ['20 working days after 2024-03-01'],
  source: { document: 'IRO Handbook', section: '3.1', quote: 'within 20 working days' },
};

const overdue: ResultLike = {
  caseId: '=cmd|calc', // a hostile case id from the input
  procedure: 'lac-review',
  rule: 'second-review',
  occurrence: 2,
  anchor: { event: 'lac-review', date: '2024-03-27' },
  due: '2024-06-26',
  earliest: '2024-06-01',
  status: 'overdue',
  breach: true,
  late: { workingDays: 3, days: 5 },
  trace: ['a', 'b'],
  source: { document: 'Working Together, 2023' }, // no section; a comma to quote
  notes: ['n'],
};

describe('cells', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+44 20', "'+44 20"],
    ['-1', "'-1"],
    ['@A1', "'@A1"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['C1', 'C1'],
    ['', ''],
    ['a=b', 'a=b'], // only a leading character counts
  ])('neutraliseCell(%j) = %j', (input, output) => expect(neutraliseCell(input)).toBe(output));

  it('quotes per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvRow(['a', 'b,c', ''], '\r\n')).toBe('a,"b,c",\r\n');
  });

  it('source is "document §section", or the document alone', () => {
    expect(formatSource({ document: 'IRO Handbook', section: '3.1' })).toBe('IRO Handbook §3.1');
    expect(formatSource({ document: 'IRO Handbook' })).toBe('IRO Handbook');
  });
});

describe('createResultWriter', () => {
  it('csv: the columns in order, empty cells for absent values, neutralised text, numbers untouched', async () => {
    const { out, text } = sink();
    const w = createResultWriter('csv', out);
    await w.write(met);
    await w.write(overdue);
    await w.write({ ...met, caseId: '-7', late: { workingDays: -2, days: -3 } }); // numbers from numbers stay numbers
    await w.end();
    expect(text()).toBe(
      [
        'case_id,procedure,rule,occurrence,anchor_event,anchor_date,due_date,earliest_date,completed_date,status,breach,working_days_late,days_late,source',
        // met: no earliest, no lateness
        'C1,lac-review,first-review,1,became-looked-after,2024-03-01,2024-03-29,,2024-03-27,met,false,,,IRO Handbook §3.1',
        // overdue: no completion; the case id gets a quote; the source has a comma so it is quoted
        "'=cmd|calc,lac-review,second-review,2,lac-review,2024-03-27,2024-06-26,2024-06-01,,overdue,true,3,5,\"Working Together, 2023\"",
        "'-7,lac-review,first-review,1,became-looked-after,2024-03-01,2024-03-29,,2024-03-27,met,false,-2,-3,IRO Handbook §3.1",
        '',
      ].join('\n'),
    );
    expect(RESULT_CSV_COLUMNS).toHaveLength(14);
  });

  it('csv with CRLF row ends', async () => {
    const { out, text } = sink();
    const w = createResultWriter('csv', out, { eol: '\r\n' });
    await w.write(met);
    await w.end();
    expect(text().split('\r\n')).toHaveLength(3); // header, row, and the empty rest after the last CRLF
  });

  it('csv with no results is the header alone', async () => {
    const { out, text } = sink();
    const w = createResultWriter('csv', out);
    await w.end();
    expect(text()).toBe(`${RESULT_CSV_COLUMNS.join(',')}\n`);
  });

  it('json: an array of the result objects with their trace, keys in a fixed order', async () => {
    const { out, text } = sink();
    const w = createResultWriter('json', out);
    await w.write(overdue);
    await w.write({ ...met, extra: 'kept' } as ResultLike);
    await w.end();
    const parsed = JSON.parse(text());
    expect(parsed).toEqual([overdue, { ...met, extra: 'kept' }]);
    expect(Object.keys(parsed[0])).toEqual([
      'caseId', 'procedure', 'rule', 'occurrence', 'anchor', 'due', 'earliest',
      'status', 'breach', 'late', 'source', 'trace', 'notes',
    ]);
    expect(Object.keys(parsed[1]).at(-1)).toBe('extra');
    expect(text().split('\n')).toHaveLength(5); // "[", two results, "]", and the empty rest after the last line break
  });

  it('json with no results is []', async () => {
    const { out, text } = sink();
    const w = createResultWriter('json', out);
    await w.end();
    expect(text()).toBe('[]\n');
  });

  it('ndjson: one result per line', async () => {
    const { out, text } = sink();
    const w = createResultWriter('ndjson', out);
    await w.write(met);
    await w.write(overdue);
    await w.end();
    const lines = text().split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0])).toEqual(met);
    expect(JSON.parse(lines[1])).toEqual(overdue);
    expect(lines[2]).toBe('');
  });

  it('ends the output unless told not to', async () => {
    const a = new PassThrough();
    a.resume();
    await createResultWriter('csv', a).end();
    expect(a.writableEnded).toBe(true);
    const b = new PassThrough();
    b.resume();
    await createResultWriter('csv', b, { close: false }).end();
    expect(b.writableEnded).toBe(false);
  });

  it('waits for drain when the output asks it to', async () => {
    // An output that accepts one chunk and holds it until released.
    const pending: (() => void)[] = [];
    const received: string[] = [];
    const out = new Writable({
      highWaterMark: 16,
      write(chunk: Buffer, _enc, cb) {
        received.push(chunk.toString('utf8'));
        pending.push(cb);
      },
    });
    const w = createResultWriter('ndjson', out);
    // Each result line is about 400 bytes; the writer flushes at 64 kB, so ~170 writes trigger the first flush.
    let waiting: Promise<void> | void;
    let writes = 0;
    while (!(waiting = w.write(met))) writes++;
    expect(writes).toBeGreaterThan(100);
    let drained = false;
    void waiting.then(() => (drained = true));
    await new Promise((r) => setImmediate(r));
    expect(drained).toBe(false); // held: the output has not drained
    pending.shift()!();
    await waiting;
    expect(drained).toBe(true);
    const ending = w.end();
    await new Promise((r) => setImmediate(r));
    while (pending.length > 0) pending.shift()!();
    await ending;
    expect(received.join('').split('\n').filter(Boolean)).toHaveLength(writes + 1);
  });

  it('rejects instead of hanging when the output fails while it waits', async () => {
    const out = new Writable({
      highWaterMark: 16,
      write(_chunk, _enc, cb) {
        setImmediate(() => cb(new Error('EPIPE')));
      },
    });
    out.on('error', () => {});
    const w = createResultWriter('ndjson', out, { close: false });
    let waiting: Promise<void> | void;
    while (!(waiting = w.write(met)));
    await expect(waiting).rejects.toThrow();
  });
});

describe('createProblemWriter', () => {
  const problems: DataProblem[] = [
    {
      code: 'invalid-date',
      severity: 'error',
      message: 'date "2023-02-30" is not valid',
      caseId: 'C1',
      file: 'events.csv',
      line: 3,
      column: 'date',
      value: '2023-02-30',
    },
    { code: 'wrong-column-count', severity: 'error', message: 'row has 2 cells, header has 3', file: 'events.csv', line: 4, value: '=HYPERLINK("x"),a' },
    { code: 'case-not-contiguous', severity: 'warning', message: '-not a formula really', column: 7 },
  ];

  it('csv: columns file, line, column, case_id, code, severity, value, message; neutralised', async () => {
    const { out, text } = sink();
    const w = createProblemWriter('csv', out);
    for (const p of problems) await w.write(p);
    await w.end();
    expect(text()).toBe(
      [
        'file,line,column,case_id,code,severity,value,message',
        'events.csv,3,date,C1,invalid-date,error,2023-02-30,"date ""2023-02-30"" is not valid"',
        // the value starts with = → quote-prefixed, then CSV-quoted for its quotes and comma
        'events.csv,4,,,wrong-column-count,error,"\'=HYPERLINK(""x""),a","row has 2 cells, header has 3"',
        // a numeric column stays a number; a message starting with - is neutralised
        ",,7,,case-not-contiguous,warning,,'-not a formula really",
        '',
      ].join('\n'),
    );
  });

  it('problemCsvCells leaves the writer-made line number alone', () => {
    expect(problemCsvCells({ code: 'invalid-date', severity: 'error', message: 'm', line: 12 })[1]).toBe('12');
  });

  it('json and ndjson carry the problems as they are', async () => {
    const a = sink();
    const j = createProblemWriter('json', a.out);
    for (const p of problems) await j.write(p);
    await j.end();
    expect(JSON.parse(a.text())).toEqual(problems);
    const b = sink();
    const n = createProblemWriter('ndjson', b.out);
    for (const p of problems) await n.write(p);
    await n.end();
    expect(b.text().trim().split('\n').map((l) => JSON.parse(l))).toEqual(problems);
  });
});
