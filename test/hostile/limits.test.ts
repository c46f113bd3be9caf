/**
 * Issue 13, items 10 and 13: inputs of any size are walked with loops (no
 * "Maximum call stack size exceeded"), and `__proto__` keys in procedure JSON
 * are refused with their path.
 */
import { describe, expect, it } from 'vitest';
import { createCalendar, defineProcedure, evaluate, TimescalesInputError } from '../../src/index';
import { readCinCensus } from '../../src/io/cin-census';
import { renderTable } from '../../src/cli/table';
import { MAX_PROCEDURE_DEPTH } from '../../src/engine/define';

const rule = (id: string, anchor: unknown) => ({ id, title: 't', kind: 'deadline', source: { document: 'd' }, anchor, timing: { within: '5wd' }, completion: { event: 'b' } });
const procedure = (rules: unknown[]) => ({ id: 'p', title: 'p', summary: 's', sources: [{ document: 'd' }], events: { a: { description: 'a' }, b: { description: 'b' } }, rules });

describe('no stack overflow on large inputs (item 10)', () => {
  it('a chain of 50,000 rules, each anchored on the next one, is defined and ordered', () => {
    const N = 50_000;
    const rules = [];
    for (let i = 0; i < N - 1; i++) rules.push(rule(`r${i}`, { rule: `r${i + 1}`, at: 'due' }));
    rules.push(rule(`r${N - 1}`, { event: 'a' }));
    const p = defineProcedure(procedure(rules) as never);
    expect(p.rules.length).toBe(N);
    // still refuses a circle, naming it
    const circle = [rule('x', { rule: 'y', at: 'due' }), rule('y', { rule: 'x', at: 'due' })];
    expect(() => defineProcedure(procedure(circle) as never)).toThrow('rules: "x → y → x"');
  });

  it('rules anchored on later rules are evaluated after them', () => {
    // r0 reads r1's due date: Tue 2 Jan 2024 + 5 WD → Tue 9 Jan; + 5 WD → Tue 16 Jan.
    const p = defineProcedure(procedure([rule('r0', { rule: 'r1', at: 'due' }), rule('r1', { event: 'a' })]) as never);
    const e = evaluate(p, { id: 'C', events: [{ type: 'a', date: '2024-01-02' }] }, { asOf: '2024-01-31' });
    // (results are listed in the procedure's order)
    expect(e.map((r) => [r.rule, r.due])).toEqual([
      ['r0', '2024-01-16'],
      ['r1', '2024-01-09'],
    ]);
  });

  it('an anyOf of 150,000 entries is defined', () => {
    const p = defineProcedure(procedure([rule('r', { anyOf: Array.from({ length: 150_000 }, () => ({ event: 'a' })) })]) as never);
    expect(p.rules.length).toBe(1);
  });

  it('a holidays list of 130,000 days builds a calendar', () => {
    const events = Array.from({ length: 130_000 }, (_, i) => ({ title: 'x', date: new Date(Date.UTC(1990, 0, 1) + (i % 40_000) * 86_400_000).toISOString().slice(0, 10), notes: '', bunting: false }));
    const cal = createCalendar({ holidaysData: { 'england-and-wales': { division: 'england-and-wales', events } } });
    // 1990-01-01 + i days for i < 40,000 covers 1990 … 2099-07-06: every day a holiday, so 2024 has no working day.
    expect(cal.isWorkingDay('2024-01-02')).toBe(false);
  });

  it('one child with 150,000 review dates in a CIN census', async () => {
    const reviews = '<CPPreviewDate>2024-01-02</CPPreviewDate>'.repeat(150_000);
    const text = `<Message><Children><Child><ChildIdentifiers><LAchildID>A</LAchildID></ChildIdentifiers><CINdetails><ChildProtectionPlans><CPPstartDate>2023-12-01</CPPstartDate><Reviews>${reviews}</Reviews></ChildProtectionPlans></CINdetails></Child></Children></Message>`;
    const r = await readCinCensus({ name: 'c.xml', text }, { procedure: 'cp-conference' });
    expect(r.cases[0]!.events.length).toBe(150_001);
  });

  it('a table of 150,000 rows', () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => [`C${i}`, 'x']);
    expect(renderTable(['case_id', 'rule'], rows).split('\n')[0]).toBe('case_id  rule');
  });

  it('nesting deeper than the limit in a procedure is a typed error', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const p = procedure([{ ...rule('r', { event: 'a' }), note: deep }]);
    expect(() => defineProcedure(p as never)).toThrow(TimescalesInputError);
    expect(() => defineProcedure(p as never)).toThrow(`at most ${MAX_PROCEDURE_DEPTH} levels`);
  });
});

describe('__proto__ keys in procedure JSON (item 13)', () => {
  it('are refused with their path, wherever they are', () => {
    const text = JSON.stringify(procedure([{ ...rule('r', { event: 'a' }), completion: { event: 'b', where: { PROTO: true } } }])).replace('"PROTO"', '"__proto__"');
    const input = JSON.parse(text);
    expect(Object.hasOwn(input.rules[0].completion.where, '__proto__')).toBe(true);
    expect(() => defineProcedure(input)).toThrow(TimescalesInputError);
    expect(() => defineProcedure(input)).toThrow('procedure.rules[0].completion.where.__proto__: true is not valid (expected "__proto__" cannot be a key');
    const top = JSON.parse(text.replace('{"id":"p"', '{"__proto__":{},"id":"p"'));
    expect(() => defineProcedure(top)).toThrow('procedure.__proto__:');
  });
});
