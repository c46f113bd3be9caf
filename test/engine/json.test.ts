/**
 * Procedures as JSON: every test procedure survives a JSON round trip and
 * evaluates identically; validation is strict (unknown keys rejected, with
 * the path named); `__proto__` and `constructor` keys in JSON are harmless.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { defineProcedure, evaluateProcedure, TimescalesInputError, type ProcedureInput } from '../../src/index';
import { ALL, ALL_INPUTS, deadlinesInput, SAMPLE_CASES } from './procedures/test-procedures';
import { of, one } from './procedures/helpers';

const roundTrip = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe('JSON round trip', () => {
  it.each(ALL.map((p, i) => [p.id, p, ALL_INPUTS[i]!] as const))('%s: serialises, loads back and evaluates identically', (_id, p, input) => {
    const back = defineProcedure(JSON.parse(JSON.stringify(p)));
    expect(back).toEqual(p);
    expect(back).not.toBe(p);
    expect(defineProcedure(roundTrip(input))).toEqual(p);
    const { record, asOf } = SAMPLE_CASES[p.id]!;
    const profiles = ['default', ...Object.keys(p.profiles ?? {})];
    for (const profile of profiles) {
      const a = evaluateProcedure(p, record as never, { asOf, profile });
      const b = evaluateProcedure(back, roundTrip(record) as never, { asOf, profile });
      expect(a.length, `${p.id} sample case gives results`).toBeGreaterThan(0);
      expect([...b]).toEqual([...a]);
      expect(b.problems).toEqual(a.problems);
      // The results themselves are plain JSON data.
      expect(roundTrip([...a])).toEqual([...a]);
    }
  });

  it('a procedure written as a JSON file loads and evaluates (hand-worked dates)', () => {
    const p = defineProcedure(JSON.parse(readFileSync(new URL('./procedures/home-visits.json', import.meta.url), 'utf8')));
    // Referral Mon 23 Dec 2024 + 5 WD: Tue 24 (1), [Wed 25 Christmas, Thu 26 Boxing Day], Fri 27 (2),
    // [Sat 28, Sun 29], Mon 30 (3), Tue 31 (4), [Wed 1 Jan New Year's Day], Thu 2 Jan 2025 (5).
    // Cycle: Mon 23 Dec + 6 weeks (42 days) = Mon 3 Feb 2025; visited Thu 2 Jan → next due Thu 2 Jan + 42 days
    // = Thu 13 Feb 2025. Warning from Thu 13 Feb − 5 WD: Wed 12 (1), Tue 11 (2), Mon 10 (3), Fri 7 (4), Thu 6 Feb (5).
    const e = evaluateProcedure(p, { id: 'J', events: [{ type: 'referral', date: '2024-12-23' }, { type: 'visit', date: '2025-01-02' }] }, { asOf: '2025-02-10' });
    expect(one(e, 'first-visit')).toMatchObject({ due: '2025-01-02', status: 'met' });
    expect(of(e, 'visits').map((r) => [r.occurrence, r.due, r.status])).toEqual([
      [1, '2025-02-03', 'met'],
      [2, '2025-02-13', 'due-soon'],
    ]);
  });
});

describe('strict validation', () => {
  const base = (): any => roundTrip(deadlinesInput);
  const errorOf = (input: unknown): TimescalesInputError => {
    try {
      defineProcedure(input as ProcedureInput);
    } catch (e) {
      expect(e).toBeInstanceOf(TimescalesInputError);
      return e as TimescalesInputError;
    }
    throw new Error('no error thrown');
  };

  it('rejects an unknown key at the top level', () => {
    const e = errorOf({ ...base(), colour: 'blue' });
    expect(e.field).toBe('procedure');
    expect(e.message).toContain('colour');
  });
  it('rejects an unknown key inside a rule, naming the rule', () => {
    const p = base();
    p.rules[1].withinn = '5wd';
    const e = errorOf(p);
    expect(e.field).toBe('procedure.rules[1]');
    expect(e.message).toContain('withinn');
  });
  it('rejects an unknown key inside a rule’s timing, anchor condition parts and completion', () => {
    const t = base();
    t.rules[0].timing.roll_ = 'forward';
    expect(errorOf(t).field).toBe('procedure.rules[0].timing');
    const c = base();
    c.rules[0].completion.evnt = 'visit';
    expect(errorOf(c).field).toBe('procedure.rules[0].completion');
    const ev = base();
    ev.events.visit.descriptoin = 'x';
    expect(errorOf(ev).field).toBe('procedure.events.visit');
  });
  it('rejects a bad value with its path', () => {
    const p = base();
    p.rules[0].timing.within = '10 working days';
    expect(errorOf(p).field).toBe('procedure.rules[0].timing.within');
    const k = base();
    k.rules[0].kind = 'dead-line';
    expect(errorOf(k).field).toMatch(/^procedure\.rules\[0\]/);
  });
  it('rejects references to events, rules and cycles that do not exist', () => {
    const ev = base();
    ev.rules[0].completion.event = 'visits';
    expect(errorOf(ev).field).toContain('rules[0].completion.event');
    const dup = base();
    dup.rules[1].id = 'visit';
    expect(errorOf(dup).field).toContain('rules[1].id');
    const task = base();
    task.rules.push({ id: 'task', title: 't', kind: 'cycle-task', source: { document: 'd' }, cycle: 'visit', select: 'each', timing: {} });
    expect(errorOf(task).field).toContain('cycle');
  });
  it('rejects an undeclared event in a window rule’s requiresPrior', () => {
    const windowRule = { id: 'w', title: 'w', kind: 'window', source: { document: 'd' }, anchor: { event: 'referral' }, timing: { earliest: '1d' }, completion: { event: 'visit' } };
    const w = base();
    w.rules.push({ ...windowRule, requiresPrior: { event: 'previous-plann' } });
    expect(errorOf(w).field).toContain('requiresPrior');
  });
  it('rejects an undeclared event in a note’s whenAnyEvent', () => {
    const n = base();
    n.rules[0].notes = [{ text: 'escalated', whenAnyEvent: ['manager-reveiw'] }];
    expect(errorOf(n).field).toContain('rules[0]');
  });
  it('rejects rule anchors that go round in a circle', () => {
    const p = base();
    p.rules[0].anchor = { rule: 'assessment', at: 'due' };
    p.rules[1].anchor = { rule: 'visit', at: 'due' };
    expect(errorOf(p).field).toContain('rules');
  });
  it('rejects a rule citing a document the procedure does not declare, naming the rule and the declared documents', () => {
    const p = base();
    p.rules[2].source = { document: 'Engine test fixture', section: 'n/a' };
    const e = errorOf(p);
    expect(e.field).toBe('procedure(test-deadlines).rules[2].source.document');
    expect(e.message).toContain('"Engine test fixture"');
    expect(e.message).toContain('Engine test fixture (not a real procedure)');
  });
  it('accepts a document listed twice for two of its sections, and rejects one described two ways', () => {
    const twice = base();
    twice.sources = [
      { document: 'local', title: 'Local procedure 2024', section: '3.2' },
      { document: 'local', title: 'Local procedure 2024', section: '4.1' },
    ];
    for (const r of twice.rules) r.source = { document: 'local', section: '3.2' };
    expect(defineProcedure(twice).sources).toHaveLength(2);
    const clash = roundTrip(twice);
    clash.sources[1].title = 'Local procedure 2025';
    const e = errorOf(clash);
    expect(e.field).toBe('procedure(test-deadlines).sources[1]');
    expect(e.message).toContain('sources[0]');
  });
  it('rejects a document date that is not a year, a month or a day, and a file given with a folder', () => {
    const d = base();
    d.sources[0].date = '2024-13';
    expect(errorOf(d).field).toBe('procedure.sources[0].date');
    const f = base();
    f.sources[0].file = 'seeds/local.txt';
    expect(errorOf(f).field).toBe('procedure.sources[0].file');
  });
  it('returns a frozen procedure', () => {
    const p = defineProcedure(base());
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.rules)).toBe(true);
    expect(Object.isFrozen(p.events.visit)).toBe(true);
  });
});

describe('the source shown with a result', () => {
  const citing = (doc: Record<string, string>) => {
    const p = roundTrip(deadlinesInput) as any;
    p.sources = [doc];
    for (const r of p.rules) r.source = { document: 'local', section: '3.2' };
    return defineProcedure(p);
  };
  const shown = (doc: Record<string, string>) =>
    one(evaluateProcedure(citing(doc), { id: 'C', events: [{ type: 'referral', date: '2024-03-20' }] }, { asOf: '2024-03-21' }), 'visit').source;

  it('names the document by its publisher and title, else its title, else the name the rules cite it by; the file stays as an identifier', () => {
    expect(shown({ document: 'local', title: 'Local procedure 2024', publisher: 'Anytown Council', file: 'local-procedure.txt' })).toEqual({
      document: 'Anytown Council, Local procedure 2024',
      section: '3.2',
      file: 'local-procedure.txt',
    });
    expect(shown({ document: 'local', title: 'Local procedure 2024', publisher: 'Anytown Council' })).toEqual({ document: 'Anytown Council, Local procedure 2024', section: '3.2' });
    expect(shown({ document: 'local', title: 'Local procedure 2024' })).toEqual({ document: 'Local procedure 2024', section: '3.2' });
    expect(shown({ document: 'local' })).toEqual({ document: 'local', section: '3.2' });
  });
});

describe('__proto__ and constructor keys in JSON are harmless', () => {
  const text = JSON.stringify(deadlinesInput);
  /** Loads JSON text; a rejection (TimescalesInputError) is fine, any other error is not. */
  const load = (json: string) => {
    try {
      return defineProcedure(JSON.parse(json));
    } catch (e) {
      expect(e).toBeInstanceOf(TimescalesInputError);
      return undefined;
    }
  };
  const clean = () => {
    expect(({} as any).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(({} as any).description).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  };
  afterAll(clean);

  it('at the top level: rejected as an unknown key', () => {
    expect(load(text.replace('{"id"', '{"__proto__":{"polluted":true},"id"'))).toBeUndefined();
    expect(load(text.replace('{"id"', '{"constructor":{"polluted":true},"id"'))).toBeUndefined();
    clean();
  });
  it('inside a rule and its timing', () => {
    expect(load(text.replace('"timing":{"within":"10wd"}', '"timing":{"within":"10wd","__proto__":{"polluted":true}}'))).toBeUndefined();
    expect(load(text.replace('"kind":"deadline"', '"kind":"deadline","__proto__":{"polluted":true}'))).toBeUndefined();
    clean();
  });
  it('as an event name, in an event condition, in a profile', () => {
    const asEvent = load(text.replace('"events":{', '"events":{"__proto__":{"description":"polluted"},'));
    if (asEvent) expect(Object.getPrototypeOf(asEvent.events) === Object.prototype || Object.getPrototypeOf(asEvent.events) === null).toBe(true);
    const inWhere = load(text.replace('"where":{"s47":true}', '"where":{"s47":true,"__proto__":{"polluted":true}}'));
    if (inWhere) {
      // The condition s47 = true still applies.
      const e = evaluateProcedure(inWhere, { id: 'C', events: [{ type: 'strategy-discussion', date: '2024-06-03', s47: false }] }, { asOf: '2024-06-30' });
      expect(of(e, 'icpc')).toEqual([]);
    }
    load(text.replace('"stopEvents"', '"profiles":{"x":{"description":"d","rules":{"__proto__":{"polluted":true},"constructor":{"within":"1wd"}}}},"stopEvents"'));
    load(text.replace('"stopEvents"', '"profiles":{"__proto__":{"description":"d","rules":{}}},"stopEvents"'));
    clean();
  });
  it('an event really named "constructor" works like any other', () => {
    const p = defineProcedure({
      ...roundTrip(deadlinesInput),
      sources: [{ document: 'd' }],
      events: { constructor: { description: 'c' }, toString: { description: 't' }, visit: { description: 'v' } },
      stopEvents: [],
      order: [],
      rules: [{ id: 'visit', title: 'v', kind: 'deadline', source: { document: 'd' }, anchor: { event: 'constructor' }, timing: { within: '10wd' }, completion: { event: 'toString' } }],
    } as ProcedureInput);
    // Wed 20 Mar 2024 + 10 WD → Fri 5 Apr 2024 (see deadline.test.ts).
    const e = evaluateProcedure(p, { id: 'C', events: [{ type: 'constructor', date: '2024-03-20' }, { type: 'toString', date: '2024-04-05' }] }, { asOf: '2024-04-30' });
    expect(one(e, 'visit')).toMatchObject({ due: '2024-04-05', status: 'met' });
    expect(e.problems).toEqual([]);
    clean();
  });
  it('in a case record and in overrides', () => {
    const p = ALL[0]!;
    const record = JSON.parse(
      '{"id":"C","events":[{"type":"referral","date":"2024-03-20","__proto__":{"polluted":true},"constructor":"x"},' +
        '{"type":"__proto__","date":"2024-03-21"},{"type":"constructor","date":"2024-03-21"},{"type":"hasOwnProperty","date":"2024-03-21"}]}',
    );
    let e;
    try {
      e = evaluateProcedure(p, record, { asOf: '2024-04-30' });
    } catch (err) {
      expect(err).toBeInstanceOf(TimescalesInputError);
    }
    if (e) {
      expect(e.problems.filter((x) => x.code === 'unknown-event').map((x) => x.value)).toEqual(['__proto__', 'constructor', 'hasOwnProperty']);
      expect(one(e, 'visit').due).toBe('2024-04-05');
    }
    for (const overrides of ['{"__proto__":{"enabled":false}}', '{"constructor":{"enabled":false}}', '{"visit":{"__proto__":{"polluted":true}}}']) {
      try {
        evaluateProcedure(p, { id: 'C', events: [] }, { asOf: '2024-04-30', overrides: JSON.parse(overrides) });
      } catch (err) {
        expect(err).toBeInstanceOf(TimescalesInputError);
      }
    }
    clean();
  });
});
