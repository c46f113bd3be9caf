/** `timescales procedures` and `timescales rules`: what the library knows. */
import { Command } from 'commander';
import { citeSource, getProcedure, procedures, TimescalesInputError, timingText } from '../../index';
import { formatSource } from '../../io/write';
import { bomOption, chosenFormat, formatOption, writeRecords, type CommandContext } from '../common';

export function registerProcedureCommands(program: Command, { io }: CommandContext): void {
  program
    .command('procedures')
    .description('list the built-in procedures')
    .addOption(formatOption())
    .addOption(bomOption())
    .addHelpText('after', '\nExamples:\n  timescales procedures\n  timescales procedures --format csv')
    .action((o: { format?: string; bom: boolean }) => {
      const rows = procedures.map((p) => ({ id: p.id, title: p.title, rules: p.rules.length, profiles: ['default', ...Object.keys(p.profiles ?? {})].join(' ') }));
      writeRecords(io.stdout, chosenFormat(o.format, io.stdout), ['id', 'title', 'rules', 'profiles'], rows, o.bom);
    });

  program
    .command('rules')
    .description('the rules of a procedure, with their timescales and sources')
    .argument('<procedure>', 'procedure id (see `timescales procedures`)')
    .option('--profile <name>', 'show the timescales of a profile')
    .addOption(formatOption())
    .addOption(bomOption())
    .addHelpText('after', '\nExamples:\n  timescales rules lac-review\n  timescales rules cp-conference --profile days --format json')
    .action((id: string, o: { profile?: string; format?: string; bom: boolean }) => {
      const p = getProcedure(id);
      if (o.profile && o.profile !== 'default' && !Object.hasOwn(p.profiles ?? {}, o.profile)) {
        throw new TimescalesInputError('--profile', o.profile, `one of: default, ${Object.keys(p.profiles ?? {}).join(', ')}`);
      }
      const rows = p.rules.map((r) => {
        const patch = o.profile ? p.profiles?.[o.profile]?.rules[r.id] : undefined;
        const on = patch?.enabled ?? r.enabled !== false;
        return {
          rule: r.id,
          kind: r.kind,
          title: r.title,
          timescale: on ? timingText(r, { ...r.timing, ...patch?.timing }) : 'off',
          source: formatSource(citeSource(p, r.source)),
        };
      });
      writeRecords(io.stdout, chosenFormat(o.format, io.stdout), ['rule', 'kind', 'timescale', 'title', 'source'], rows, o.bom);
    });
}
