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
 */

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

export function shuffledCaseload(seed: number, prefix: string, cases = 30): string {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const rows: string[] = [];
  const teams = ['North', 'South', 'East'];
  const workers = ['Ann', 'Bob', 'Cy'];
  for (let i = 0; i < cases; i++) {
    const id = i === 0 ? 'SHARED' : `${prefix}${String(i).padStart(3, '0')}`;
    const start = day('2023-01-02', Math.floor(rnd() * 400));
    const dob = day('2010-01-01', Math.floor(rnd() * 2000));
    const team = pick(teams);
    const worker = pick(workers);
    rows.push([id, 'became-looked-after', start, dob, rnd() < 0.5 ? worker : '', team, 'start', 'TRUE', ''].join(','));
    let at = 0;
    for (let r = 0; r < 2 + Math.floor(rnd() * 4); r++) {
      at += r === 0 ? 15 + Math.floor(rnd() * 10) : 90 + Math.floor(rnd() * 100);
      const note = rnd() < 0.2 ? `"seen at home,\nthen ""school"" r${r}"` : rnd() < 0.2 ? `"plain, with comma ${r}"` : '';
      rows.push([id, 'lac-review', day(start, at), '', rnd() < 0.5 ? worker : '', rnd() < 0.7 ? team : '', `review ${r}`, r % 2 ? 'false' : 'true', note].join(','));
    }
    if (rnd() < 0.4) rows.push([id, 'carer-changed', day(start, Math.floor(rnd() * 300)), '', '', team, '', '', ''].join(','));
  }
  // Two dobs for one case; rows the reader cannot use.
  rows.push(`${prefix}001,lac-review,2024-05-01,2012-02-02,,,,,`);
  rows.push(`${prefix}001,lac-review,2024-06-01,2012-02-03,,,,,`);
  rows.push(`,lac-review,2024-03-01,,,,,,`);
  rows.push(`${prefix}002,lac-reveiw,2024-03-01,,,,,,`);
  rows.push(`${prefix}003,lac-review,2024-02-30,,,,,,`);
  rows.push(`${prefix}004,lac-review`);
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  const first = `FIRST${prefix},became-looked-after,2023-04-03,2011-03-04,,West,start,,`;
  return `case_id,event,date,dob,worker,team,stage,urgent,note\n${first}\n${rows.join('\n')}\n`;
}
