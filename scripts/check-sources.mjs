// Maintainers' check: every quote and section heading a rule cites from a
// local source document occurs word for word in that document.
//
//   npm run check:sources -- DIR
//
// DIR holds the source documents as plain text files, named by the `file` of
// each document a procedure declares in its `sources` (e.g.
// 004_22f6b4b0b53c9c78.txt). The documents are other people's prose
// and are not part of the repository, so `npm test` does not need them; CI
// runs this check when it has them. Whitespace runs (including no-break
// spaces) are collapsed to one space on both sides before comparing.
//
// Exit codes: 0 every quote found; 1 some quote or heading not found, or a
// cited document missing from DIR; 2 usage error.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { procedures } from '../dist/index.js';

const dir = process.argv[2];
if (!dir || !existsSync(dir) || !statSync(dir).isDirectory()) {
  process.stderr.write('usage: npm run check:sources -- DIR (a directory holding the source documents as .txt files)\n');
  process.exit(2);
}

const collapse = (text) => text.replace(/\s+/g, ' ').trim();
const texts = new Map(
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f, collapse(readFileSync(join(dir, f), 'utf8'))]),
);

/** Every source reference of the built-in procedures, with where it is cited and the file of the document it names. */
function* references() {
  for (const p of procedures) {
    const fileOf = (ref) => p.sources.find((d) => d.document === ref.document)?.file;
    for (const [i, s] of p.sources.entries()) yield [`${p.id} sources[${i}]`, s, fileOf(s)];
    for (const r of p.rules) yield [`${p.id}/${r.id}`, r.source, fileOf(r.source)];
    for (const [name, profile] of Object.entries(p.profiles ?? {})) if (profile.source) yield [`${p.id} profile ${name}`, profile.source, fileOf(profile.source)];
  }
}

let checked = 0;
const failures = [];
for (const [where, ref, file] of references()) {
  if (!file) continue; // national guidance or legislation: cited, not quoted from a local file
  const text = texts.get(file);
  if (text === undefined) {
    failures.push(`${where}: ${file} is not in ${dir}`);
    continue;
  }
  checked++;
  if (ref.quote !== undefined && !text.includes(collapse(ref.quote))) failures.push(`${where}: quote not found in ${file}: "${ref.quote}"`);
  for (const part of (ref.section ?? '').split(' > ').filter(Boolean)) {
    if (!text.includes(collapse(part))) failures.push(`${where}: section heading not found in ${file}: "${part}"`);
  }
}

for (const f of failures) process.stderr.write(`check:sources: ${f}\n`);
process.stdout.write(`check:sources: ${checked} references to local documents checked against ${texts.size} files in ${dir}; ${failures.length} problem${failures.length === 1 ? '' : 's'}\n`);
process.exit(failures.length ? 1 : 0);
