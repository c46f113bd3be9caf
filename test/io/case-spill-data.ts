/**
 * A small looked-after caseload whose rows are shuffled (not grouped by case),
 * for comparing the spilled read with the whole read. Deterministic for a seed.
 * The dates are inputs only: the tests compare two reads of the same file and
 * assert no date.
 *
 * Columns: case_id,event,date,dob,worker,team,stage,urgent,note
 * - the first data row is case FIRST's, with a team and no worker, so the
 *   carried columns come in the order team, worker (worker's column is first);
 * - stage, urgent (TRUE/false) and note vary within a case: not carried;
 * - note holds quoted cells with commas, quotes and line breaks (so later
 *   rows' line numbers count the breaks);
 * - a case SHARED (in every file made, so two files share a case id), a case
 *   with two different dobs, and rows with a blank case id, an unknown event,
 *   an impossible date and a wrong number of cells.
 *
 * With `quotes: false` no cell is quoted, so the reader's fast byte path reads
 * every row that is usable, and the note holds what that path must carry
 * through unchanged: tabs, backslashes, non-ASCII text, text that looks like
 * JSON or like a spilled line (`J[1`, `12,`); a few case ids are non-ASCII or
 * start with `J`; two more columns, `valueOf` (a name objects inherit, varying
 * within a case) and `2` (an integer-like name, first among an event's keys;
 * given with the worker, one value a case, so carried), are attributes.
 * `quotedTail` rows (quoted cells with line breaks, quotes, tabs and
 * non-ASCII text, for cases that also have unquoted rows) come after all the
 * shuffled rows: a file big enough has its first quote after the first chunk,
 * so its rows are read both ways. `crlf` ends lines with CRLF, `bom` starts
 * the file with a byte order mark.
 */

export interface CaseloadStyle {
  quotes?: boolean;
  quotedTail?: number;
  crlf?: boolean;
  bom?: boolean;
}

/** mulberry32: a small seeded generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (base: string, plus: number) => new Date(Date.parse(`${base}T00:00:00Z`) + plus * 86400000).toISOString().slice(0, 10);

export function shuffledCaseload(seed: number, prefix: string, cases = 30, style: CaseloadStyle = {}): string {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const quotes = style.quotes ?? true;
  const extra = !quotes;
  const rows: string[] = [];
  const teams = ['North', 'South', 'East'];
  const workers = ['Ann', 'Bob', 'Cy'];
  const odd = ['tab\there', 'back\\slash\\n', 'café 漢字 😀', '{J[1', '12', 'J', ' spaced ', 'TRUE', 'False'];
  const idOf = (i: number) => (i === 0 ? 'SHARED' : extra && i % 7 === 3 ? `Jé${prefix}${i}` : `${prefix}${String(i).padStart(3, '0')}`);
  // valueOf varies within a case; 2 is given with the worker, one value a case: carried, and first met in the same event as worker.
  const more = (r: number, worker: string, i: number) => (extra ? [r % 3 === 0 ? '' : `v${r % 2}`, worker === '' ? '' : `${(i % 3) + 1}`] : []);
  for (let i = 0; i < cases; i++) {
    const id = idOf(i);
    const start = day('2023-01-02', Math.floor(rnd() * 400));
    const dob = day('2010-01-01', Math.floor(rnd() * 2000));
    const team = pick(teams);
    const worker = pick(workers);
    const w0 = rnd() < 0.5 ? worker : '';
    rows.push([id, 'became-looked-after', start, dob, w0, team, 'start', 'TRUE', '', ...more(0, w0, i)].join(','));
    let at = 0;
    for (let r = 0; r < 2 + Math.floor(rnd() * 4); r++) {
      at += r === 0 ? 15 + Math.floor(rnd() * 10) : 90 + Math.floor(rnd() * 100);
      const note = !quotes
        ? rnd() < 0.5
          ? pick(odd)
          : ''
        : rnd() < 0.2
          ? `"seen at home,\nthen ""school"" r${r}"`
          : rnd() < 0.2
            ? `"plain, with comma ${r}"`
            : '';
      const w = rnd() < 0.5 ? worker : '';
      rows.push([id, 'lac-review', day(start, at), '', w, rnd() < 0.7 ? team : '', `review ${r}`, r % 2 ? 'false' : 'true', note, ...more(r + 1, w, i)].join(','));
    }
    if (rnd() < 0.4) rows.push([id, 'carer-changed', day(start, Math.floor(rnd() * 300)), '', '', team, '', '', '', ...more(9, '', i)].join(','));
  }
  // Two dobs for one case; rows the reader cannot use.
  const blanks = extra ? ',,' : '';
  rows.push(`${prefix}001,lac-review,2024-05-01,2012-02-02,,,,,${blanks}`);
  rows.push(`${prefix}001,lac-review,2024-06-01,2012-02-03,,,,,${blanks}`);
  rows.push(`,lac-review,2024-03-01,,,,,,${blanks}`);
  rows.push(`${prefix}002,lac-reveiw,2024-03-01,,,,,,${blanks}`);
  rows.push(`${prefix}003,lac-review,2024-02-30,,,,,,${blanks}`);
  rows.push(`${prefix}004,lac-review`);
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  for (let t = 0; t < (style.quotedTail ?? 0); t++) {
    const id = idOf(1 + (t % Math.max(1, cases - 1)));
    const note = ['"two\nlines, ""quoted"""', '"tab\tand \\ back"', '"é 漢字\r\nCRLF inside"', '"J[1,""x""]"'][t % 4]!;
    // A dob for case 1 differing from the one its rows give: a conflict found across the two ways of reading.
    const dob = t === 0 ? '2012-02-04' : '';
    rows.push([id, 'lac-review', day('2024-01-01', t), dob, '', 'North', `tail ${t}`, t % 2 ? 'FALSE' : '', note, ...more(t, '', 0)].join(','));
  }
  const header = `case_id,event,date,dob,worker,team,stage,urgent,note${extra ? ',valueOf,2' : ''}`;
  const first = `FIRST${prefix},became-looked-after,2023-04-03,2011-03-04,,West,start,,${blanks}`;
  const end = style.crlf ? '\r\n' : '\n';
  return `${style.bom ? '\ufeff' : ''}${header}${end}${first}${end}${rows.join(end)}${end}`;
}
