/** Issue 13, item 11: an output that cannot be written is exit 3 with one line naming it and the reason. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../cli/harness';

const dir = mkdtempSync(join(tmpdir(), 'ts-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const csv = join(dir, 'ok.csv');
writeFileSync(csv, 'case_id,event,date\nC1,became-looked-after,2024-03-01\nC1,lac-review,2024-03-20\n');
const audit = ['audit', '--procedure', 'lac-review', '--as-of', '2024-06-30'];

describe('output failures (item 11)', () => {
  it('a bad --out or --problems path is refused before anything is read or written', async () => {
    const r = await run(...audit, '--out', join(dir, 'no', 'such', 'x.csv'), csv);
    expect([r.code, r.out, r.err]).toEqual([3, '', `timescales: --out ${join(dir, 'no', 'such', 'x.csv')}: cannot write there (no such directory)\n`]);
    const p = await run(...audit, '--problems', dir, csv);
    expect([p.code, p.err]).toEqual([3, `timescales: --problems ${dir}: cannot write there (it is a directory)\n`]);
  });

  it.skipIf(!existsSync('/dev/full'))('a full disk on --out is exit 3, one line', async () => {
    const r = await run(...audit, '--out', '/dev/full', csv);
    expect(r.code).toBe(3);
    expect(r.err).toBe('timescales: --out /dev/full: cannot write (no space left on the device)\n');
  });

  it.skipIf(!existsSync('/dev/full'))('a full disk on stdout (`> /dev/full`) is exit 3, one line, no stack trace', () => {
    const bin = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
    const r = spawnSync(`${tsx} ${bin} ${audit.join(' ')} ${csv} > /dev/full`, { shell: true, encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('timescales: cannot write to stdout (no space left on the device)\n');
  });
});
