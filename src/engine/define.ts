/**
 * `defineProcedure`: validate a procedure written as data (strictly: unknown
 * keys rejected) and check that its parts refer to each other correctly.
 */
import { TimescalesInputError } from '../errors';
import { ProcedureSchema, RULE_PATCH_SCHEMAS, type Anchor, type Procedure, type ProcedureInput, type Rule, type RulePatch } from './schema';

const defined = new WeakSet<object>();

/**
 * Validates a procedure and returns it frozen. Throws `TimescalesInputError`
 * naming the path of the first problem (e.g. `procedure.rules[2].timing.within`).
 *
 * @example
 * const p = defineProcedure({ id: 'my-visits', title: 'Visits', summary: '…', sources: [{ document: 'Local procedure 2024' }],
 *   events: { referral: { description: 'Referral received' }, visit: { description: 'Home visit' } },
 *   rules: [{ id: 'first-visit', title: 'Visit within 5 working days', kind: 'deadline', source: { document: 'Local procedure 2024' },
 *     anchor: { event: 'referral' }, timing: { within: '5wd' }, completion: { event: 'visit' } }] });
 */
export function defineProcedure(input: ProcedureInput | Procedure): Procedure {
  if (input !== null && typeof input === 'object' && defined.has(input)) return input as Procedure;
  const parsed = ProcedureSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TimescalesInputError(`procedure${pathText(issue.path)}`, valueAt(input, issue.path), issue.message);
  }
  const p = parsed.data;
  checkReferences(p);
  const frozen = deepFreeze(p);
  defined.add(frozen);
  return frozen;
}

function checkReferences(p: Procedure): void {
  const events = new Set(Object.keys(p.events));
  const ruleIds = new Set<string>();
  const fail = (field: string, value: unknown, expected: string): never => {
    throw new TimescalesInputError(`procedure(${p.id}).${field}`, value, expected);
  };
  const event = (field: string, name: string | string[]) => {
    for (const n of Array.isArray(name) ? name : [name]) {
      if (!events.has(n)) fail(field, n, `an event declared in the procedure's events (${[...events].join(', ')})`);
    }
  };
  p.rules.forEach((r, i) => {
    if (ruleIds.has(r.id)) fail(`rules[${i}].id`, r.id, 'a rule id used once');
    ruleIds.add(r.id);
  });
  const rulesById = new Map(p.rules.map((r) => [r.id, r]));
  const periods = new Set(Object.keys(p.periods ?? {}));
  for (const [name, period] of Object.entries(p.periods ?? {})) {
    for (const e of period.start) event(`periods.${name}.start`, e);
    for (const e of period.end) event(`periods.${name}.end`, e);
  }
  p.rules.forEach((r, i) => {
    const at = `rules[${i}]`;
    if (r.period !== undefined && !periods.has(r.period)) {
      fail(`${at}.period`, r.period, periods.size ? `a period declared in the procedure's periods (${[...periods].join(', ')})` : 'a period declared in the procedure\'s periods (it declares none)');
    }
    if (r.atPeriodEnd !== undefined && r.period === undefined && r.kind !== 'cycle-task') fail(`${at}.atPeriodEnd`, r.atPeriodEnd, 'atPeriodEnd only on a rule with a period');
    if ((r.kind === 'cycle' || r.kind === 'cycle-task') && r.atPeriodEnd === 'runs-on') {
      fail(`${at}.atPeriodEnd`, r.atPeriodEnd, "'ends': a cycle and its tasks end with their period");
    }
    if (r.kind === 'cycle-task' && r.period !== undefined && r.period !== rulesById.get(r.cycle)?.period) {
      fail(`${at}.period`, r.period, `the period of its cycle ${r.cycle} (a cycle-task belongs to its cycle's period)`);
    }
    if (r.kind === 'cycle') {
      event(`${at}.start.event`, r.start.event);
      for (const e of [...(r.restart ?? []), ...(r.end ?? [])]) event(`${at}.restart/end`, e);
    } else if (r.kind === 'cycle-task') {
      if (rulesById.get(r.cycle)?.kind !== 'cycle') fail(`${at}.cycle`, r.cycle, 'the id of a cycle rule of this procedure');
      if (r.planned) event(`${at}.planned.event`, r.planned.event);
    } else {
      for (const a of anchorsOf(r.anchor)) {
        if ('event' in a) {
          event(`${at}.anchor.event`, a.event);
          if (a.firstAfter) event(`${at}.anchor.firstAfter`, a.firstAfter);
        } else if ('rule' in a) {
          if (!rulesById.has(a.rule)) fail(`${at}.anchor.rule`, a.rule, 'the id of another rule of this procedure');
        } else if (a.whileActive) {
          for (const e of [...a.whileActive.start, ...a.whileActive.end]) event(`${at}.anchor.whileActive`, e);
        }
      }
    }
    if (r.completion) event(`${at}.completion.event`, r.completion.event);
    if (r.kind === 'deadline' || r.kind === 'window') {
      if (r.requiresPrior) event(`${at}.requiresPrior.event`, r.requiresPrior.event);
    }
    (r.notes ?? []).forEach((n, j) => n.whenAnyEvent?.forEach((e) => event(`${at}.notes[${j}].whenAnyEvent`, e)));
    if (r.kind === 'deadline') {
      if (r.unless) event(`${at}.unless.event`, r.unless.event);
      for (const e of r.cancelledBy ?? []) event(`${at}.cancelledBy`, e);
    }
    for (const e of r.onlyIfAnyEvent ?? []) event(`${at}.onlyIfAnyEvent`, e);
  });
  // Every rule cites a document of the procedure's sources. (A profile's source may name another document,
  // as procedures written before documents were declared do; it is shown by the name it gives.)
  const documents = checkDocuments(p, fail);
  p.rules.forEach((r, i) => {
    if (!documents.has(r.source.document)) {
      fail(`rules[${i}].source.document`, r.source.document, `a document declared in the procedure's sources (${[...documents].join(', ')})`);
    }
  });
  for (const e of p.stopEvents ?? []) event('stopEvents', e);
  p.order?.forEach((o, i) => o.forEach((e) => event(`order[${i}]`, e)));
  for (const [name, profile] of Object.entries(p.profiles ?? {})) {
    for (const [ruleId, patch] of Object.entries(profile.rules)) {
      const rule = rulesById.get(ruleId);
      if (!rule) fail(`profiles.${name}.rules`, ruleId, 'the id of a rule of this procedure');
      checkPatch(rule!, patch, `procedure(${p.id}).profiles.${name}.rules.${ruleId}`);
    }
  }
  // Rule anchors must not go round in a circle.
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (id: string, path: string[]) => {
    if (done.has(id)) return;
    if (visiting.has(id)) fail('rules', [...path, id].join(' → '), 'rules whose anchors do not depend on each other in a circle');
    visiting.add(id);
    for (const dep of dependencies(rulesById.get(id)!)) visit(dep, [...path, id]);
    visiting.delete(id);
    done.add(id);
  };
  for (const r of p.rules) visit(r.id, []);
}

/**
 * The documents a procedure declares. A document named by several entries of
 * `sources` (to list several of its sections) must be described the same way
 * by each: its title, publisher, date and file are those of the document.
 */
function checkDocuments(p: Procedure, fail: (field: string, value: unknown, expected: string) => never): Set<string> {
  const first = new Map<string, { i: number; details: string }>();
  p.sources.forEach((d, i) => {
    const details = JSON.stringify([d.title, d.publisher, d.date, d.file]);
    const seen = first.get(d.document);
    if (!seen) first.set(d.document, { i, details });
    else if (seen.details !== details) {
      fail(`sources[${i}]`, d.document, `the same title, publisher, date and file as sources[${seen.i}], which names the same document`);
    }
  });
  return new Set(first.keys());
}

/**
 * Checks a profile's or a caller's patch of a rule against the rule's kind
 * (`RULE_PATCH_SCHEMAS`): only that kind's timing fields. Throws
 * `TimescalesInputError` naming the field, e.g. `overrides.visit.timing.within`.
 */
export function checkPatch(rule: Rule, patch: unknown, field: string): RulePatch {
  const parsed = RULE_PATCH_SCHEMAS[rule.kind].safeParse(patch);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new TimescalesInputError(`${field}${pathText(issue.path)}`, valueAt(patch, issue.path), issue.message);
}

export function anchorsOf(anchor: Anchor) {
  return 'anyOf' in anchor ? anchor.anyOf : 'firstOf' in anchor ? anchor.firstOf : [anchor];
}

/** Rules whose results a rule reads. */
export function dependencies(rule: Rule): string[] {
  if (rule.kind === 'cycle-task') return [rule.cycle];
  if (rule.kind === 'cycle') return [];
  return anchorsOf(rule.anchor).flatMap((a) => ('rule' in a ? [a.rule] : []));
}

/** A zod issue path as a field: `.rules[2].timing`. */
function pathText(path: PropertyKey[]): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v: unknown = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.prototype.hasOwnProperty.call(v, k) ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  }
  return v;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
