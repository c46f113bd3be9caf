// Benchmarks of docs/architecture.md ("Quality bars"), run with `npm run bench` (which builds first).
// Speed is reported as ratios against peers measured in the same run.
//
// Bench 1: 1,000,000 addWorkingDays(isoString, 20) over dates 2015–2030,
//   against a day-by-day luxon loop (on a sample) and numpy.busday_offset.
// Bench 2: the CLI audit of N looked-after children (about 10 event rows each)
//   at two sizes, against a bare read-and-split of the same file; rows per
//   second, peak memory, and the cost per row at both sizes (linear growth).
//
// Options: --bench 1|2 (default both), --children N (default 100000).
import { spawnSync } from 'node:child_process';
import { mkdirSync, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { createCalendar } from '../dist/index.js';
import { generateCaseloadToFile } from './generate-caseload.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? dflt : args[i + 1];
};
const which = opt('bench', 'all');
const CHILDREN = Number(opt('children', '100000'));
const out = (line) => process.stdout.write(`${line}\n`);
const fmt = (n) => Math.round(n).toLocaleString('en-GB');

/** Seeded ISO dates spread over 2015-01-01 … 2030-12-31. */
function isoDates(n, seed = 42) {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const start = Date.UTC(2015, 0, 1) / 86400000;
  const span = Date.UTC(2030, 11, 31) / 86400000 - start + 1;
  const out = new Array(n);
  for (let i = 0; i < n; i++) out[i] = new Date((start + Math.floor(rand() * span)) * 86400000).toISOString().slice(0, 10);
  return out;
}

function bench1() {
  out('== Bench 1: addWorkingDays(isoString, 20), 1,000,000 calls, dates 2015–2030');
  const cal = createCalendar();
  const N = 1_000_000;
  const dates = isoDates(N);
  cal.addWorkingDays(dates[0], 20); // builds the calendar's table once
  let best = Infinity;
  let sink = '';
  for (let run = 0; run < 3; run++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < N; i++) sink = cal.addWorkingDays(dates[i], 20);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const ours = N / best;
  out(`safeguarding-timescales: ${fmt(ours)} calls/s (best of 3: ${best.toFixed(3)} s for ${fmt(N)}; last ${sink})`);

  // Peer 1: a day-by-day luxon loop over the same holidays, on a sample.
  const holidays = new Set(cal.holidays('2015-01-01', '2031-12-31').map((h) => h.date));
  const luxonAdd = (iso, n) => {
    let d = DateTime.fromISO(iso, { zone: 'utc' });
    let k = 0;
    while (k < n) {
      d = d.plus({ days: 1 });
      if (d.weekday < 6 && !holidays.has(d.toISODate())) k++;
    }
    return d.toISODate();
  };
  const S = 20_000;
  let mismatches = 0;
  const t1 = process.hrtime.bigint();
  for (let i = 0; i < S; i++) if (luxonAdd(dates[i], 20) !== cal.addWorkingDays(dates[i], 20)) mismatches++;
  const luxonSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
  const luxonRate = S / luxonSeconds;
  out(`peer: day-by-day luxon loop: ${fmt(luxonRate)} calls/s (sample of ${fmt(S)}; ${mismatches} answers differ) → ratio ${(ours / luxonRate).toFixed(0)}× (bar: > 100×)`);

  // Peer 2: numpy.busday_offset, when numpy is available.
  const py = spawnSync('python3', ['bench/peers/numpy_busday.py', 'src/calendar/govuk-bank-holidays.json', String(N)], { cwd: root, encoding: 'utf8' });
  const line = (py.stdout ?? '').trim().split('\n').pop() ?? '';
  let peer;
  try {
    peer = JSON.parse(line);
  } catch {
    peer = { skipped: `python3 could not run the numpy peer (${(py.stderr || py.error?.message || 'no output').trim().split('\n').pop()})` };
  }
  if (peer.skipped) out(`peer: numpy.busday_offset: skipped (${peer.skipped})`);
  else out(`peer: numpy.busday_offset: ${fmt(peer.callsPerSecond)} calls/s (${peer.seconds.toFixed(3)} s, strings in and out) → ratio ${(ours / peer.callsPerSecond).toFixed(2)}× (bar: > 1×)`);
}

function timed(cmd, cmdArgs) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, cmdArgs, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { seconds, stdout: r.stdout, stderr: r.stderr };
}

function bench2() {
  out(`\n== Bench 2: CLI audit of looked-after children (lac-review review sequence rules), end to end`);
  mkdirSync(`${root}bench/out`, { recursive: true });
  const rules = 'review-cycle,review-after-carer-change,review-after-placement-order,placement-order-not-placed,long-term-foster-meeting';
  const sizes = [Math.round(CHILDREN / 4), CHILDREN];
  const perRow = [];
  for (const children of sizes) {
    const file = `${root}bench/out/caseload-${children}.csv`;
    if (!existsSync(file)) generateCaseloadToFile({ children, seed: 1, out: file });
    const split = timed(process.execPath, ['bench/peers/read-split.mjs', file]);
    const peer = JSON.parse(split.stdout.trim().split('\n').pop());
    const audit = timed(process.execPath, [
      '--import',
      './bench/peak-rss.mjs',
      'dist/cli.js',
      'audit',
      '--procedure',
      'lac-review',
      '--as-of',
      '2024-12-31',
      '--rules',
      rules,
      '--format',
      'csv',
      '--out',
      `${root}bench/out/results-${children}.csv`,
      file,
    ]);
    const rss = JSON.parse(readFileSync(`${root}bench/out/peak-rss.json`, 'utf8'));
    const rows = peer.rows;
    const summary = audit.stderr.trim().split('\n').filter((l) => l.startsWith('timescales:')).pop();
    perRow.push(audit.seconds / rows);
    out(`${fmt(children)} children, ${fmt(rows)} rows: audit ${audit.seconds.toFixed(2)} s = ${fmt(rows / audit.seconds)} rows/s, peak RSS ${fmt(rss.maxRssMB)} MB (bar: < 1024 MB)`);
    out(`  peer: read-and-split ${peer.seconds.toFixed(2)} s = ${fmt(peer.rowsPerSecond)} rows/s → audit takes ${(audit.seconds / peer.seconds).toFixed(1)}× the floor (bar: ≤ 5×)`);
    out(`  ${summary}`);
  }
  out(`cost per row: ${(perRow[0] * 1e6).toFixed(2)} µs at ${fmt(sizes[0])} children, ${(perRow[1] * 1e6).toFixed(2)} µs at ${fmt(sizes[1])} (ratio ${(perRow[1] / perRow[0]).toFixed(2)}; ≈ 1 means linear growth)`);
}

if (which === 'all' || which === '1') bench1();
if (which === 'all' || which === '2') bench2();
