/**
 * A rule's timing in words, for listings and pages: the `rules` command, the
 * procedure pages (`npm run docs`) and any output that explains a timescale.
 */
import type { Offset, Rule } from './schema';

const UNIT_WORDS: Record<string, [string, string]> = {
  wd: ['working day', 'working days'],
  d: ['day', 'days'],
  w: ['week', 'weeks'],
  m: ['month', 'months'],
  y: ['year', 'years'],
  h: ['hour', 'hours'],
};

/** `20wd` → "20 working days"; `['36m', '-1d']` → "36 months − 1 day". */
export function describeOffset(offset: Offset): string {
  const parts = (Array.isArray(offset) ? offset : [offset]).map((o) => {
    const m = /^([+-]?)(\d+)([a-z]+)$/.exec(o)!;
    const n = Number(m[2]);
    return `${m[1] === '-' ? '− ' : ''}${n} ${UNIT_WORDS[m[3]!]![n === 1 ? 0 : 1]}`;
  });
  return parts.join(' ').replace(/ − /g, ' − ');
}

/** The timescale of a rule's timing (or a patch of it) in words. */
export function timingText(rule: Rule, timing: Record<string, unknown> = rule.timing): string {
  const t = timing as Record<string, any>;
  const roll = t.roll && t.roll !== 'none' ? `, rolled ${t.roll} off non-working days` : '';
  const csd = t.countStartDay ? ', start day counted as day 1' : '';
  switch (rule.kind) {
    case 'deadline': {
      const parts: string[] = [];
      if (t.target) parts.push(`target ${describeOffset(t.target)}`);
      if (t.within) parts.push(`${t.target ? 'limit ' : ''}${describeOffset(t.within)}`);
      if (t.dueAt) parts.push('age' in t.dueAt ? `by date of birth + ${describeOffset(t.dueAt.age)}` : `by the \`${t.dueAt.attribute}\` date`);
      if (t.cap) parts.push(`${parts.length ? 'never later than' : 'by'} ${'age' in t.cap ? `date of birth + ${describeOffset(t.cap.age)}` : `the \`${t.cap.attribute}\` date`}`);
      if (!parts.length) parts.push('no timescale (open)');
      return parts.join(', ') + roll + csd;
    }
    case 'window':
      return `from + ${describeOffset(t.earliest)}${t.latest ? ` to + ${describeOffset(t.latest)}` : ' (no end)'}${roll}`;
    case 'cycle': {
      const iv: string[] = t.intervals;
      const list = (xs: string[]) => `${xs.map((i, n) => (n === xs.length - 1 && xs.length > 1 ? `then every ${describeOffset(i)}` : describeOffset(i))).join(', ')}${xs.length === 1 ? ' (repeating)' : ''}`;
      const th = t.thereafter as { from: { elapsed?: string; event?: string | string[] }; intervals: string[] } | undefined;
      const after = th
        ? `; counted from ${th.from.elapsed ? `${describeOffset(th.from.elapsed)} after the start` : `the first ${[th.from.event].flat().map((e) => `\`${e}\``).join(' or ')}`} on: ${list(th.intervals)}`
        : '';
      return `${list(iv)} after the previous${after}${roll}${csd}`;
    }
    case 'cycle-task': {
      const b = t.before;
      if (b === undefined) return 'by the planned date';
      if (typeof b === 'object' && !Array.isArray(b)) return `${describeOffset(b.first)} before the 1st, ${describeOffset(b.subsequent)} before later ones${roll}${csd}`;
      return `${describeOffset(b)} before${roll}${csd}`;
    }
  }
}
