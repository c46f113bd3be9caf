/**
 * The columns analysts bring: an extra column of a generic file (an event
 * attribute such as `worker`, `team`, `locality`) whose value is the same on
 * every row of a case that gives it is a fact about the case. It is carried to
 * every result of the case, and the summary can be split by it (`--group-by`).
 */
import type { CaseRecord } from '../engine/index';

/** The carried columns of a caseload and each case's values. */
export interface Carried {
  /** Column names, in order of first appearance. */
  columns: string[];
  /** Each case's values of the carried columns (a case without a value has none). */
  values: Map<CaseRecord, Record<string, string>>;
}

const NOT_ATTRIBUTES = new Set(['type', 'date']);

/**
 * The attributes that are constant per case: in every case that gives the
 * attribute, all its events that give it give the same value. An attribute
 * that varies within any one case (e.g. `stage`) is an event's, not the case's.
 * @example carriedAttributes([{ id: 'C1', events: [{ type: 'a', date: '2024-01-01', team: 'North' }, { type: 'b', date: '2024-02-01' }] }]).columns // ['team']
 */
export function carriedAttributes(cases: readonly CaseRecord[]): Carried {
  const order: string[] = [];
  const varies = new Set<string>();
  const perCase = new Map<CaseRecord, Map<string, string>>();
  for (const c of cases) {
    const mine = new Map<string, string>();
    for (const e of c.events) {
      for (const [k, v] of Object.entries(e)) {
        if (NOT_ATTRIBUTES.has(k) || v === undefined || v === null) continue;
        const text = String(v);
        if (!order.includes(k)) order.push(k);
        const seen = mine.get(k);
        if (seen === undefined) mine.set(k, text);
        else if (seen !== text) varies.add(k);
      }
    }
    perCase.set(c, mine);
  }
  const columns = order.filter((k) => !varies.has(k));
  const values = new Map<CaseRecord, Record<string, string>>();
  for (const [c, mine] of perCase) {
    const out: Record<string, string> = {};
    for (const k of columns) {
      const v = mine.get(k);
      if (v !== undefined) out[k] = v;
    }
    values.set(c, out);
  }
  return { columns, values };
}
