/** Issue 13, item 5: bytes that are not UTF-8 never become U+FFFD and never merge two children. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TimescalesInputError } from '../../src/errors';
import { readEventsCsv } from '../../src/io/events-csv';
import { readNdjson } from '../../src/io/ndjson';
import { readCinCensus } from '../../src/io/cin-census';
import { InputFileError, readSourceText } from '../../src/io/source';
import { run } from '../cli/harness';

const dir = mkdtempSync(join(tmpdir(), 'ts-enc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `A\xe9` and `A\xe8`: Windows-1252 é and è, two children. */
const latin = Buffer.concat([
  Buffer.from('case_id,event,date\n'),
  Buffer.from([0x41, 0xe9]),
  Buffer.from(',became-looked-after,2024-03-01\n'),
  Buffer.from([0x41, 0xe8]),
  Buffer.from(',became-looked-after,2024-03-02\n'),
]);
const file = join(dir, 'latin.csv');
writeFileSync(file, latin);

async function refusal(p: Promise<unknown>): Promise<InputFileError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputFileError);
  return err as InputFileError;
}

describe('input that is not UTF-8 (issue 13, item 5)', () => {
  it('refuses a Windows-1252 events CSV, naming the file, the line and the byte, and how to convert it', async () => {
    const e = await refusal(readEventsCsv({ path: file }));
    expect(e.file).toBe(file);
    expect(e.line).toBe(2);
    expect(e.message).toBe(
      `${file}:2: the file is not UTF-8 text: byte 2 of the line (0xE9) is not UTF-8 (no value is read with a replacement character, so two different ids never become one); convert it (\`iconv -f windows-1252 -t utf-8 in.csv > out.csv\`) or read it as Windows-1252 (--encoding windows-1252)`,
    );
  });

  it('finds the bad byte far into a file, past the first chunk, with its line', async () => {
    const head = 'case_id,event,date\n' + 'C1,became-looked-after,2024-03-01\n'.repeat(20000);
    const big = join(dir, 'big.csv');
    writeFileSync(big, Buffer.concat([Buffer.from(head), Buffer.from('C\xff2,x,2024-03-01\n', 'latin1')]));
    const e = await refusal(readEventsCsv({ path: big }));
    expect(e.line).toBe(20002); // header 1, 20000 rows on lines 2..20001, the bad row on 20002
  });

  it('counts a CRLF cut by a chunk boundary once when naming the line of a bad byte', async () => {
    // Header 'case_id,event,date\r\n' (20 bytes) and 7,488 rows of 35 bytes end at byte 262,100; a row of 45 bytes
    // ('C0,x,' + 38 × 'x' + CRLF) puts its CR at byte 262,143, the last of the first 256 KiB chunk, and its LF at 262,144.
    const filler = 'C1,became-looked-after,2024-03-01\r\n';
    let text = 'case_id,event,date\r\n' + filler.repeat(7488);
    expect(text.length).toBe(262100);
    text += `C0,x,${'x'.repeat(38)}\r\n`;
    expect(text.indexOf('\r', 262100)).toBe(262143);
    text += filler.repeat(10);
    const crlf = join(dir, 'crlf.csv');
    writeFileSync(crlf, Buffer.concat([Buffer.from(text), Buffer.from('C\xff2,x,2024-03-01\r\n', 'latin1')]));
    const e = await refusal(readEventsCsv({ path: crlf }));
    // Header line 1, rows on lines 2..7489, the 45-byte row on 7490, ten more on 7491..7500, the bad row on 7501.
    expect(e.line).toBe(7501);
    expect(e.message).toContain(`${crlf}:7501: the file is not UTF-8 text: byte 2 of the line (0xFF) is not UTF-8`);
  });

  it.runIf(process.platform === 'linux')('names the line of a bad byte past the first chunk of a pipe, which cannot be read again', async () => {
    const head = 'case_id,event,date\n' + 'C1,became-looked-after,2024-03-01\n'.repeat(20000);
    const fifo = join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const writing = writeFile(fifo, Buffer.concat([Buffer.from(head), Buffer.from('C\xff2,x,2024-03-01\n', 'latin1')]));
    const e = await refusal(readEventsCsv({ path: fifo }));
    await writing.catch(() => undefined); // the reader may stop before the writer closes its end
    expect(e.line).toBe(20002); // header 1, 20000 rows on lines 2..20001, the bad row on 20002
    expect(e.message).toContain(`${fifo}:20002: the file is not UTF-8 text: byte 2 of the line (0xFF) is not UTF-8`);
  });

  it('keeps a UTF-8 character cut by a chunk boundary', async () => {
    // 256 KiB chunks: put the two bytes of "é" (C3 A9) either side of byte 262144.
    const prefix = 'case_id,event,date\n';
    const filler = 'C1,became-looked-after,2024-03-01\n';
    const n = Math.floor((262143 - prefix.length) / filler.length) - 1;
    let text = prefix + filler.repeat(n);
    text += `C0,x,${'x'.repeat(262143 - text.length - 6)}\n`; // a row of 3 cells ending at byte 262143 (not a date: reported)
    const cut = join(dir, 'cut.csv');
    writeFileSync(cut, Buffer.concat([Buffer.from(text), Buffer.from('\u00e9,became-looked-after,2024-03-02\n')]));
    const r = await readEventsCsv({ path: cut });
    expect(text.length).toBe(262143);
    expect(r.cases.map((c) => c.id)).toContain('\u00e9');
  });

  it('reads the bytes 0x80-0x9F of windows-1252 as Windows-1252, not as ISO-8859-1 (€, curly quotes)', async () => {
    // 0x80 is € (U+20AC), 0x93 and 0x94 are “ and ” (U+201C, U+201D); ISO-8859-1 would give the controls U+0080, U+0093, U+0094.
    const bytes = Buffer.concat([Buffer.from('case_id,event,date\nA'), Buffer.from([0x80, 0x93, 0x94]), Buffer.from(',became-looked-after,2024-03-01\n')]);
    const path = join(dir, 'cp1252-high.csv');
    writeFileSync(path, bytes);
    const r = await readEventsCsv({ path, encoding: 'windows-1252' });
    expect(r.cases.map((c) => c.id)).toEqual(['A\u20ac\u201c\u201d']);
    expect(await readSourceText({ path, encoding: 'windows-1252' })).toBe('case_id,event,date\nA\u20ac\u201c\u201d,became-looked-after,2024-03-01\n');
  });

  it('reads it with encoding windows-1252 as two children', async () => {
    const r = await readEventsCsv({ path: file, encoding: 'windows-1252' });
    expect(r.cases.map((c) => c.id)).toEqual(['A\u00e9', 'A\u00e8']);
    expect(r.counts).toEqual({ read: 2, used: 2, reported: 0 });
  });

  it('refuses NDJSON and CIN census files that are not UTF-8 the same way', async () => {
    const nd = join(dir, 'latin.ndjson');
    writeFileSync(nd, Buffer.concat([Buffer.from('{"id":"A'), Buffer.from([0xe9]), Buffer.from('","events":[]}\n')]));
    expect((await refusal(readNdjson({ path: nd }))).line).toBe(1);
    const xml = join(dir, 'latin.xml');
    writeFileSync(xml, Buffer.concat([Buffer.from('<Message>\n<Children><Child><ChildIdentifiers><LAchildID>A'), Buffer.from([0xe9]), Buffer.from('</LAchildID></ChildIdentifiers></Child></Children></Message>\n')]));
    expect((await refusal(readCinCensus({ path: xml }))).line).toBe(2);
    const r = await readCinCensus({ path: xml, encoding: 'windows-1252' });
    expect(r.cases.map((c) => c.id)).toEqual(['A\u00e9']);
  });

  it('names a UTF-16 file as such', async () => {
    const u16 = join(dir, 'u16.csv');
    writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('case_id,event,date\n', 'utf16le')]));
    expect((await refusal(readEventsCsv({ path: u16 }))).message).toContain('it looks like UTF-16');
  });

  it('rejects an unknown encoding name', async () => {
    await expect(readEventsCsv({ path: file, encoding: 'ebcdic' as 'utf-8' })).rejects.toThrow(TimescalesInputError);
  });

  it('the CLI exits 2 naming the file and line, and --encoding windows-1252 audits two cases', async () => {
    const bad = await run('audit', '--procedure', 'lac-review', '--as-of', '2024-06-30', file);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(`${file}:2: the file is not UTF-8 text`);
    const ok = await run('audit', '--procedure', 'lac-review', '--as-of', '2024-06-30', '--encoding', 'windows-1252', file);
    expect(ok.code).toBe(0);
    expect(ok.err).toContain('2 cases');
    const unknown = await run('audit', '--procedure', 'lac-review', '--as-of', '2024-06-30', '--encoding', 'latin9', file);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--encoding: "latin9"');
  });
});
