#!/usr/bin/env node
// Peer for the review-cycle audit (issue 14): what an analyst writes instead,
// with duckdb (the `@duckdb/node-api` package, the same engine as Python's
// duckdb) doing the reading and filtering, and a plain loop plus working-day
// arrays doing what numpy does in bench/peers/review_cycle_duckdb.py. Same
// logic as that script: sequences from became-looked-after (restart
// placed-for-adoption, end ceased-looked-after or adoption-order), the 1st
// review due 20 working days after the start, the 2nd 91 days after the 1st,
// then 183 days after the previous; statuses at the as-of date (met, met-late,
// overdue, due-soon within 5 working days, pending).
//
//   node bench/peers/review-cycle-duckdb.mjs <events.csv> <bank-holidays.json> <as-of>
//
// `@duckdb/node-api` is not a dependency of the project (68 MB of native
// code): install it for a bench run with `npm install --no-save @duckdb/node-api`.
// Prints one JSON line:
//   {"peer":"duckdb (node)","rows":…,"occurrences":…,"counts":{…},"seconds":…}
// or, when the package is missing (exit 0): {"peer":"duckdb (node)","skipped":"…"}
import { readFileSync } from 'node:fs';

const emit = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);
const [file, holidaysFile, asOfText] = process.argv.slice(2);
if (!file || !holidaysFile || !asOfText) {
  process.stderr.write('usage: node bench/peers/review-cycle-duckdb.mjs <events.csv> <bank-holidays.json> <as-of>\n');
  process.exit(2);
}
let duckdb;
try {
  duckdb = await import('@duckdb/node-api');
} catch (e) {
  emit({ peer: 'duckdb (node)', skipped: `${e.code ?? e.name}: @duckdb/node-api is not installed (npm install --no-save @duckdb/node-api)` });
  process.exit(0);
}
const t0 = process.hrtime.bigint();
const dayOf = (s) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 86400000;
// Working-day arrays, as numpy's busday_offset keeps them: rank[i] = working days on or before BASE + i.
const BASE = dayOf('1990-01-01');
const SPAN = dayOf('2101-01-01') - BASE;
const holidays = new Set(JSON.parse(readFileSync(holidaysFile, 'utf8'))['england-and-wales'].events.map((e) => dayOf(e.date)));
const rank = new Int32Array(SPAN);
const byRank = new Int32Array(SPAN);
let count = 0;
for (let i = 0; i < SPAN; i++) {
  const d = BASE + i;
  const wd = (((d + 3) % 7) + 7) % 7; // 0 = Monday
  if (wd < 5 && !holidays.has(d)) byRank[count++] = d;
  rank[i] = count;
}
const isWd = (d) => rank[d - BASE] !== rank[d - BASE - 1];
const addWd = (d, n) => (n > 0 ? byRank[rank[d - BASE] + n - 1] : byRank[rank[d - BASE] - (isWd(d) ? 1 : 0) + n]);

const db = await duckdb.DuckDBInstance.create(':memory:');
const con = await db.connect();
const path = file.replace(/'/g, "''");
const rows = Number((await con.runAndReadAll(`SELECT count(*) FROM read_csv('${path}', header=true, all_varchar=true)`)).getRows()[0][0]);
// duckdb does the reading, the filtering and the encoding: a number per case (a hash, compared only between
// neighbouring rows, as the file is grouped by case), an event code, a day number. File order is kept.
const EVENTS = ['became-looked-after', 'ceased-looked-after', 'adoption-order', 'placed-for-adoption', 'lac-review'];
const [BECAME, CEASED, ADOPTED, PLACED, REVIEW] = [1, 2, 3, 4, 5];
const reader = await con.runAndReadAll(
  `SELECT (hash(case_id) % 2147483647)::INTEGER AS c,
          CASE event ${EVENTS.map((e, i) => `WHEN '${e}' THEN ${i + 1}`).join(' ')} ELSE 0 END::TINYINT AS ev,
          (CAST(date AS DATE) - DATE '1970-01-01')::INTEGER AS d
   FROM read_csv('${path}', header=true, all_varchar=true) WHERE CAST(date AS DATE) <= DATE '${asOfText}'`,
);
const [caseCol, eventCol, dayCol] = reader.getColumnsJS();
const asOf = dayOf(asOfText);
const counts = { met: 0, 'met-late': 0, overdue: 0, 'due-soon': 0, pending: 0 };
let occurrences = 0;
const judgeOpen = (due, end) => {
  const at = end >= 0 ? end : asOf;
  occurrences++;
  if (due < at) counts.overdue++;
  else if (at >= addWd(due, -5)) counts['due-soon']++;
  else counts.pending++;
};
function flush(from, to) {
  const seqs = [];
  let open = false;
  for (let i = from; i < to; i++) {
    const t = eventCol[i];
    const d = dayCol[i];
    if (open && (t === CEASED || t === ADOPTED || t === PLACED)) {
      seqs[seqs.length - 1][1] = d;
      open = t === PLACED;
      if (open) seqs.push([d, -1]);
    } else if (!open && t === BECAME) {
      open = true;
      seqs.push([d, -1]);
    }
  }
  const reviews = [];
  for (let i = from; i < to; i++) if (eventCol[i] === REVIEW) reviews.push(dayCol[i]);
  reviews.sort((a, b) => a - b);
  for (const [s, e] of seqs) {
    let p = s;
    let n = 1;
    for (const r of reviews) {
      if ((n === 1 ? r >= p : r > p) && (e < 0 || r <= e)) {
        const due = n === 1 ? addWd(p, 20) : p + (n === 2 ? 91 : 183);
        occurrences++;
        counts[r <= due ? 'met' : 'met-late']++;
        p = r;
        n++;
      }
    }
    // The open one, judged if it fell due before the sequence ended.
    const due = n === 1 ? addWd(p, 20) : p + (n === 2 ? 91 : 183);
    if (!(e >= 0 && due >= e)) judgeOpen(due, e);
  }
}
let start = 0;
for (let i = 1; i <= caseCol.length; i++) if (i === caseCol.length || caseCol[i] !== caseCol[start]) flush(start, i), (start = i);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
emit({ peer: 'duckdb (node)', rows, occurrences, counts, seconds: +seconds.toFixed(6) });
