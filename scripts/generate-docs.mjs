// Writes docs/procedures/<id>.md from the built package (run `npm run docs`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { procedures, procedureMarkdown } from '../dist/index.js';

const dir = fileURLToPath(new URL('../docs/procedures/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const p of procedures) {
  writeFileSync(`${dir}${p.id}.md`, procedureMarkdown(p));
  console.log(`docs/procedures/${p.id}.md`);
}
