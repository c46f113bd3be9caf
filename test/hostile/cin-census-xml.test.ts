/**
 * Issue 13, items 4, 6, 7, 15: the CIN census reader, streamed with saxes.
 * - a second <Children> block is read (4);
 * - DOCTYPE / entities / deep nesting / empty <Message> give clear errors with file and line (15);
 * - a census on one line is read in time proportional to its size (6), and
 *   streamCinCensus yields children one at a time (7; memory: bench/cin-census.mjs).
 */
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/io/source';
import { MAX_XML_DEPTH, readCinCensus, streamCinCensus } from '../../src/io/cin-census';

const child = (id: string, referral: string) =>
  `<Child><ChildIdentifiers><LAchildID>${id}</LAchildID></ChildIdentifiers><CINdetails><CINreferralDate>${referral}</CINreferralDate></CINdetails></Child>`;

async function refused(text: string): Promise<InputFileError> {
  const err = await readCinCensus({ name: 'h.xml', text }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputFileError);
  return err as InputFileError;
}

describe('a second <Children> block (item 4)', () => {
  it('is read: its children are cases, numbered on from the first block, with their lines', async () => {
    const text = `<Message>\n<Children>\n${child('A', '2024-01-02')}\n</Children>\n<Children>\n${child('B', '2024-02-30')}\n</Children>\n</Message>\n`;
    const r = await readCinCensus({ name: 'two.xml', text });
    expect(r.cases.map((c) => c.id)).toEqual(['A', 'B']);
    expect(r.stats.children).toEqual({ read: 2, used: 2, reported: 0 });
    expect(r.problems.map((p) => [p.line, p.column, p.caseId])).toEqual([[6, 'Child[2]/CINdetails[1]/CINreferralDate', 'B']]);
  });
});

describe('XML attacks and faults (item 15)', () => {
  it('refuses a DOCTYPE (billion laughs, external entity) naming file and line', async () => {
    const laughs = '<?xml version="1.0"?>\n<!DOCTYPE Message [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n<Message><Children>' + child('&b;', '2024-01-02') + '</Children></Message>';
    const e = await refused(laughs);
    expect(e.file).toBe('h.xml');
    expect(e.line).toBe(5);
    expect(e.message).toMatch(/^h\.xml:5:\d+: the file has a DOCTYPE declaration \(a CIN census has none, and DOCTYPE is refused so that no entity is ever declared or expanded\)/);
    const external = '<!DOCTYPE Message SYSTEM "file:///etc/passwd">\n<Message/>';
    expect((await refused(external)).line).toBe(1);
  });

  it('refuses an undefined entity instead of keeping it as a case id', async () => {
    const e = await refused(`<Message>\n<Children>\n${child('&foo;', '2024-01-02')}</Children></Message>`);
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/^h\.xml:3:\d+: the XML is not well-formed \(undefined entity\)/);
  });

  it('still reads the predefined entities and character references', async () => {
    const r = await readCinCensus({ name: 'e.xml', text: `<Message><Children>${child('A&amp;B&#233;', '2024-01-02')}</Children></Message>` });
    expect(r.cases.map((c) => c.id)).toEqual(['A&B\u00e9']);
  });

  it('refuses nesting deeper than the limit with a typed error', async () => {
    const depth = 100_000;
    const text = `<Message><Children><Child>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</Child></Children></Message>`;
    const e = await refused(text);
    expect(e.message).toContain(`elements are nested deeper than ${MAX_XML_DEPTH} levels`);
  });

  it('says what is wrong with an empty <Message>', async () => {
    const e = await refused('<Message></Message>');
    expect(e.message).toBe('h.xml:1: the <Message> has no <Children> element: expected a CIN census Message with Children/Child elements');
    expect((await refused('<Message/>')).message).toContain('has no <Children> element');
  });
});

describe('size (items 6 and 7)', () => {
  it('reads a census written on one line, every problem on line 1 (its speed: bench/cin-census.mjs)', async () => {
    const n = 2000;
    const text = `<Message><Children>${Array.from({ length: n }, (_, i) => child(`C${i}`, i % 500 === 0 ? '2024-02-30' : '2024-01-02')).join('')}</Children></Message>`;
    const r = await readCinCensus({ name: 'one-line.xml', text });
    expect(r.cases.length).toBe(n);
    expect(r.problems.map((p) => [p.line, p.caseId])).toEqual([[1, 'C0'], [1, 'C500'], [1, 'C1000'], [1, 'C1500']]);
  });

  it('streams one child at a time: the first case comes before the file ends', async () => {
    let yielded = 0;
    const stream = streamCinCensus({ name: 's.xml', text: `<Message><Children>${child('A', '2024-01-02')}${child('A', '2024-01-03')}<Child/></Children></Message>` });
    const seen: (string | undefined)[] = [];
    for await (const c of stream) {
      yielded++;
      seen.push(c.case?.id);
      if (yielded === 2) expect(c.problems.map((p) => [p.code, p.severity])).toEqual([['duplicate-case-id', 'warning']]);
    }
    expect(seen).toEqual(['A', 'A', undefined]);
    expect(stream.counts).toEqual({ read: 2, used: 2, reported: 0 });
    expect(stream.stats.children).toEqual({ read: 3, used: 2, reported: 1 });
  });
});
