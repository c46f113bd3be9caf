/** Issue 13, items 14 and 16: control characters are escaped for the terminal; echoed values are cut with their full length. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forTerminal, renderTable } from '../../src/cli/table';
import { clip } from '../../src/engine/problems';
import { TimescalesInputError } from '../../src/errors';
import { run } from '../cli/harness';

const dir = mkdtempSync(join(tmpdir(), 'ts-disp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('control characters in table output (item 14)', () => {
  it('escapes ESC, OSC/BEL, CR, NUL, DEL, C1 and bidi controls', () => {
    expect(forTerminal('A\x1b[31mB')).toBe('A\\x1b[31mB');
    expect(forTerminal('\x1b]0;title\x07')).toBe('\\x1b]0;title\\x07');
    expect(forTerminal('a\rb\0c\x7f\x9b\u202e')).toBe('a\\x0db\\x00c\\x7f\\x9b\\u202e');
    expect(forTerminal('Zoë O\'Brien-Smith')).toBe('Zoë O\'Brien-Smith');
    expect(renderTable(['id'], [['\x1b[2J']])).toBe('id\n-------\n\\x1b[2J\n');
  });

  it('the audit table shows a hostile case id escaped (stderr lines go through forTerminal too)', async () => {
    const file = join(dir, 'esc.csv');
    writeFileSync(file, 'case_id,event,date\n"X\x1b[31mRED\r",became-looked-after,2024-03-01\n"Y\x1b]0;pwned\x07",became-looked-after,2024-03-01\n');
    const r = await run('audit', '--procedure', 'lac-review', '--rules', 'review-cycle', '--all-rules', '--as-of', '2024-06-30', '--format', 'table', file);
    expect(r.out).toContain('X\\x1b[31mRED\\x0d');
    expect(r.out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });
});

describe('echoed values are cut (item 16)', () => {
  it('clip keeps 200 characters, an ellipsis and the full length', () => {
    expect(clip('x'.repeat(300))).toBe(`${'x'.repeat(200)}… (300 characters)`);
    expect(clip('short')).toBe('short');
  });

  it('a 100 KB procedure id gives a short error line', async () => {
    const id = 'p'.repeat(100_000);
    const e = new TimescalesInputError('procedure', id, 'a known procedure');
    expect(e.message).toBe(`procedure: "${'p'.repeat(80)}"… (100,000 characters) is not valid (expected a known procedure)`);
    const r = await run('audit', '--procedure', id, '--as-of', '2024-06-30', join(dir, 'esc.csv'));
    expect(r.code).toBe(2);
    expect(r.err.length).toBeLessThan(2000);
    expect(r.err).toContain('(100,000 characters)');
  });
});
