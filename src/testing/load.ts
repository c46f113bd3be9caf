/**
 * Reading fixture files: the folder walk, JSON, and the schema's verdict,
 * each fault naming the file and where in it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { z } from 'zod';
import { procedures } from '../index';
import { FixtureSchema, type LoadedFixture } from './schema';

/** One unreadable fixture: the file, where in it (a zod path such as `expected[0].due`, or line and column of bad JSON), and why. */
export interface FixtureFault {
  file: string;
  /** Where in the file: `expected[0].due`, `line 3, column 7`, or '' for the whole file. */
  at: string;
  message: string;
}

/** Thrown by `loadFixtures` when a fixture cannot be read; `faults` lists every one. */
export class FixtureFileError extends Error {
  readonly faults: FixtureFault[];
  constructor(faults: FixtureFault[]) {
    super(faults.map(faultText).join('\n'));
    this.name = 'FixtureFileError';
    this.faults = faults;
  }
}

export function faultText(f: FixtureFault): string {
  return `${f.file}: ${f.at ? `${f.at}: ` : ''}${f.message}`;
}

/** `['expected', 0, 'due']` → `expected[0].due`. */
export function zodPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}

/** Every `.json` file under a folder, in name order (hidden folders and node_modules skipped). */
function jsonFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const d of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (d.name.startsWith('.') || d.name === 'node_modules') continue;
    const p = join(dir, d.name);
    if (d.isDirectory()) out.push(...jsonFilesUnder(p));
    else if (d.isFile() && d.name.endsWith('.json')) out.push(p);
  }
  return out;
}

/** Line and column (from 1) of a character offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Reads one fixture file: the fixture, or its faults. */
export function readFixtureFile(file: string, name: string = file): { fixture?: LoadedFixture; faults: FixtureFault[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { faults: [{ file, at: '', message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    return { faults: [{ file, at: pos ? lineColumn(text, Number(pos[1])) : '', message: `not valid JSON (${message})` }] };
  }
  const parsed = FixtureSchema.safeParse(data);
  if (!parsed.success) {
    return { faults: parsed.error.issues.map((i: z.core.$ZodIssue) => ({ file, at: zodPath(i.path), message: i.message })) };
  }
  if (!procedures.some((p) => p.id === parsed.data.procedure)) {
    return { faults: [{ file, at: 'procedure', message: `unknown procedure "${parsed.data.procedure}" (one of ${procedures.map((p) => p.id).join(', ')})` }] };
  }
  return { fixture: { ...parsed.data, name, file }, faults: [] };
}

/**
 * Reads the fixtures at the given paths (files, or folders searched for
 * `.json` files at any depth). A fixture's `name` is its path relative to the
 * folder it was found in, or the path as given for a file.
 */
export function readFixtures(paths: string | readonly string[]): { fixtures: LoadedFixture[]; faults: FixtureFault[] } {
  const fixtures: LoadedFixture[] = [];
  const faults: FixtureFault[] = [];
  for (const path of typeof paths === 'string' ? [paths] : paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch (e) {
      faults.push({ file: path, at: '', message: `no such file or folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      continue;
    }
    const files = isDir ? jsonFilesUnder(path).map((f) => ({ file: f, name: relative(path, f).split(sep).join('/') })) : [{ file: path, name: path }];
    if (isDir && files.length === 0) faults.push({ file: path, at: '', message: 'no fixture files (*.json) in this folder' });
    for (const { file, name } of files) {
      const r = readFixtureFile(file, name);
      if (r.fixture) fixtures.push(r.fixture);
      faults.push(...r.faults);
    }
  }
  return { fixtures, faults };
}

/**
 * The fixtures at the given paths, for a test runner:
 * `for (const f of loadFixtures('fixtures')) test(f.name, () => expect(checkFixture(f)).toEqual({ ok: true }))`.
 * Throws a `FixtureFileError` naming every unreadable file and where in it.
 */
export function loadFixtures(paths: string | readonly string[]): LoadedFixture[] {
  const { fixtures, faults } = readFixtures(paths);
  if (faults.length) throw new FixtureFileError(faults);
  return fixtures;
}
