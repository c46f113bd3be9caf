/**
 * The fixture format, `checkFixture`/`loadFixtures` and `timescales test`
 * (issue 15). The deliberately wrong fixture is data/wrong/icpc-forgot-easter.json.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFixture, FixtureFileError, loadFixtures, readFixtures, type FixtureInput, FixtureSchema } from '../../src/testing/index';
import { fixtureJsonSchemaText } from '../../src/testing/json-schema';
import { run } from '../cli/harness';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const WRONG = here('./data/wrong/icpc-forgot-easter.json');
const FIXTURES = here('../../fixtures/');
const tmp = mkdtempSync(join(tmpdir(), 'fixtures-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The case of fixtures/cp-conference/icpc-met-on-due-date-easter.json: Wed 20 Mar 2024 + 15 WD skipping Good Friday 29 Mar and Easter Monday 1 Apr → Fri 12 Apr. */
const easter = (expected: FixtureInput['expected'], extra: Partial<FixtureInput> = {}) =>
  FixtureSchema.parse({
    description: 'ICPC over Easter 2024',
    procedure: 'cp-conference',
    asOf: '2024-04-20',
    case: {
      id: 'cp-01',
      events: [
        { type: 'strategy-discussion', date: '2024-03-20', s47: true },
        { type: 'icpc', date: '2024-04-12' },
      ],
    },
    expected,
    ...extra,
  });
const icpcRight = { rule: 'icpc', occurrence: 1, due: '2024-04-12', status: 'met' as const, completed: '2024-04-12', note: '20 Mar + 15 WD skipping 29 Mar, 1 Apr → 12 Apr' };

function write(name: string, content: unknown): string {
  const p = join(tmp, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return p;
}

describe('the JSON Schema of a fixture', () => {
  it('is current: schemas/fixture.schema.json is what `npm run schema` writes', () => {
    expect(readFileSync(here('../../schemas/fixture.schema.json'), 'utf8')).toBe(fixtureJsonSchemaText());
  });

  it('accepts every fixture of the repository as it is written, and the wrong one (it is well formed), and rejects a malformed one', () => {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(here('../../schemas/fixture.schema.json'), 'utf8')));
    const { fixtures } = readFixtures(FIXTURES);
    expect(fixtures.length).toBeGreaterThan(100);
    const rejected = fixtures.filter((f) => !validate(JSON.parse(readFileSync(f.file, 'utf8')))).map((f) => `${f.name}: ${JSON.stringify(validate.errors)}`);
    expect(rejected).toEqual([]);
    expect(validate(JSON.parse(readFileSync(WRONG, 'utf8')))).toBe(true);
    const bad = JSON.parse(readFileSync(WRONG, 'utf8'));
    bad.expected[0].due = '10/04/2024';
    bad.expected[0].statuss = 'met';
    expect(validate(bad)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/expected/0/due', '/expected/0']));
  });
});

describe('checkFixture', () => {
  it('passes a right fixture with exactly { ok: true }', () => {
    expect(checkFixture(easter([icpcRight]))).toEqual({ ok: true });
  });

  it('names the rule, the expected and actual dates and the trace of a wrong result (the deliberately wrong fixture)', () => {
    const [f] = loadFixtures(WRONG);
    const check = checkFixture(f!);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.differences).toHaveLength(1);
    const d = check.differences[0]!;
    expect(d.kind).toBe('mismatch');
    if (d.kind !== 'mismatch') return;
    expect(d.rule).toBe('icpc');
    expect(d.fields).toEqual([
      { field: 'due', expected: '2024-04-10', actual: '2024-04-12' },
      { field: 'status', expected: 'met-late', actual: 'met' },
    ]);
    expect(d.actual.trace.join('\n')).toContain('skipped 2024-03-29 Good Friday, 2024-04-01 Easter Monday');
    expect(d.actual.source.section).toContain('initial child protection conference');
  });

  it('reports an expected result the library does not produce', () => {
    const check = checkFixture(easter([icpcRight, { rule: 'icpc', occurrence: 2, due: '2024-05-01', status: 'met' }]));
    expect(check).toMatchObject({ ok: false, differences: [{ kind: 'missing', rule: 'icpc', occurrence: 2 }] });
  });

  it('reports results of other rules only when strict, results of a rule listed as absent always', () => {
    // The case also produces core-group-first (icpc Fri 12 Apr + 10 WD → Fri 26 Apr), which the fixture does not mention.
    expect(checkFixture(easter([icpcRight]), { strict: false })).toEqual({ ok: true });
    const strict = checkFixture(easter([icpcRight]), { strict: true });
    expect(strict.ok).toBe(false);
    if (!strict.ok) {
      expect(strict.differences.every((d) => d.kind === 'unexpected' && d.reason === 'strict')).toBe(true);
      expect(strict.differences.map((d) => (d.kind === 'unexpected' ? `${d.rule} ${d.actual.due}` : ''))).toContain('core-group-first 2024-04-26');
    }
    const absent = checkFixture(easter([icpcRight], { absent: ['core-group-first'] }));
    expect(absent).toMatchObject({ ok: false, differences: [{ kind: 'unexpected', rule: 'core-group-first', reason: 'absent' }] });
  });

  it('reports data problems the fixture does not expect, and a case it cannot evaluate', () => {
    const f = easter([icpcRight]);
    f.case.events.push({ type: 'no-such-event', date: '2024-04-01' });
    const check = checkFixture(f);
    expect(check).toMatchObject({ ok: false, differences: [{ kind: 'problems', expected: [] }] });
    const bad = checkFixture(easter([icpcRight], { profile: 'no-such-profile' }));
    expect(bad).toMatchObject({ ok: false, differences: [{ kind: 'error' }] });
  });
});

describe('loadFixtures', () => {
  it('names the file and the zod path of an unreadable fixture, and the line and column of bad JSON', () => {
    const wrongDate = JSON.parse(readFileSync(WRONG, 'utf8'));
    wrongDate.expected[0].due = '10/04/2024';
    const p1 = write('bad-date.json', wrongDate);
    const p2 = write('bad-json.json', '{\n  "description": "x",\n  "procedure" "cp-conference"\n}');
    let error: unknown;
    try {
      loadFixtures([p1, p2]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FixtureFileError);
    const faults = (error as FixtureFileError).faults;
    expect(faults[0]).toMatchObject({ file: p1, at: 'expected[0].due' });
    expect(faults[1]).toMatchObject({ file: p2, at: 'line 3, column 15' });
    expect((error as Error).message).toContain(`${p1}: expected[0].due: `);
  });

  it('names fixtures found in a folder by their path inside it', () => {
    const names = loadFixtures(FIXTURES).map((f) => f.name);
    expect(names).toContain('cp-conference/icpc-met-on-due-date-easter.json');
  });
});

describe('timescales test', () => {
  it('runs the repository fixtures with the same count as the vitest suite, all passing (exit 0)', async () => {
    const { code, out } = await run('test', FIXTURES);
    const count = loadFixtures(FIXTURES).length;
    expect(out).toContain(`\n${count} fixtures: ${count} passed, 0 failed\n`);
    expect(code).toBe(0);
  });

  it('prints the diff of the wrong fixture with the trace, and exits 1', async () => {
    const { code, out } = await run('test', WRONG);
    expect(code).toBe(1);
    expect(out).toContain(`FAIL ${WRONG}`);
    expect(out).toContain('icpc #1: Initial child protection conference');
    expect(out).toMatch(/due: +expected 2024-04-10, got 2024-04-12/);
    expect(out).toMatch(/status: +expected met-late, got met/);
    expect(out).toContain('skipped 2024-03-29 Good Friday, 2024-04-01 Easter Monday and 6 weekend days → 2024-04-12');
    expect(out).toContain('1 fixture: 0 passed, 1 failed');
  });

  it('gives the same as data with --format json, and a JUnit report with --junit', async () => {
    const junit = join(tmp, 'report.xml');
    const right = write('right.json', easter([icpcRight]));
    const { code, out } = await run('test', '--format', 'json', '--junit', junit, WRONG, right);
    expect(code).toBe(1);
    const data = JSON.parse(out);
    expect(data.counts).toEqual({ fixtures: 2, passed: 1, failed: 1, errors: 0, unreadable: 0 });
    expect(data.fixtures[0]).toMatchObject({ ok: false, differences: [{ kind: 'mismatch', rule: 'icpc', fields: [{ field: 'due', expected: '2024-04-10', actual: '2024-04-12' }, { field: 'status' }] }] });
    expect(data.fixtures[1]).toEqual({ name: right, file: right, ok: true });
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(readFileSync(junit, 'utf8'));
    expect(xml.testsuites.testsuite).toMatchObject({ tests: '2', failures: '1', errors: '0' });
    const cases = xml.testsuites.testsuite.testcase;
    expect(cases[0].failure['#text']).toContain('expected 2024-04-10, got 2024-04-12');
    expect(cases[1].failure).toBeUndefined();
  });

  it('reports --strict extras, and exits 2 naming the file and path of an unreadable fixture', async () => {
    const right = write('right-strict.json', easter([icpcRight]));
    expect((await run('test', right)).code).toBe(0);
    const strict = await run('test', '--strict', right);
    expect(strict.code).toBe(1);
    expect(strict.out).toContain('core-group-first #1: produced but not expected (the fixture does not mention this rule (--strict))');
    const bad = JSON.parse(readFileSync(WRONG, 'utf8'));
    bad.expected[0].status = 'late';
    const p = write('unreadable.json', bad);
    const r = await run('test', p, right);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`unreadable fixture ${p}: expected[0].status: `);
    expect(r.out).toContain(`PASS ${right}`);
  });
});

describe('README, "Testing your own cases"', () => {
  const readme = readFileSync(here('../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Testing your own cases'), readme.indexOf('\n## ', readme.indexOf('## Testing your own cases') + 5));
  const blocks = (lang: string) => [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

  it('shows exactly the loop that test/testing/readme-example.test.ts runs', () => {
    expect(blocks('ts')).toEqual([readFileSync(here('./readme-example.test.ts'), 'utf8')]);
  });

  it('shows a fixture that is valid and passes, and the command', () => {
    const [json] = blocks('json');
    expect(checkFixture(FixtureSchema.parse(JSON.parse(json!)))).toEqual({ ok: true });
    expect(blocks('sh')).toEqual(['npx timescales test fixtures/\n']);
  });
});
