/**
 * Resolving a rule's anchor in a case: the events, ages or other rules'
 * results that start its clock. One general mechanism for every rule kind.
 */
import type { PreparedCase, PreparedEvent } from './events';
import { addOffset, dayMoment, momentOf, offsets, type DateMath, type Moment } from './moment';
import type { Result } from './result';
import type { Anchor, SingleAnchor } from './schema';

export interface ResolvedAnchor {
  /** Event name, `dateOfBirth+27m`, or `<rule> due` / the completing event of another rule. */
  event: string;
  moment: Moment;
  /** The event that anchored it (for attributes), when it was an event. */
  source?: PreparedEvent;
  /** Where the chain of anchors began: the event itself for an event anchor; for a rule anchor, the origin of the result it reads. */
  origin?: PreparedEvent;
  lines: string[];
}

export interface AnchorContext {
  math: DateMath;
  kase: PreparedCase;
  asOf: Moment;
  /** The results of the rules evaluated before this one (rule anchors read them). */
  results: ReadonlyMap<string, Result[]>;
  /** Called when the anchor needs a date of birth the case lacks. */
  missingDob: () => void;
  /** The origin event of an earlier rule's result (see `ResolvedAnchor.origin`). */
  originOf: (result: Result) => PreparedEvent | undefined;
}

/** True when every attribute in `where` equals the event's (compared as text, so "2" equals 2). */
export function matches(e: PreparedEvent, where: Record<string, unknown> | undefined): boolean {
  if (!where) return true;
  for (const [k, v] of Object.entries(where)) {
    const a = e.attrs[k];
    if (a === undefined || String(a) !== String(v)) return false;
  }
  return true;
}

export function eventsOf(kase: PreparedCase, types: string | string[], where?: Record<string, unknown>): PreparedEvent[] {
  const list = Array.isArray(types) ? types.flatMap((t) => kase.byType.get(t) ?? []) : kase.byType.get(types) ?? [];
  const out = where ? list.filter((e) => matches(e, where)) : [...list];
  if (Array.isArray(types) && types.length > 1) out.sort((a, b) => a.day - b.day || a.index - b.index);
  return out;
}

/**
 * The index of the first event of a day-ordered list on or after `day` (`after`: strictly after it), or the
 * list's length: a binary search, so a rule that looks for "the first event since" once per occurrence costs
 * log n per occurrence, not n (issue 13, item 8).
 */
export function firstIndexFrom(list: readonly PreparedEvent[], day: number, after = false): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const d = list[mid]!.day;
    if (d < day || (after && d === day)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** All anchors of a rule in a case, in date order, on or before the as-of date; alternatives on the same day merged. */
export function resolveAnchors(ctx: AnchorContext, anchor: Anchor): ResolvedAnchor[] {
  let list: ResolvedAnchor[];
  if ('anyOf' in anchor) list = anchor.anyOf.flatMap((a) => resolveOne(ctx, a));
  else if ('firstOf' in anchor) {
    list = [];
    for (const a of anchor.firstOf) {
      list = resolveOne(ctx, a);
      if (list.length) break;
    }
  } else list = resolveOne(ctx, anchor);
  // A rule whose anchor has not happened yet produces no result (C7).
  list = list.filter((a) => a.moment.day <= ctx.asOf.day);
  list.sort((a, b) => a.moment.day - b.moment.day || (a.moment.epoch ?? 0) - (b.moment.epoch ?? 0));
  const merged: ResolvedAnchor[] = [];
  for (const a of list) {
    const prev = merged[merged.length - 1];
    // Alternatives naming the same moment (an s47-started and a strategy discussion with s47 the same day) are one anchor;
    // two distinct events of the same type on one day (an emergency and a planned placement) are two.
    const sameMoment = prev && prev.moment.day === a.moment.day && prev.moment.epoch === a.moment.epoch;
    if (sameMoment && !(prev.source && a.source && prev.source.type === a.source.type)) continue;
    merged.push(a);
  }
  return merged;
}

function resolveOne(ctx: AnchorContext, a: SingleAnchor): ResolvedAnchor[] {
  const { math, kase } = ctx;
  if ('event' in a) {
    let events = eventsOf(kase, a.event, a.where);
    if (a.firstAfter) {
      const starts = kase.byType.get(a.firstAfter) ?? [];
      if (starts.length) {
        const firsts = new Set<PreparedEvent>();
        for (const s of starts) {
          const f = events.find((e) => e.day >= s.day);
          if (f) firsts.add(f);
        }
        events = events.filter((e) => firsts.has(e));
      } else events = events.slice(0, 1);
    }
    return events.map((e) => {
      const base = momentOf(e);
      // Trace lines only when a trace is wanted (math.explain).
      const lines = math.explain ? [`anchor: ${e.type} on ${e.dateTime ?? e.date}`] : [];
      if (!a.add) return { event: e.type, moment: base, source: e, origin: e, lines };
      const shifted = addOffset(math, base, a.add);
      if (math.explain) lines.push(...shifted.lines);
      return { event: `${e.type}+${offsets(a.add).join('')}`, moment: shifted.moment, source: e, origin: e, lines };
    });
  }
  if ('age' in a) {
    // An age that counts only while the child is active needs the date of birth only if the child ever was.
    if (a.whileActive && eventsOf(kase, a.whileActive.start).length === 0) return [];
    if (kase.dobDay === undefined) {
      ctx.missingDob();
      return [];
    }
    const at = addOffset(math, dayMoment(kase.dateOfBirth!), a.age);
    if (a.whileActive && !activeOn(kase, at.moment.day, a.whileActive.start, a.whileActive.end)) return [];
    return [
      {
        event: offsets(a.age).every((o) => /^[+-]?0+[a-z]+$/.test(o)) ? 'dateOfBirth' : `dateOfBirth+${offsets(a.age).join('')}`,
        moment: at.moment,
        lines: [`anchor: date of birth ${kase.dateOfBirth} + ${offsets(a.age).join(' ')}`, ...at.lines],
      },
    ];
  }
  const results = ctx.results.get(a.rule) ?? [];
  const out: ResolvedAnchor[] = [];
  for (const r of results) {
    if (a.status && !a.status.includes(r.status)) continue;
    if (a.completedBy && (!r.completed || !a.completedBy.includes(r.completed.event))) continue;
    const date = a.at === 'due' ? r.due : r.completed?.date;
    if (!date) continue;
    const moment = date.length > 10 ? { ...dayMoment(date.slice(0, 10)), dateTime: date } : dayMoment(date);
    const label = a.at === 'due' ? `${a.rule} due` : `${r.completed!.event}`;
    const origin = ctx.originOf(r);
    out.push({
      event: label,
      moment,
      ...(origin ? { origin } : {}),
      lines: ctx.math.explain ? [`anchor: ${a.rule} occurrence ${r.occurrence} ${a.at === 'due' ? `was due ${date} (${r.status})` : `completed by ${r.completed!.event} on ${date}`}`] : [],
    });
  }
  return out;
}

/** A start event on or before the day, with no end event between it and the day. */
export function activeOn(kase: PreparedCase, day: number, start: string[], end: string[]): boolean {
  const starts = eventsOf(kase, start).filter((e) => e.day <= day);
  const last = starts[starts.length - 1];
  if (!last) return false;
  return !eventsOf(kase, end).some((e) => e.day >= last.day && e.day < day);
}
