// Bench: the CIN census reader (issue 13, items 6 and 7). Run with
//   npm run build && node bench/cin-census.mjs [--sizes 50,200] [--one-line-mb 20]
//
// For each size (MB of generated XML, bench/generate-cin-census.mjs) it runs,
// each in its own process so that peak memory (max RSS) is its own:
//   - scan:   a bare stream read of the file counting "<Child>" (the floor);
//   - stream: streamCinCensus, one child in memory at a time (cases counted, not kept);
//   - read:   readCinCensus, which returns every case (memory grows with the cases, not the XML).
// Printed: seconds, MB/s, peak RSS, and the ratios against the floor and
// between the sizes. Then the same number of MB pretty-printed and on one
// line: the times should be about equal (the old reader was quadratic on one line).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateCinCensusToFile } from './generate-cin-census.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? dflt : args[i + 1];
};
const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = `${here}out/`;
const out = (line) => process.stdout.write(`${line}\n`);

// --- child process: one measurement -------------------------------------
if (args[0] === '--measure') {
  const [, mode, path] = args;
  const t = process.hrtime.bigint();
  let cases = 0;
  let events = 0;
  if (mode === 'scan') {
    const { createReadStream } = await import('node:fs');
    let carry = '';
    for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
      const text = carry + chunk;
      for (let i = text.indexOf('<Child>'); i !== -1; i = text.indexOf('<Child>', i + 1)) cases++;
      carry = text.slice(-6);
    }
  } else {
    const lib = await import('../dist/index.js');
    if (mode === 'stream') {
      for await (const c of lib.streamCinCensus({ path }, { procedure: 'cp-conference' })) {
        if (c.case) {
          cases++;
          events += c.case.events.length;
        }
      }
    } else {
      const r = await lib.readCinCensus({ path }, { procedure: 'cp-conference' });
      cases = r.cases.length;
      events = r.stats.events;
    }
  }
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  process.stdout.write(JSON.stringify({ seconds, cases, events }));
  process.exit(0);
}

// --- driver ---------------------------------------------------------------
if (!existsSync(`${here}../dist/index.js`)) {
  out('build first: npm run build');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

function measure(mode, path) {
  const r = spawnSync(process.execPath, ['--import', `${here}peak-rss.mjs`, `${here}cin-census.mjs`, '--measure', mode, path], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${mode} ${path}: exit ${r.status}\n${r.stderr}`);
  const { maxRssMB } = JSON.parse(readFileSync(`${outDir}peak-rss.json`, 'utf8'));
  return { ...JSON.parse(r.stdout), maxRssMB };
}

async function file(mb, oneLine) {
  const path = `${outDir}cin-census-${mb}mb${oneLine ? '-one-line' : ''}.xml`;
  if (!existsSync(path)) await generateCinCensusToFile({ mb, path, oneLine });
  return path;
}

const sizes = opt('sizes', '50,200').split(',').map(Number);
out(`== Bench: CIN census reader (node ${process.version})`);
const rows = [];
for (const mb of sizes) {
  const path = await file(mb, false);
  const size = statSync(path).size / 1024 / 1024;
  for (const mode of ['scan', 'stream', 'read']) {
    const m = measure(mode, path);
    rows.push({ mb, mode, ...m });
    out(`${size.toFixed(0).padStart(4)} MB  ${mode.padEnd(6)}  ${m.seconds.toFixed(2).padStart(6)} s  ${(size / m.seconds).toFixed(1).padStart(6)} MB/s  peak RSS ${m.maxRssMB.toFixed(0).padStart(5)} MB  (${m.cases.toLocaleString('en-GB')} children${mode === 'scan' ? '' : `, ${m.events.toLocaleString('en-GB')} events`})`);
  }
}
const at = (mb, mode) => rows.find((r) => r.mb === mb && r.mode === mode);
for (const mb of sizes) out(`${mb} MB: stream ÷ scan time ${(at(mb, 'stream').seconds / at(mb, 'scan').seconds).toFixed(1)}×`);
if (sizes.length >= 2) {
  const [a, b] = [sizes[0], sizes[sizes.length - 1]];
  for (const mode of ['stream', 'read']) {
    out(`${mode}: ${b} MB ÷ ${a} MB: time ${(at(b, mode).seconds / at(a, mode).seconds).toFixed(2)}× (size ${(b / a).toFixed(1)}×), peak RSS ${(at(b, mode).maxRssMB / at(a, mode).maxRssMB).toFixed(2)}×`);
  }
}
const oneMb = Number(opt('one-line-mb', '20'));
const pretty = measure('stream', await file(oneMb, false));
const oneLine = measure('stream', await file(oneMb, true));
out(`${oneMb} MB on one line: ${oneLine.seconds.toFixed(2)} s, peak RSS ${oneLine.maxRssMB.toFixed(0)} MB; pretty-printed (${oneMb} MB): ${pretty.seconds.toFixed(2)} s; one-line ÷ pretty ${(oneLine.seconds / pretty.seconds).toFixed(2)}× (${oneLine.cases.toLocaleString('en-GB')} vs ${pretty.cases.toLocaleString('en-GB')} children: no indentation, so more children per MB)`);
