// Writes docs/procedures/<id>.md from the rule sets in src/ (`npm run docs`, run by tsx: no build needed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { procedures } from '../src/index';
import { procedureMarkdown } from './procedure-docs';

const dir = fileURLToPath(new URL('../docs/procedures/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const p of procedures) {
  writeFileSync(`${dir}${p.id}.md`, procedureMarkdown(p));
  console.log(`docs/procedures/${p.id}.md`);
}
