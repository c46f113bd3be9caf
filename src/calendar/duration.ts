import { TimescalesInputError } from '../errors';

/** Units of a duration: working days, days, weeks, months, years, hours. */
export const DURATION_UNITS = ['wd', 'd', 'w', 'm', 'y', 'h'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export interface Duration {
  /** Signed whole number: `-3wd` has amount −3. */
  amount: number;
  unit: DurationUnit;
}

const DURATION_RE = /^([+-]?)(\d{1,6})(wd|d|w|m|y|h)$/;

const UNIT_WORDS: Record<DurationUnit, [string, string]> = {
  wd: ['working day', 'working days'],
  d: ['day', 'days'],
  w: ['week', 'weeks'],
  m: ['month', 'months'],
  y: ['year', 'years'],
  h: ['hour', 'hours'],
};

/**
 * Parses a duration written as a signed whole number and a unit:
 * `20wd`, `-3wd`, `14d`, `2w`, `3m`, `1y`, `24h`.
 *
 * @example parseDuration('20wd') // { amount: 20, unit: 'wd' }
 * @example parseDuration('-3wd') // { amount: -3, unit: 'wd' }
 */
export function parseDuration(text: string, field = 'duration'): Duration {
  const m = typeof text === 'string' ? DURATION_RE.exec(text) : null;
  if (!m) {
    throw new TimescalesInputError(
      field,
      text,
      'a duration: a whole number and a unit, one of wd (working days), d, w, m, y, h — e.g. 20wd, -3wd, 14d, 2w, 3m, 1y, 24h',
    );
  }
  const amount = Number(m[2]) * (m[1] === '-' ? -1 : 1);
  return { amount: amount === 0 ? 0 : amount, unit: m[3] as DurationUnit };
}

/** Writes a duration back as text: `formatDuration({ amount: 20, unit: 'wd' }) === '20wd'`. */
export function formatDuration(d: Duration): string {
  return `${d.amount}${d.unit}`;
}

/** Words for a duration: `describeDuration({ amount: 3, unit: 'm' }) === '3 months'`. */
export function describeDuration(d: Duration): string {
  const n = Math.abs(d.amount);
  return `${n} ${UNIT_WORDS[d.unit][n === 1 ? 0 : 1]}`;
}
