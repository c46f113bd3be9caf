// Seeded synthetic DfE CIN census XML (Message/Children/Child), written as a
// stream so that files of any size can be made: for bench/cin-census.mjs.
//
//   node bench/generate-cin-census.mjs --mb 50 --out bench/out/cin-50mb.xml [--one-line] [--seed 1]
//
// Each child: ChildIdentifiers (LAchildID, PersonBirthDate) and one or two
// CINdetails with a referral, an assessment, CIN plan dates, a Section47 with
// its ICPC, a child protection plan with 0-5 reviews, and a closure date.
// `--one-line` writes the whole file on one line (issue 13, item 6).
import { createWriteStream } from 'node:fs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? dflt : args[i + 1];
};

function mulberry32(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86400000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

/** One child's XML, pretty-printed (`nl` = '\n', indentation) or on one line (`nl` = ''). */
function childXml(i, rand, nl) {
  const ind = (n) => (nl ? '  '.repeat(n) : '');
  const el = (n, name, value) => `${ind(n)}<${name}>${value}</${name}>${nl}`;
  const dob = Date.UTC(2007, 0, 1) + Math.floor(rand() * 17 * 365) * DAY;
  let x = `${ind(2)}<Child>${nl}${ind(3)}<ChildIdentifiers>${nl}${el(4, 'LAchildID', `C${String(i).padStart(7, '0')}`)}${el(4, 'PersonBirthDate', iso(dob))}${ind(3)}</ChildIdentifiers>${nl}`;
  const details = rand() < 0.3 ? 2 : 1;
  let t = Date.UTC(2021, 3, 1) + Math.floor(rand() * 700) * DAY;
  for (let d = 0; d < details; d++) {
    x += `${ind(3)}<CINdetails>${nl}${el(4, 'CINreferralDate', iso(t))}`;
    x += `${ind(4)}<Assessments>${nl}${el(5, 'AssessmentActualStartDate', iso(t + DAY))}${el(5, 'AssessmentAuthorisationDate', iso(t + 30 * DAY))}${ind(4)}</Assessments>${nl}`;
    x += `${ind(4)}<CINPlanDates>${nl}${el(5, 'CINPlanStartDate', iso(t + 35 * DAY))}${ind(4)}</CINPlanDates>${nl}`;
    x += `${ind(4)}<Section47>${nl}${el(5, 'S47ActualStartDate', iso(t + 3 * DAY))}${el(5, 'DateOfInitialCPC', iso(t + 20 * DAY))}${el(5, 'ICPCnotRequired', 'false')}${ind(4)}</Section47>${nl}`;
    x += `${ind(4)}<ChildProtectionPlans>${nl}${el(5, 'CPPstartDate', iso(t + 20 * DAY))}${ind(5)}<Reviews>${nl}`;
    const reviews = Math.floor(rand() * 6);
    for (let r = 0; r < reviews; r++) x += el(6, 'CPPreviewDate', iso(t + (20 + 90 + 180 * r) * DAY));
    x += `${ind(5)}</Reviews>${nl}${ind(4)}</ChildProtectionPlans>${nl}`;
    x += `${el(4, 'CINclosureDate', iso(t + 400 * DAY))}${ind(3)}</CINdetails>${nl}`;
    t += 420 * DAY;
  }
  return `${x}${ind(2)}</Child>${nl}`;
}

/** Writes a census of about `mb` megabytes to `path`; resolves to { children, bytes }. */
export async function generateCinCensusToFile({ mb, path, oneLine = false, seed = 1 }) {
  const nl = oneLine ? '' : '\n';
  const out = createWriteStream(path);
  const target = mb * 1024 * 1024;
  let bytes = 0;
  const write = async (s) => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await new Promise((r) => out.once('drain', r));
  };
  await write(`<?xml version="1.0" encoding="utf-8"?>${nl}<Message>${nl}${oneLine ? '' : '  '}<Header><Collection>CIN</Collection></Header>${nl}${oneLine ? '' : '  '}<Children>${nl}`);
  let children = 0;
  const rand = mulberry32(seed);
  let chunk = '';
  while (bytes + chunk.length < target) {
    chunk += childXml(++children, rand, nl);
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(`${chunk}${oneLine ? '' : '  '}</Children>${nl}</Message>${nl}`);
  await new Promise((r) => out.end(r));
  return { children, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = opt('out', undefined);
  if (!path) {
    process.stderr.write('usage: node bench/generate-cin-census.mjs --mb 50 --out FILE [--one-line] [--seed 1]\n');
    process.exit(2);
  }
  const t = Date.now();
  const r = await generateCinCensusToFile({ mb: Number(opt('mb', '50')), path, oneLine: args.includes('--one-line'), seed: Number(opt('seed', '1')) });
  process.stderr.write(`${JSON.stringify({ ...r, seconds: (Date.now() - t) / 1000 })}\n`);
}
