#!/usr/bin/env node
// Peer for bench 2: the floor any CSV reader pays.
//
//   node bench/peers/read-split.mjs <file.csv>
//
// Streams the file (fs.createReadStream, UTF-8), splits it into lines (LF,
// tolerating CRLF) and each line into cells on ',' (no quoting), and counts
// rows and cells. Nothing is kept. Prints one JSON line:
//   {"peer":"read-split","rows":...,"cells":...,"seconds":...,"rowsPerSecond":...,"peakRssMB":...}
// `rows` counts data rows (non-empty lines after the header), the same count
// an audit reports as rows read. `seconds` is wall time from opening the file
// to the last line.

import { createReadStream } from 'node:fs';

async function readSplit(path) {
  const t0 = process.hrtime.bigint();
  let lines = 0;
  let cells = 0;
  let rest = '';
  const countLine = (line) => {
    if (line.length && line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
    if (line.length === 0) return;
    lines++;
    cells += line.split(',').length;
  };
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  for await (const chunk of stream) {
    const text = rest + chunk;
    let start = 0;
    let nl;
    while ((nl = text.indexOf('\n', start)) !== -1) {
      countLine(text.slice(start, nl));
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  countLine(rest);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const rows = Math.max(0, lines - 1); // minus the header
  return { rows, cells, seconds };
}

async function main() {
  const path = process.argv[2];
  if (!path || path === '-h' || path === '--help') {
    process.stderr.write('usage: node bench/peers/read-split.mjs <file.csv>\n');
    process.exit(2);
  }
  const { rows, cells, seconds } = await readSplit(path);
  const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024); // maxRSS is in KiB
  process.stdout.write(
    JSON.stringify({
      peer: 'read-split',
      rows,
      cells,
      seconds: +seconds.toFixed(6),
      rowsPerSecond: Math.round(rows / seconds),
      peakRssMB,
    }) + '\n',
  );
}

main().catch((err) => {
  process.stderr.write(`read-split: ${err.message}\n`);
  process.exit(1);
});
