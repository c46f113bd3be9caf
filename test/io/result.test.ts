/**
 * The one reader result shape (src/io/result.ts): `{ cases, problems, counts }`
 * from every reader, and the streaming form built on the same counts.
 */
import { describe, expect, it } from 'vitest';
import { readActionPlan } from '../../src/io/action-plan';
import { readCinCensus } from '../../src/io/cin-census';
import { readEventsCsv, streamEventsCsv } from '../../src/io/events-csv';
import { readNdjson } from '../../src/io/ndjson';
import { caseStream, combineReads, readAll, type ReadResult } from '../../src/io/result';
import { readSsda903 } from '../../src/io/ssda903';

const countsAddUp = (r: ReadResult) => expect(r.counts.read).toBe(r.counts.used + r.counts.reported);

describe('every reader returns { cases, problems, counts }', () => {
  it('with read = used + reported', async () => {
    const reads: ReadResult[] = [
      // 2 rows, the second an impossible date
      await readEventsCsv({ text: 'case_id,event,date\nC1,a,2024-01-01\nC1,b,2024-02-30\n' }),
      // 2 lines, the second not JSON
      await readNdjson({ text: '{"id":"C1","events":[]}\nnot json\n' }),
      // header 1 row, episodes 1 row, reviews 2 rows (one outside the period): 4 read, 1 reported
      await readSsda903({
        header: { text: 'CHILD,DOB\nA,01/02/2010\n' },
        episodes: { text: 'CHILD,DECOM,RNE,DEC\nA,01/03/2024,S,05/03/2024\n' },
        reviews: { text: 'CHILD,REVIEW\nA,04/03/2024\nA,01/04/2024\n' },
      }),
      // 2 mapped elements: a referral date and an impossible closure date
      await readCinCensus({
        text: '<Message><Children><Child><ChildIdentifiers><LAchildID>C1</LAchildID></ChildIdentifiers><CINdetails><CINreferralDate>2024-03-27</CINreferralDate><CINclosureDate>2024-02-30</CINclosureDate></CINdetails></Child></Children></Message>',
      }),
      // 2 actions, the second without an id
      await readActionPlan({ text: 'id,by_when,status\n1a,May 2012,Complete\n,June 2012,\n' }, { planDate: '2012-05-01', asOf: '2012-05-01' }),
    ];
    expect(reads.map((r) => Object.keys(r).filter((k) => k !== 'stats' && k !== 'records').sort())).toEqual(Array(5).fill(['cases', 'counts', 'problems']));
    // The formats with a fixed mapping declare the events they can record; generic files do not.
    expect(reads.map((r) => r.records !== undefined)).toEqual([false, false, true, true, true]);
    expect(reads.map((r) => r.counts)).toEqual([
      { read: 2, used: 1, reported: 1 },
      { read: 2, used: 1, reported: 1 },
      { read: 4, used: 3, reported: 1 },
      { read: 2, used: 1, reported: 1 },
      { read: 2, used: 1, reported: 1 },
    ]);
    for (const r of reads) countsAddUp(r);
  });

  it('several reads combine into one: cases and problems in order, counts added up', async () => {
    const a = await readEventsCsv({ text: 'case_id,event,date\nC1,a,2024-01-01\n' });
    const b = await readEventsCsv({ text: 'case_id,event,date\nC1,a,2024-13-01\nC2,a,2024-01-02\n' });
    const both = combineReads([a, b]);
    expect(both.cases.map((c) => c.id)).toEqual(['C1', 'C2']); // the C1 of each file: the second has no usable row
    expect(both.problems).toEqual(b.problems);
    expect(both.counts).toEqual({ read: 3, used: 2, reported: 1 });
  });
});

describe('the streaming form', () => {
  it('reads whole into the same shape, with the final counts', async () => {
    const text = 'case_id,event,date\nC1,a,2024-01-01\nC2,a,2024-02-30\nC3,a,2024-01-03\n';
    const whole = await readAll(streamEventsCsv({ text }));
    expect(whole).toEqual(await readEventsCsv({ text }));
  });

  it('keeps its counts live and can be iterated once', async () => {
    const stream = caseStream('test', async function* (counts) {
      counts.read++;
      counts.used++;
      yield { case: { id: 'C1', events: [] }, problems: [] };
      counts.read++;
      counts.reported++;
    });
    const seen: number[] = [];
    for await (const _ of stream) seen.push(stream.counts.read);
    expect(seen).toEqual([1]);
    expect(stream.counts).toEqual({ read: 2, used: 1, reported: 1 });
    expect(() => stream[Symbol.asyncIterator]()).toThrow('test: a stream can be iterated only once');
  });
});
