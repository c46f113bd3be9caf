// Preloaded with `node --import ./bench/peak-rss.mjs ...`: records the process's
// peak resident memory when it exits, for bench/run.mjs.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  writeFileSync(new URL('./out/peak-rss.json', import.meta.url), JSON.stringify({ maxRssMB }));
});
