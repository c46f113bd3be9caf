/**
 * `timescales test PATH...`: runs fixture files (docs/fixtures.md) and says,
 * per fixture, pass or how the library's results differ from the hand-worked
 * ones. Exit 0 all pass, 1 some fail, 2 a fixture could not be read or run.
 */
import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { checkFixture, faultText, junitReport, outcomeText, readFixtures, type FixtureOutcome } from '../../testing/index';
import type { CommandContext } from '../common';

interface TestOptions {
  format: 'text' | 'json';
  junit?: string;
  strict?: boolean;
}

export function registerTestCommand(program: Command, { io, print, setExitCode }: CommandContext): void {
  program
    .command('test')
    .description('run fixture files (one case and its hand-worked results each): pass, or a diff with the trace of each wrong result')
    .argument('<paths...>', 'fixture files (.json) or folders searched for them at any depth')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--junit <file>', 'also write a JUnit XML report (for CI servers)')
    .option('--strict', 'also report results of rules the fixture does not mention')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  timescales test fixtures/',
        '  timescales test --strict my-cases/child-a.json',
        '  timescales test fixtures/ --junit reports/fixtures.xml',
        '',
        'Exit codes: 0 every fixture passed; 1 some failed; 2 a fixture could not be read (file and place named) or run.',
      ].join('\n'),
    )
    .action((paths: string[], o: TestOptions) => {
      const { fixtures, faults } = readFixtures(paths);
      const outcomes: FixtureOutcome[] = fixtures.map((f) => ({ name: f.name, file: f.file, check: checkFixture(f, { strict: Boolean(o.strict) }) }));
      const failed = outcomes.filter((x) => !x.check.ok);
      const errored = failed.filter((x) => !x.check.ok && x.check.differences.some((d) => d.kind === 'error'));
      const unreadableFiles = new Set(faults.map((f) => f.file)).size;
      const counts = { fixtures: outcomes.length, passed: outcomes.length - failed.length, failed: failed.length - errored.length, errors: errored.length, unreadable: unreadableFiles };
      if (o.format === 'json') {
        print(
          JSON.stringify(
            { counts, fixtures: outcomes.map((x) => ({ name: x.name, file: x.file, ...x.check })), unreadable: faults },
            null,
            2,
          ),
        );
      } else {
        for (const x of outcomes) io.stdout.write(outcomeText(x));
        print(
          `\n${counts.fixtures} fixture${counts.fixtures === 1 ? '' : 's'}: ${counts.passed} passed, ${counts.failed} failed${counts.errors ? `, ${counts.errors} could not be run` : ''}${unreadableFiles ? `; ${unreadableFiles} file${unreadableFiles === 1 ? '' : 's'} unreadable` : ''}`,
        );
      }
      for (const f of faults) io.stderr.write(`timescales: unreadable fixture ${faultText(f)}\n`);
      if (o.junit) writeFileSync(o.junit, junitReport(outcomes, faults));
      setExitCode(faults.length || errored.length ? 2 : failed.length ? 1 : 0);
    });
}
