/**
 * Versions, variants, profiles and caller overrides (C10), and switching
 * rules off and on. Expected dates worked out by hand (python3 -m calendar,
 * gov.uk list). Notation: "(k)" = k-th working day counted, "[..]" = skipped.
 */
import { describe, expect, it } from 'vitest';
import { defineProcedure, TimescalesInputError, type ProcedureInput } from '../../src/index';
import { deadlines, variants, variantsInput } from './procedures/test-procedures';
import { of, one, run } from './procedures/helpers';

// Request Mon 8 Apr 2024 (current version, 10 WD): Tue 9 (1), Wed 10 (2), Thu 11 (3), Fri 12 (4),
// Mon 15 (5) … Fri 19 (9), Mon 22 Apr (10) → due Mon 22 Apr 2024.
const REQUEST = { type: 'request', date: '2024-04-08' };

describe('variants by an attribute of the anchor event', () => {
  it('a normal request: 10 WD → Mon 22 Apr', () => {
    expect(one(run(variants, [REQUEST], '2024-04-09'), 'respond').due).toBe('2024-04-22');
  });
  it('an urgent request: 2 WD → Wed 10 Apr (Tue 9 (1), Wed 10 (2))', () => {
    expect(one(run(variants, [{ ...REQUEST, urgent: true }], '2024-04-09'), 'respond').due).toBe('2024-04-10');
    expect(one(run(variants, [{ ...REQUEST, urgent: 'yes' }], '2024-04-09'), 'respond').due).toBe('2024-04-10');
    expect(one(run(variants, [{ ...REQUEST, urgent: 'no' }], '2024-04-09'), 'respond').due).toBe('2024-04-22');
  });
});

describe('effective-dated versions, chosen by the anchor date', () => {
  it('a request before April 2024 has 15 WD: Tue 26 Mar → Thu 18 Apr', () => {
    // Wed 27 (1), Thu 28 (2), [Fri 29 GF, Sat 30, Sun 31, Mon 1 Apr EM], Tue 2 (3), Wed 3 (4), Thu 4 (5),
    // Fri 5 (6), Mon 8 (7), Tue 9 (8), Wed 10 (9), Thu 11 (10), Fri 12 (11), Mon 15 (12), Tue 16 (13),
    // Wed 17 (14), Thu 18 Apr (15).
    const r = one(run(variants, [{ type: 'request', date: '2024-03-26' }], '2024-03-27'), 'respond');
    expect(r.due).toBe('2024-04-18');
    expect(r.trace.join('\n')).toContain('before April 2024');
  });
  it('the boundary: Sun 31 Mar is still the old version (15 WD → Mon 22 Apr), Mon 1 Apr the new (10 WD → Mon 15 Apr)', () => {
    // Sun 31 Mar + 15 WD: [Mon 1 Apr EM], Tue 2 (1) … Fri 5 (4), Mon 8 (5) … Fri 12 (9), Mon 15 (10) … Fri 19 (14),
    // Mon 22 Apr (15). Mon 1 Apr + 10 WD: Tue 2 (1) … Fri 5 (4), Mon 8 (5) … Fri 12 (9), Mon 15 Apr (10).
    const e = run(variants, [{ type: 'request', date: '2024-03-31' }, { type: 'request', date: '2024-04-01' }], '2024-04-02');
    expect(of(e, 'respond').map((r) => [r.occurrence, r.anchor.date, r.due])).toEqual([
      [1, '2024-03-31', '2024-04-22'],
      [2, '2024-04-01', '2024-04-15'],
    ]);
  });
  it('the variant applies on top of the version: urgent on Thu 28 Mar → 2 WD → Wed 3 Apr', () => {
    // [Fri 29 GF, Sat 30, Sun 31, Mon 1 Apr EM], Tue 2 (1), Wed 3 (2).
    expect(one(run(variants, [{ type: 'request', date: '2024-03-28', urgent: true }], '2024-03-28'), 'respond').due).toBe('2024-04-03');
  });
});

describe('profiles', () => {
  it('local: 14 calendar days rolled forward over the Spring bank holiday: Sat 11 May → Tue 28 May', () => {
    // Sat 11 May + 14 days = Sat 25 May → [Sun 26, Mon 27 May Spring bank holiday] → Tue 28 May.
    // Default profile: Sat 11 May + 10 WD: Mon 13 (1) … Fri 17 (5), Mon 20 (6) … Fri 24 May (10).
    const req = [{ type: 'request', date: '2024-05-11' }];
    const local = one(run(variants, req, '2024-05-13', { profile: 'local' }), 'respond');
    expect(local.due).toBe('2024-05-28');
    expect(local.profile).toBe('local');
    expect(one(run(variants, req, '2024-05-13'), 'respond').due).toBe('2024-05-24');
    expect(one(run(variants, req, '2024-05-13', { profile: 'default' }), 'respond').due).toBe('2024-05-24');
  });
  it('local: the profile’s timing applies to anchors of an older version too (Tue 26 Mar + 14 days = Tue 9 Apr)', () => {
    // Tue 26 Mar 2024 + 14 days = Tue 9 Apr 2024, a working day (no roll needed); the built-in old version
    // (15 WD) would give Thu 18 Apr.
    expect(one(run(variants, [{ type: 'request', date: '2024-03-26' }], '2024-03-27', { profile: 'local' }), 'respond').due).toBe('2024-04-09');
  });
  it('local: a window timing patch (latest 10 → 14 days: Mon 8 Apr → Mon 22 Apr)', () => {
    // Earliest Mon 8 Apr + 5 days = Sat 13 Apr; latest + 10 days = Thu 18 Apr, local + 14 days = Mon 22 Apr.
    expect(one(run(variants, [REQUEST], '2024-04-09'), 'cooling-off')).toMatchObject({ earliest: '2024-04-13', due: '2024-04-18' });
    expect(one(run(variants, [REQUEST], '2024-04-09', { profile: 'local' }), 'cooling-off')).toMatchObject({ earliest: '2024-04-13', due: '2024-04-22' });
  });
  it('local: switches a rule off', () => {
    const events = [REQUEST, { type: 'escalated', date: '2024-04-09' }];
    expect(of(run(variants, events, '2024-04-10'), 'follow-up')).toHaveLength(1);
    expect(of(run(variants, events, '2024-04-10', { profile: 'local' }), 'follow-up')).toEqual([]);
  });
  it('strict: adds a 5 WD target (Mon 15 Apr) inside the limit (Mon 22 Apr)', () => {
    // Mon 8 Apr + 5 WD: Tue 9 (1) … Fri 12 (4), Mon 15 Apr (5).
    const r = one(run(variants, [REQUEST, { type: 'response', date: '2024-04-17' }], '2024-04-30', { profile: 'strict' }), 'respond');
    expect(r).toMatchObject({ target: '2024-04-15', due: '2024-04-22', status: 'met-after-target', breach: false });
    expect(one(run(variants, [REQUEST, { type: 'response', date: '2024-04-17' }], '2024-04-30'), 'respond').status).toBe('met');
  });
  it('an unknown profile is an input error naming the field', () => {
    expect(() => run(variants, [REQUEST], '2024-04-30', { profile: 'locl' })).toThrow(TimescalesInputError);
    try {
      run(variants, [REQUEST], '2024-04-30', { profile: 'locl' });
    } catch (e) {
      expect((e as TimescalesInputError).field).toBe('profile');
      expect((e as Error).message).toContain('local');
    }
  });
  it('evaluating with a profile does not change the procedure', () => {
    run(variants, [REQUEST], '2024-04-30', { profile: 'local' });
    expect(one(run(variants, [REQUEST], '2024-04-09'), 'respond').due).toBe('2024-04-22');
    expect(Object.isFrozen(variants)).toBe(true);
    expect(Object.isFrozen(variants.rules[0]!.timing)).toBe(true);
  });
});

describe('caller overrides', () => {
  it('change one rule’s timescale: 5 WD → Mon 15 Apr', () => {
    const e = run(variants, [REQUEST], '2024-04-09', { overrides: { respond: { timing: { within: '5wd' } } } });
    expect(one(e, 'respond').due).toBe('2024-04-15');
    expect(one(e, 'cooling-off').due).toBe('2024-04-18');
  });
  it('apply on top of a profile', () => {
    // Local rolls forward; the override changes only the length: Sat 11 May + 7 days = Sat 18 May →
    // [Sun 19] → Mon 20 May. (Profile alone: Tue 28 May; override alone, not rolled: Sat 18 May.)
    const req = [{ type: 'request', date: '2024-05-11' }];
    expect(one(run(variants, req, '2024-05-13', { profile: 'local', overrides: { respond: { timing: { within: '7d' } } } }), 'respond').due).toBe('2024-05-20');
    expect(one(run(variants, req, '2024-05-13', { overrides: { respond: { timing: { within: '7d' } } } }), 'respond').due).toBe('2024-05-18');
  });
  it('a caller’s override also applies to anchors covered by an older version of the rule', () => {
    // The caller asks for 5 WD. Tue 26 Mar + 5 WD: Wed 27 (1), Thu 28 (2), [Fri 29 GF … Mon 1 Apr EM],
    // Tue 2 (3), Wed 3 (4), Thu 4 Apr (5) → Thu 4 Apr (not the built-in 15 WD of the old version, Thu 18 Apr).
    const r = one(run(variants, [{ type: 'request', date: '2024-03-26' }], '2024-03-27', { overrides: { respond: { timing: { within: '5wd' } } } }), 'respond');
    expect(r.due).toBe('2024-04-04');
  });
  it('an override may replace the versions too (versions: [] → the override everywhere)', () => {
    // Same arithmetic as above: Tue 26 Mar + 5 WD → Thu 4 Apr.
    const r = one(run(variants, [{ type: 'request', date: '2024-03-26' }], '2024-03-27', { overrides: { respond: { timing: { within: '5wd' }, versions: [] } } }), 'respond');
    expect(r.due).toBe('2024-04-04');
  });
  it('switch a rule off, leaving the others', () => {
    const e = run(variants, [REQUEST], '2024-04-09', { overrides: { respond: { enabled: false } } });
    expect(of(e, 'respond')).toEqual([]);
    expect(of(e, 'cooling-off')).toHaveLength(1);
  });
  it('switch on a rule that is off in the procedure: audit within a year → Tue 8 Apr 2025', () => {
    expect(of(run(variants, [REQUEST], '2024-04-09'), 'annual-audit')).toEqual([]);
    const r = one(run(variants, [REQUEST], '2024-04-09', { overrides: { 'annual-audit': { enabled: true } } }), 'annual-audit');
    expect(r.due).toBe('2025-04-08');
  });
  it('onlyIfAnyEvent: the rule applies only with the event, or when forced', () => {
    // Mon 8 Apr + 20 WD: … Mon 22 (10), Tue 23 (11) … Fri 26 (14), Mon 29 (15), Tue 30 (16), Wed 1 May (17),
    // Thu 2 (18), Fri 3 (19), [Mon 6 May bank holiday], Tue 7 May (20).
    expect(of(run(variants, [REQUEST], '2024-04-10'), 'follow-up')).toEqual([]);
    expect(one(run(variants, [REQUEST, { type: 'escalated', date: '2024-04-09' }], '2024-04-10'), 'follow-up').due).toBe('2024-05-07');
    expect(one(run(variants, [REQUEST], '2024-04-10', { overrides: { 'follow-up': { force: true } } }), 'follow-up').due).toBe('2024-05-07');
    // An escalation after the as-of date is not known yet.
    expect(of(run(variants, [REQUEST, { type: 'escalated', date: '2024-05-01' }], '2024-04-30'), 'follow-up')).toEqual([]);
  });
  it('notes: one always, one only when the case has the event', () => {
    expect(one(run(variants, [REQUEST], '2024-04-10'), 'respond').notes).toEqual(['always shown']);
    expect(one(run(variants, [REQUEST, { type: 'escalated', date: '2024-04-09' }], '2024-04-10'), 'respond').notes).toEqual(['escalated case', 'always shown']);
  });
  it('are validated: unknown rule, unknown field, bad duration, bad switch, a field of another rule kind', () => {
    const field = (overrides: Record<string, Record<string, unknown>>): string => {
      try {
        run(variants, [REQUEST], '2024-04-30', { overrides });
      } catch (e) {
        expect(e).toBeInstanceOf(TimescalesInputError);
        return (e as TimescalesInputError).field;
      }
      throw new Error('no error thrown');
    };
    expect(field({ nope: { timing: { within: '5wd' } } })).toBe('overrides.nope');
    expect(field({ respond: { timing: { witin: '5wd' } } })).toMatch(/^overrides\.respond/);
    expect(field({ respond: { timing: { within: 'ten days' } } })).toBe('overrides.respond.timing.within');
    expect(field({ respond: { force: 'yes' } })).toBe('overrides.respond.force');
    expect(field({ 'cooling-off': { timing: { within: '5wd' } } })).toMatch(/^overrides\.cooling-off/);
  });
  it('one shape for every patch: timing fields written beside enabled (the earlier spelling) are refused, pointing to timing', () => {
    expect(() => run(variants, [REQUEST], '2024-04-30', { overrides: { respond: { within: '5wd' } as never } })).toThrow(/^overrides\.respond: .*inside timing/);
    expect(() => run(variants, [REQUEST], '2024-04-30', { overrides: { respond: { timing: { earliest: '2d' } } } })).toThrow(
      /^overrides\.respond\.timing: .*timing fields of a deadline rule \(within, dueAt, target, cap, roll, countStartDay\), not earliest/,
    );
  });
  it('a profile or a rule named like a member of every object is looked up as a name, nothing else', () => {
    expect(() => run(variants, [REQUEST], '2024-04-30', { profile: 'constructor' })).toThrow(/^profile: "constructor" is not valid \(expected one of: default, local, strict\)/);
    expect(() => run(variants, [REQUEST], '2024-04-30', { overrides: { constructor: { enabled: false } } })).toThrow(/^overrides\.constructor: /);
  });
  it('an override of another procedure’s timing is rejected before anything is evaluated', () => {
    expect(() => run(deadlines, [], '2024-04-30', { overrides: { respond: { timing: { within: '5wd' } } } })).toThrow(TimescalesInputError);
  });
});

describe('defineProcedure checks profiles and versions', () => {
  const copy = (): ProcedureInput => JSON.parse(JSON.stringify(variantsInput));
  const fieldOf = (p: ProcedureInput): string => {
    try {
      defineProcedure(p);
    } catch (e) {
      expect(e).toBeInstanceOf(TimescalesInputError);
      return (e as TimescalesInputError).field;
    }
    throw new Error('no error thrown');
  };
  it('a profile for a rule that does not exist', () => {
    const p = copy() as any;
    p.profiles.local.rules['no-such-rule'] = { timing: { within: '5wd' } };
    expect(fieldOf(p)).toContain('profiles.local.rules');
  });
  it('a profile timing field that the rule kind does not have', () => {
    const p = copy() as any;
    p.profiles.local.rules.respond = { timing: { within: '5wd', earliest: '2d' } };
    expect(fieldOf(p)).toContain('profiles.local.rules.respond');
  });
  it('a version timing with a bad duration', () => {
    const p = copy() as any;
    p.rules[0].versions[0].timing = { within: '15 working days' };
    expect(fieldOf(p)).toContain('versions[0].timing');
  });
  it('a profile may force a rule on, as an override does: the follow-up is due without an escalation', () => {
    const p = copy() as any;
    p.profiles.local.rules['follow-up'] = { force: true };
    // Mon 8 Apr + 20 WD → Tue 7 May, skipping Mon 6 May (worked out in "onlyIfAnyEvent" above).
    expect(one(run(defineProcedure(p), [REQUEST], '2024-04-10', { profile: 'local' }), 'follow-up').due).toBe('2024-05-07');
    expect(of(run(defineProcedure(p), [REQUEST], '2024-04-10'), 'follow-up')).toEqual([]);
  });
  it('a version date that is not ISO', () => {
    const p = copy() as any;
    p.rules[0].versions[0].until = '31/03/2024';
    expect(fieldOf(p)).toContain('versions[0].until');
  });
});
