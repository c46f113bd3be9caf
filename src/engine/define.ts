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
  checkKeys(input);
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
      if (r.requiresPrior?.event) event(`${at}.requiresPrior.event`, r.requiresPrior.event);
      if (r.requiresPrior?.period !== undefined && !periods.has(r.requiresPrior.period)) fail(`${at}.requiresPrior.period`, r.requiresPrior.period, "a period declared in the procedure's periods");
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
  // Rule anchors must not go round in a circle: a depth-first walk with its own
  // stack (no recursion, so a chain of any length is checked).
  const visiting = new Set<string>();
  const done = new Set<string>();
  for (const r of p.rules) {
    if (done.has(r.id)) continue;
    const stack: { id: string; deps: string[]; next: number }[] = [{ id: r.id, deps: dependencies(r), next: 0 }];
    visiting.add(r.id);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next === top.deps.length) {
        stack.pop();
        visiting.delete(top.id);
        done.add(top.id);
        continue;
      }
      const dep = top.deps[top.next++]!;
      if (done.has(dep) || !rulesById.has(dep)) continue;
      if (visiting.has(dep)) fail('rules', [...stack.map((f) => f.id), dep].join(' → '), 'rules whose anchors do not depend on each other in a circle');
      visiting.add(dep);
      stack.push({ id: dep, deps: dependencies(rulesById.get(dep)!), next: 0 });
    }
  }
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
/** The deepest nesting of objects and arrays a procedure may have (the schema needs about 8). */
export const MAX_PROCEDURE_DEPTH = 32;

/**
 * Walks the input (a loop, no recursion) before the schema sees it: an own
 * `__proto__` key anywhere is refused with its path (zod would drop it without
 * a word, so `where: { "__proto__": true }` would become `{}` and match every
 * anchor), and so is nesting deeper than `MAX_PROCEDURE_DEPTH`.
 */
function checkKeys(input: unknown): void {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length > MAX_PROCEDURE_DEPTH) {
      throw new TimescalesInputError(`procedure${pathText(path.slice(0, 4))}…`, '(nested value)', `at most ${MAX_PROCEDURE_DEPTH} levels of nested objects and arrays`);
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    if (Object.hasOwn(value, '__proto__')) {
      throw new TimescalesInputError(`procedure${pathText([...path, '__proto__'])}`, (value as Record<string, unknown>)['__proto__'], '"__proto__" cannot be a key (it is not a rule, condition or attribute name)');
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: (value as Record<string, unknown>)[keys[i]!], path: [...path, keys[i]!] });
  }
}

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

/** Freezes `value` and everything in it (a loop: no recursion, whatever the size). */
function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v && typeof v === 'object' && !Object.isFrozen(v)) {
      Object.freeze(v);
      for (const child of Object.values(v)) stack.push(child);
    }
  }
  return value;
}
