#!/usr/bin/env node
// Seeded, reproducible synthetic caseload of looked-after children, written as
// a generic events CSV (docs/cli.md "Generic events CSV"):
//
//   case_id,event,date,dob,meeting
//
// Usage:
//   node bench/generate-caseload.mjs --children 100000 --out bench/out/caseload-100k.csv [--seed 1]
//   (without --out the CSV goes to stdout; a summary goes to stderr)
//
// Library use (the CLI part below only runs when this file is the entry point):
//   import { generateCaseload, generateCaseloadToFile } from './generate-caseload.mjs';
//   const stats = generateCaseload({ children: 1000, seed: 1 }, (line) => lines.push(line));
//
// Every child is generated from its own PRNG stream derived from (seed, index),
// so the first 1,000 children of a 100,000 file are exactly the 1,000 file.
// Dates are handled as integer day numbers (days since 1970-01-01) and
// formatted with integer arithmetic (no JS Date, so no local time zone).

import { openSync, writeSync, closeSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HEADER = 'case_id,event,date,dob,meeting';

// ---------------------------------------------------------------- PRNG

/** mulberry32: tiny, fast, good enough for synthetic data. Returns [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mix (seed, index) into an independent 32-bit seed per child (splitmix-style). */
function childSeed(seed, index) {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------- dates

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
export function daysFromCivil(y, m, d) {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [y, m, d] of a day number (Hinnant's civil_from_days). */
export function civilFromDays(z) {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function pad2(n) {
  return n < 10 ? '0' + n : '' + n;
}

/** ISO yyyy-mm-dd of a day number (years 1000..9999). */
export function isoFromDays(z) {
  const [y, m, d] = civilFromDays(z);
  return y + '-' + pad2(m) + '-' + pad2(d);
}

// All dates we emit lie in this window; format them from a table.
const TABLE_START = daysFromCivil(1990, 1, 1);
const TABLE_END = daysFromCivil(2031, 1, 1);
const ISO = new Array(TABLE_END - TABLE_START);
for (let z = TABLE_START; z < TABLE_END; z++) ISO[z - TABLE_START] = isoFromDays(z);
function iso(z) {
  return z >= TABLE_START && z < TABLE_END ? ISO[z - TABLE_START] : isoFromDays(z);
}

/** Same day-of-month n months later (clamped to month end), as a day number. */
function addMonths(z, n) {
  const [y, m, d] = civilFromDays(z);
  const t = y * 12 + (m - 1) + n;
  const ny = Math.floor(t / 12);
  const nm = (t % 12) + 1;
  const last = daysFromCivil(nm === 12 ? ny + 1 : ny, nm === 12 ? 1 : nm + 1, 1) - daysFromCivil(ny, nm, 1);
  return daysFromCivil(ny, nm, d < last ? d : last);
}
const addYears = (z, n) => addMonths(z, 12 * n);

const START_FROM = daysFromCivil(2015, 1, 1); // became-looked-after window
const START_TO = daysFromCivil(2024, 12, 31);
const LAST_DAY = daysFromCivil(2024, 12, 31); // nothing after this date

// ---------------------------------------------------------------- one child

const EVENTS = [
  'became-looked-after',
  'lac-review',
  'carer-changed',
  'placement-order',
  'placed-for-adoption',
  'adoption-order',
  'ceased-looked-after',
];

/**
 * Generate one child's events as [dayNumber, eventIndex, meeting] triples,
 * plus the date of birth. `r` is the child's PRNG.
 */
function generateChild(r) {
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1)); // inclusive
  const chance = (p) => r() < p;

  // Start of the period of care, 2015-2024, skewed slightly towards recent
  // years (density rises by about a fifth from 2015 to 2024).
  const u = r();
  const start = START_FROM + Math.floor((1 - (1 - u) * (1 - u) * 0.1 - 0.9 * (1 - u)) * (START_TO - START_FROM + 1));

  const adoption = chance(0.05);
  const ceases = !adoption && chance(0.4 / 0.95); // ~40% of all children end with ceased-looked-after

  // Date of birth: 0-17 years before the start (adoption cases: 0-5 years).
  // Children still looked after at the end of 2024 must be under 18 then.
  let maxAgeDays = adoption ? 5 * 365 : 17 * 365 + 364;
  if (!ceases && !adoption) maxAgeDays = Math.min(maxAgeDays, 18 * 365 - (LAST_DAY - start) - 1);
  if (maxAgeDays < 0) maxAgeDays = 0;
  const dob = start - int(0, maxAgeDays);

  // Planned end of the period (exclusive bound for all events).
  const eighteenth = addYears(dob, 18);
  let end = LAST_DAY + 1; // still looked after: events up to 2024-12-31
  let ceasedAt = -1;
  if (ceases) {
    // Durations from a couple of weeks to several years, most periods short;
    // the period ends by 2024-12-31 and before the 18th birthday.
    const room = Math.min(LAST_DAY, eighteenth - 1) - start;
    const v = r();
    if (room >= 1) {
      ceasedAt = start + (room <= 14 ? int(1, room) : 14 + Math.floor(v * Math.sqrt(v) * Math.min(6 * 365, room - 14)));
      end = ceasedAt;
    }
  }

  const out = [[start, 0, '']];

  // Adoption: placement order, placed for adoption, adoption order.
  let placementOrder = -1;
  let placed = -1;
  let adopted = -1;
  if (adoption) {
    placementOrder = start + int(60, 365);
    if (chance(0.85)) placed = placementOrder + int(60, 400);
    if (placed >= 0 && chance(0.8)) adopted = placed + int(70, 365);
    if (adopted >= 0 && adopted <= LAST_DAY) end = adopted;
  }

  // Carer changes: ~20% of children, 1-3 times, spread over the period.
  const carerChanges = [];
  if (chance(0.2)) {
    const n = int(1, 3);
    for (let i = 0; i < n; i++) carerChanges.push(start + int(10, Math.max(10, Math.min(end, start + 4 * 365) - start - 1)));
    carerChanges.sort((a, b) => a - b);
  }

  // Reviews: 1st about 20 WD (~28 calendar days), 2nd ~3 months, then ~6
  // months; ~15% late by days to weeks, ~2% missed altogether; a carer change
  // is usually followed by a review within ~28 days, which counts in the
  // sequence. Placed-for-adoption restarts the sequence.
  const reviewGap = (n) => {
    // nth review of a sequence (1-based): nominal limit in calendar days.
    const limit = n === 1 ? 28 : n === 2 ? 91 : 183;
    if (chance(0.15)) return limit + int(1, n === 1 ? 21 : 42); // late
    return limit - int(0, n === 1 ? 8 : Math.floor(limit / 5)); // on time
  };
  for (const moved of carerChanges) if (moved < end) out.push([moved, 2, '']);
  let n = 1;
  let prev = start;
  let cc = 0;
  let restartPending = placed >= 0;
  for (;;) {
    let next = prev + reviewGap(n);
    // A carer change before the next planned review usually brings a review forward.
    while (cc < carerChanges.length && carerChanges[cc] <= prev) cc++;
    if (cc < carerChanges.length && carerChanges[cc] < next) {
      const moved = carerChanges[cc++];
      if (chance(0.8)) {
        const early = moved + int(5, 28);
        if (early < next) next = early;
      }
    }
    if (restartPending && placed < next) {
      restartPending = false;
      if (placed < end) out.push([placed, 4, '']);
      prev = placed;
      n = 1;
      continue;
    }
    if (next >= end) break;
    if (!chance(0.02)) out.push([next, 1, n > 2 && chance(0.03) ? 'false' : 'true']); // else missed
    prev = next;
    n++;
  }

  if (placementOrder >= 0 && placementOrder < end) out.push([placementOrder, 3, '']);
  if (adopted >= 0 && adopted <= LAST_DAY) out.push([adopted, 5, '']);
  if (ceasedAt >= 0) out.push([ceasedAt, 6, '']);

  // Chronological order; on the same day keep the natural order of the event list.
  out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { dob, events: out };
}

// ---------------------------------------------------------------- public API

/**
 * Generate `children` children's event histories, seeded. Calls
 * `writeLine(line)` once for the header and once per event row (no trailing
 * newline). Rows of a case are contiguous and in date order. Returns counts.
 */
export function generateCaseload({ children, seed = 1, header = true }, writeLine) {
  if (!Number.isInteger(children) || children < 0) throw new TypeError('children must be a non-negative integer');
  if (header) writeLine(HEADER);
  const counts = Object.fromEntries(EVENTS.map((e) => [e, 0]));
  let rows = 0;
  const width = Math.max(6, String(children).length);
  for (let i = 0; i < children; i++) {
    const r = mulberry32(childSeed(seed, i));
    const { dob, events } = generateChild(r);
    const id = 'LAC' + String(i + 1).padStart(width, '0');
    const dobIso = iso(dob);
    for (let k = 0; k < events.length; k++) {
      const [day, type, meeting] = events[k];
      const name = EVENTS[type];
      // dob on the first row of the case only (docs/cli.md: "may appear on any row").
      writeLine(id + ',' + name + ',' + iso(day) + ',' + (k === 0 ? dobIso : '') + ',' + meeting);
      counts[name]++;
    }
    rows += events.length;
  }
  return { children, seed, rows, counts };
}

/**
 * Buffered synchronous writer: lines are collected into ~1 MiB chunks and
 * written with fs.writeSync (fd or path). Returns { writeLine, close }.
 */
export function bufferedLineWriter(target, chunkSize = 1 << 20) {
  const fd = typeof target === 'number' ? target : openSync(target, 'w');
  const parts = [];
  let size = 0;
  const flush = () => {
    if (size === 0) return;
    const buf = Buffer.from(parts.join(''), 'utf8');
    parts.length = 0;
    size = 0;
    let off = 0;
    while (off < buf.length) {
      try {
        off += writeSync(fd, buf, off, buf.length - off);
      } catch (err) {
        if (err.code !== 'EAGAIN') throw err; // non-blocking stdout pipe: retry
      }
    }
  };
  return {
    writeLine(line) {
      parts.push(line, '\n');
      size += line.length + 1;
      if (size >= chunkSize) flush();
    },
    close() {
      flush();
      if (typeof target !== 'number') closeSync(fd);
    },
  };
}

/** Generate straight into a file (creates its directory). Returns the counts. */
export function generateCaseloadToFile({ children, seed = 1, out }) {
  mkdirSync(dirname(resolve(out)), { recursive: true });
  const w = bufferedLineWriter(out);
  try {
    return generateCaseload({ children, seed }, w.writeLine);
  } finally {
    w.close();
  }
}

// ---------------------------------------------------------------- CLI

function usage(msg) {
  if (msg) process.stderr.write(`generate-caseload: ${msg}\n`);
  process.stderr.write('usage: node bench/generate-caseload.mjs --children N [--seed S] [--out FILE]\n');
  process.exit(2);
}

function main(argv) {
  let children = 1000;
  let seed = 1;
  let out = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [k, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const val = () => (inline !== undefined ? inline : argv[++i] ?? usage(`${k} needs a value`));
    if (k === '--children' || k === '-n') children = Number(val());
    else if (k === '--seed') seed = Number(val());
    else if (k === '--out' || k === '-o') out = val();
    else if (k === '--help' || k === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  if (!Number.isInteger(children) || children < 0) usage('--children must be a non-negative integer');
  if (!Number.isInteger(seed)) usage('--seed must be an integer');

  const t0 = process.hrtime.bigint();
  let stats;
  if (out && out !== '-') {
    stats = generateCaseloadToFile({ children, seed, out });
  } else {
    const w = bufferedLineWriter(1);
    stats = generateCaseload({ children, seed }, w.writeLine);
    w.close();
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  process.stderr.write(
    JSON.stringify({ ...stats, rowsPerChild: +(stats.rows / Math.max(1, children)).toFixed(2), out: out ?? '-', seconds: +seconds.toFixed(3) }) + '\n',
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
