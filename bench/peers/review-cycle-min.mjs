#!/usr/bin/env node
// A floor for the review cycle: the least a hand-written Node script does to
// compute the lac-review `review-cycle` rule on a generic events CSV, grouped by
// case (bench/generate-caseload.mjs output): read, split, day numbers, sequences
// (start became-looked-after, restart placed-for-adoption, end
// ceased-looked-after / adoption-order), due dates (20 working days, then 91
// and 183 calendar days from the previous review), statuses at the as-of date
// (met, met-late, overdue, due-soon within 5 working days, pending).
//
//   node bench/peers/review-cycle-min.mjs <events.csv> <bank-holidays.json> <as-of>
//
// No checks of the input, no explanations, no output file: it counts
// occurrences by status. Prints one JSON line:
//   {"peer":"review-cycle-min","rows":…,"occurrences":…,"counts":{…},"seconds":…}
import { createReadStream, readFileSync } from 'node:fs';

const [file, holidaysFile, asOfText] = process.argv.slice(2);
if (!file || !holidaysFile || !asOfText) {
  process.stderr.write('usage: node bench/peers/review-cycle-min.mjs <events.csv> <bank-holidays.json> <as-of>\n');
  process.exit(2);
}
const t0 = process.hrtime.bigint();
const dayOf = (s) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 86400000;
const BASE = dayOf('1990-01-01');
const SPAN = dayOf('2101-01-01') - BASE;
const holidays = new Set(JSON.parse(readFileSync(holidaysFile, 'utf8'))['england-and-wales'].events.map((e) => dayOf(e.date)));
// rank[i]: working days on or before BASE + i.
const rank = new Int32Array(SPAN);
const byRank = new Int32Array(SPAN);
let count = 0;
for (let i = 0; i < SPAN; i++) {
  const d = BASE + i;
  const wd = (((d + 3) % 7) + 7) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  if (wd < 5 && !holidays.has(d)) byRank[count++] = d;
  rank[i] = count;
}
const addWd = (d, n) => (n > 0 ? byRank[rank[d - BASE] + n - 1] : byRank[rank[d - BASE] - (rank[d - BASE] === rank[d - BASE - 1] ? 0 : 1) + n]);
const wdBetween = (a, b) => rank[b - BASE] - rank[a - BASE];
const asOf = dayOf(asOfText);
const counts = { met: 0, 'met-late': 0, overdue: 0, 'due-soon': 0, pending: 0 };
let occurrences = 0;

function evaluate(types, days) {
  // Sequences: [start, end or restart); a restart begins the next one.
  const starts = [];
  const ends = [];
  let open = false;
  for (let m = 0; m < types.length; m++) {
    const t = types[m];
    if (open && (t === 'ceased-looked-after' || t === 'adoption-order' || t === 'placed-for-adoption')) {
      ends[ends.length - 1] = days[m];
      open = t === 'placed-for-adoption';
      if (open) starts.push(days[m]), ends.push(-1);
    } else if (!open && t === 'became-looked-after') {
      open = true;
      starts.push(days[m]);
      ends.push(-1);
    }
  }
  for (let s = 0; s < starts.length; s++) {
    const end = ends[s];
    let prev = starts[s];
    for (let n = 1; ; n++) {
      const due = n === 1 ? addWd(prev, 20) : prev + (n === 2 ? 91 : 183);
      let done = -1;
      for (let m = 0; m < types.length; m++) {
        if (types[m] === 'lac-review' && (n === 1 ? days[m] >= prev : days[m] > prev) && (end < 0 || days[m] <= end)) {
          done = days[m];
          break;
        }
      }
      if (done < 0) {
        if (end >= 0 && due >= end) break;
        const at = end >= 0 ? end : asOf;
        occurrences++;
        if (due < at) counts.overdue++;
        else if (at >= addWd(due, -5)) counts['due-soon']++;
        else counts.pending++;
        break;
      }
      occurrences++;
      counts[done <= due ? 'met' : 'met-late']++;
      prev = done;
    }
  }
}

let rows = 0;
let caseId = '';
let types = [];
let days = [];
const flush = () => {
  if (types.length) evaluate(types, days);
  types = [];
  days = [];
};
const line = (text) => {
  const a = text.indexOf(',');
  const b = text.indexOf(',', a + 1);
  const id = text.slice(0, a);
  const date = text.slice(b + 1, b + 11);
  const day = dayOf(date);
  rows++;
  if (id !== caseId) { flush(); caseId = id; }
  if (day <= asOf) { types.push(text.slice(a + 1, b)); days.push(day); }
};
let rest = '';
let header = true;
for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
  const text = rest + chunk;
  let start = 0;
  let nl;
  while ((nl = text.indexOf('\n', start)) !== -1) {
    if (header) header = false;
    else if (nl > start) line(text.slice(start, nl));
    start = nl + 1;
  }
  rest = text.slice(start);
}
if (rest.length) line(rest);
flush();
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
process.stdout.write(JSON.stringify({ peer: 'review-cycle-min', rows, occurrences, counts, seconds: +seconds.toFixed(6) }) + '\n');
