#!/usr/bin/env node
import { systemReason } from './context';
import { main } from './main';

// A reader that stops early (`timescales rules lac-review | head -3`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    // Any other failed write (a full disk: `> /dev/full`) is its own exit code, 3, with one line.
    const name = stream === process.stdout ? 'stdout' : 'stderr';
    if (stream !== process.stderr) process.stderr.write(`timescales: cannot write to ${name} (${systemReason(err)})\n`);
    process.exit(3);
  });
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
