/**
 * Turning a case record into the events the rules read: dates checked and
 * converted to day numbers, attributes typed, duplicates and unknown event
 * names reported, events after the as-of date set aside (C7).
 */
import { DateTime } from 'luxon';
import { tryParseIsoDay, formatIsoDay, FIRST_SUPPORTED_DATE, LAST_SUPPORTED_DATE } from '../calendar/index';
import type { CaseRecord } from './case';
import { invalidDate, unknownEvent, type DataProblem } from './problems';
import type { Procedure } from './schema';

const MIN_DAY = tryParseIsoDay(FIRST_SUPPORTED_DATE)!;
const MAX_DAY = tryParseIsoDay(LAST_SUPPORTED_DATE)!;

/** An event as the rules see it. */
export interface PreparedEvent {
  type: string;
  /** The ISO date (the date part of a date-time). */
  date: string;
  day: number;
  /** For date-time events: the text as given and the instant in epoch milliseconds. */
  dateTime?: string;
  epoch?: number;
  attrs: Record<string, string | number | boolean>;
  /** Position in the case record, for problem reports. */
  index: number;
}

export interface PreparedCase {
  id: string;
  dateOfBirth?: string;
  dobDay?: number;
  /** Known events on or before the as-of date, sorted by date then input order. */
  events: PreparedEvent[];
  byType: Map<string, PreparedEvent[]>;
  problems: DataProblem[];
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

/** Reads a case record against a procedure; never throws on schema-valid input. */
export function prepareCase(procedure: Procedure, record: CaseRecord, asOfDay: number): PreparedCase {
  const problems: DataProblem[] = [];
  const base = { caseId: record.id, procedure: procedure.id };
  let dobDay: number | undefined;
  if (record.dateOfBirth !== undefined) {
    dobDay = tryParseIsoDay(record.dateOfBirth);
    if (dobDay === undefined) {
      problems.push(
        invalidDate({ ...base, column: 'dateOfBirth' }, record.dateOfBirth, {
          subject: 'dateOfBirth',
          expected: 'an ISO date YYYY-MM-DD that exists',
          then: 'rules that need the date of birth are skipped',
        }),
      );
    }
  }
  const { known, types } = eventTables(procedure);
  const events: PreparedEvent[] = [];
  // Duplicates (C7: counted once) are events of one type, date and attributes. Their text key is built only
  // for an event whose type and day an earlier event already had (rare), not for every event.
  const typeDays = new Map<number, boolean>();
  let seen: Map<string, PreparedEvent> | undefined;
  let inOrder = true;
  const rawEvents = record.events;
  for (let index = 0; index < rawEvents.length; index++) {
    const raw = rawEvents[index]!;
    const type = types.get(raw.type);
    if (type === undefined) {
      problems.push(
        unknownEvent({ ...eventAt(base, record, index, raw), column: 'type' }, raw.type, {
          subject: `events[${index}]:`,
          of: procedure.id,
          nearest: nearest(raw.type, [...known]),
          then: 'the event was not used',
        }),
      );
      continue;
    }
    const def = type.def;
    // A date (the common case) read here; a date-time by readWhen.
    const text = raw.date;
    let date: string;
    let day: number | undefined;
    let dateTime: string | undefined;
    let epoch: number | undefined;
    if (text.length === 10) {
      day = tryParseIsoDay(text);
      date = text;
    } else {
      const when = readWhen(text);
      day = when?.day;
      date = when ? when.date : text;
      dateTime = when?.dateTime;
      epoch = when?.epoch;
    }
    if (day === undefined) {
      problems.push(
        invalidDate({ ...eventAt(base, record, index, raw), column: 'date' }, raw.date, {
          subject: `events[${index}] ${raw.type}:`,
          expected: `YYYY-MM-DD${def.dateTime ? ' or YYYY-MM-DDTHH:mm' : ''} that exists`,
          then: 'the event was not used',
        }),
      );
      continue;
    }
    if (day < MIN_DAY || day > MAX_DAY) {
      problems.push({
        ...eventAt(base, record, index, raw),
        code: 'date-out-of-range',
        severity: 'error',
        message: `events[${index}] ${raw.type}: ${raw.date} is outside the supported range ${FIRST_SUPPORTED_DATE} … ${LAST_SUPPORTED_DATE}`,
        column: 'date',
        value: raw.date,
      });
      continue;
    }
    if (day > asOfDay) continue; // the world as it was on the as-of date (C7)
    const attrs: Record<string, string | number | boolean> = { ...type.defaults };
    for (const name in raw) {
      if (name === 'type' || name === 'date' || !Object.prototype.hasOwnProperty.call(raw, name)) continue;
      const value = raw[name]!;
      const spec = def.attributes?.[name];
      const typed = spec ? coerce(value, spec.type) : value;
      if (typed === undefined) {
        problems.push({
          ...eventAt(base, record, index, raw),
          code: 'invalid-attribute',
          severity: 'warning',
          message: `events[${index}] ${raw.type}: attribute ${name} = ${JSON.stringify(value)} is not a ${spec!.type}; ignored`,
          column: name,
          value: String(value),
        });
        continue;
      }
      attrs[name] = typed;
    }
    const event: PreparedEvent = { type: raw.type, date, day, dateTime, epoch, attrs, index };
    const typeDay = type.index * 65_536 + (day - MIN_DAY);
    if (typeDays.has(typeDay)) {
      if (!typeDays.get(typeDay)) {
        // The first repeat of this type and day: the text keys of the events kept so far that share them.
        typeDays.set(typeDay, true);
        seen ??= new Map();
        for (const kept of events) if (kept.type === raw.type && kept.day === day) seen.set(eventKey(rawEvents[kept.index]!, def), kept);
      }
      const key = eventKey(raw, def);
      const twin = seen!.get(key);
      if (twin) {
        problems.push({
          ...eventAt(base, record, index, raw),
          code: 'duplicate-event',
          severity: 'warning',
          message: `events[${index}] ${raw.type} on ${raw.date} repeats events[${twin.index}]; counted once`,
        });
        continue;
      }
      seen!.set(key, event);
    } else typeDays.set(typeDay, false);
    // Still in the order of the sort below? (`index` only grows, so an equal day and instant keeps it.)
    const last = events.length > 0 ? events[events.length - 1]! : undefined;
    if (last !== undefined && (last.day > day || (last.day === day && (last.epoch ?? 0) > (epoch ?? 0)))) inOrder = false;
    events.push(event);
  }
  // Events given in date order (the usual export) are already sorted.
  if (!inOrder) events.sort((a, b) => a.day - b.day || (a.epoch ?? 0) - (b.epoch ?? 0) || a.index - b.index);
  const byType = new Map<string, PreparedEvent[]>();
  for (const e of events) {
    const list = byType.get(e.type);
    if (list) list.push(e);
    else byType.set(e.type, [e]);
  }
  for (const order of procedure.order ?? []) checkOrder(order, byType, problems, base);
  return {
    id: record.id,
    ...(dobDay !== undefined ? { dateOfBirth: record.dateOfBirth, dobDay } : {}),
    events,
    byType,
    problems,
  };
}

/** What `prepareCase` knows of one event type of a procedure: its definition, attribute defaults and a number. */
interface EventType {
  def: Procedure['events'][string];
  defaults: Record<string, string | number | boolean>;
  index: number;
}

const tables = new WeakMap<Procedure, { known: Set<string>; types: Map<string, EventType> }>();

/** Per procedure, once: its event names and each event's definition and attribute defaults. */
function eventTables(procedure: Procedure) {
  let t = tables.get(procedure);
  if (!t) {
    const types = new Map<string, EventType>();
    for (const [type, def] of Object.entries(procedure.events)) {
      const d: Record<string, string | number | boolean> = {};
      for (const [name, a] of Object.entries(def.attributes ?? {})) if (a.default !== undefined) d[name] = a.default;
      types.set(type, { def, defaults: d, index: types.size });
    }
    t = { known: new Set(Object.keys(procedure.events)), types };
    tables.set(procedure, t);
  }
  return t;
}

/** Where a problem with an event was found: the case, the file and line it was read from, and the event. */
function eventAt(base: { caseId: string; procedure: string }, record: CaseRecord, index: number, raw: CaseRecord['events'][number]) {
  const source = record.sources?.[index];
  return { ...base, ...(source ? { file: source.file, line: source.line } : {}), event: { type: raw.type, date: raw.date } };
}

/**
 * The text that identifies an event for duplicates: its type, date (or date-time) as given and its valid
 * attributes as typed, in the record's order (`type|date|name=value…`).
 */
function eventKey(raw: CaseRecord['events'][number], def: EventType['def']): string {
  let key = `${raw.type}|${raw.date}`;
  for (const name in raw) {
    if (name === 'type' || name === 'date' || !Object.prototype.hasOwnProperty.call(raw, name)) continue;
    const value = raw[name]!;
    const spec = def.attributes?.[name];
    const typed = spec ? coerce(value, spec.type) : value;
    if (typed !== undefined) key += `|${name}=${String(typed)}`;
  }
  return key;
}

function readWhen(text: string): { date: string; day: number; dateTime?: string; epoch?: number } | undefined {
  if (text.length === 10) {
    const day = tryParseIsoDay(text);
    return day === undefined ? undefined : { date: text, day };
  }
  const day = tryParseIsoDay(text.slice(0, 10));
  if (day === undefined) return undefined;
  const dt = DateTime.fromISO(text, { zone: 'Europe/London', setZone: true });
  if (!dt.isValid) return undefined;
  // A London wall-clock time without an offset must exist: 01:30 on the day the clocks go forward does not.
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(text) && dt.toFormat("yyyy-MM-dd'T'HH:mm") !== text.slice(0, 16)) return undefined;
  const london = dt.setZone('Europe/London');
  const localDay = tryParseIsoDay(london.toISODate()!)!;
  return { date: formatIsoDay(localDay), day: localDay, dateTime: text, epoch: dt.toMillis() };
}

function coerce(value: unknown, type: 'boolean' | 'number' | 'string' | 'date'): string | number | boolean | undefined {
  switch (type) {
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
      if (typeof value === 'string') {
        const w = value.trim().toLowerCase();
        return TRUE_WORDS.has(w) ? true : FALSE_WORDS.has(w) ? false : undefined;
      }
      return undefined;
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      return Number.isFinite(n) ? n : undefined;
    }
    case 'date':
      return typeof value === 'string' && tryParseIsoDay(value) !== undefined ? value : undefined;
    default:
      return typeof value === 'string' ? value : String(value);
  }
}

/** A step dated before the step it follows (record-keeping order) is a data problem. */
function checkOrder(
  order: string[],
  byType: Map<string, PreparedEvent[]>,
  problems: DataProblem[],
  base: { caseId: string; procedure: string },
): void {
  let previous: PreparedEvent | undefined;
  for (const type of order) {
    const first = byType.get(type)?.[0];
    if (!first) continue;
    if (previous && first.day < previous.day) {
      problems.push({
        ...base,
        code: 'out-of-order',
        severity: 'warning',
        event: { type: first.type, date: first.date },
        message: `${first.type} on ${first.date} is dated before ${previous.type} on ${previous.date}, the step it follows`,
      });
    }
    previous = first;
  }
}

/** The known name closest to `name` by edit distance, when close enough to be a likely typo. */
export function nearest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = levenshtein(name.toLowerCase(), k);
    if (d < bestDistance) {
      bestDistance = d;
      best = k;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
