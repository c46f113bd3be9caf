/**
 * The layering of docs/architecture.md, read from the imports of every file
 * in src/: cli → testing → io → audit → procedures → engine → calendar. A file may
 * import its own layer or one below it; only the cli and testing (the two
 * layers above every other) import the public index;
 * the core (calendar, engine, procedures) imports no Node built-in module.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const LAYERS = ['calendar', 'engine', 'procedures', 'audit', 'io', 'testing', 'cli'] as const;
/** The layers that may import the public index: they sit above everything it re-exports. */
const ABOVE_INDEX = new Set(['testing', 'cli']);
const CORE = new Set(['calendar', 'engine', 'procedures']);
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  const patterns = [
    /(?:^|[\s;])(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /(?:^|[\s;])import\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) out.push(m[1]!);
  return out;
}

/** The layer of a path inside src/ ('index' and 'errors' for the two files at the top). */
function layerOf(path: string): string {
  const rel = relative(SRC, path).split(/[\\/]/);
  if (rel.length === 1) return rel[0]!.replace(/\.tsx?$/, '');
  return rel[0]!;
}

const files = sourceFiles(SRC);
const edges = files.flatMap((file) =>
  importsOf(readFileSync(file, 'utf8')).map((spec) => ({
    file: relative(SRC, file),
    from: layerOf(file),
    spec,
    to: spec.startsWith('.') ? layerOf(resolve(dirname(file), spec)) : undefined,
  })),
);

describe('the layers of src/ (docs/architecture.md)', () => {
  it('finds the imports it checks (the reader of imports works)', () => {
    expect(importsOf(`import { a } from './x';\nexport * from "../y";\nimport type {\n  B,\n} from '../z';\nimport 'side';\nconst m = await import('node:fs');`)).toEqual(
      ['./x', '../y', '../z', 'side', 'node:fs'],
    );
    expect(files.length).toBeGreaterThan(20);
    expect(edges.filter((e) => e.to !== undefined).length).toBeGreaterThan(50);
  });

  it('has every file in a known layer', () => {
    const unknown = files.map((f) => layerOf(f)).filter((l) => !(LAYERS as readonly string[]).includes(l) && l !== 'index' && l !== 'errors');
    expect(unknown).toEqual([]);
  });

  it('points every import down the layers (or within its own)', () => {
    const rank = (l: string) => (LAYERS as readonly string[]).indexOf(l);
    const upward = edges
      .filter((e) => e.to !== undefined && e.to !== 'errors' && e.from !== 'index')
      .filter((e) => (e.to === 'index' ? !ABOVE_INDEX.has(e.from) : rank(e.from) >= 0 && rank(e.to!) > rank(e.from)))
      .map((e) => `${e.file} imports ${e.spec} (${e.from} → ${e.to})`);
    expect(upward).toEqual([]);
  });

  it('keeps the core free of I/O: calendar, engine and procedures import no Node built-in', () => {
    const io = edges.filter((e) => CORE.has(e.from) && BUILTINS.has(e.spec)).map((e) => `${e.file} imports ${e.spec}`);
    expect(io).toEqual([]);
  });

  it('keeps the public index free of the layers above it (testing is its own entry point)', () => {
    expect(edges.filter((e) => e.from === 'index' && e.to !== undefined && ABOVE_INDEX.has(e.to)).map((e) => e.spec)).toEqual([]);
  });

  it('lets errors.ts import nothing from the layers', () => {
    expect(edges.filter((e) => e.from === 'errors' && e.to !== undefined).map((e) => e.spec)).toEqual([]);
  });
});
