/**
 * A procedure's documentation page, generated from its rule set so docs and
 * code cannot drift: `npm run docs` (scripts/generate-docs.ts) writes
 * docs/procedures/<id>.md, and test/docs.test.ts fails when a page is out of date.
 */
import { NATIONAL_AND_LOCAL } from './national-local';
import { citeSource, describeOffset, procedures, timingText, type Procedure, type Rule, type RuleOverride, type SourceRef } from '../src/index';

type Offset = string | string[];

function names(n: string | string[]): string {
  return (Array.isArray(n) ? n : [n]).map((x) => `\`${x}\``).join(' or ');
}

function where(w: Record<string, unknown> | undefined): string {
  return w ? ` with ${Object.entries(w).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(', ')}` : '';
}

function anchorText(rule: Rule): string {
  if (rule.kind === 'cycle') {
    return `${names(rule.start.event)}${where(rule.start.where)}${rule.restart ? `; restarts at ${names(rule.restart)}` : ''}${rule.end ? `; ends at ${names(rule.end)}` : ''}`;
  }
  if (rule.kind === 'cycle-task') {
    const sel = rule.select;
    const which =
      sel === 'each'
        ? 'each occurrence'
        : 'occurrence' in sel
          ? `occurrence ${sel.occurrence}`
          : 'firstDueOnOrAfter' in sel
            ? `the first occurrence on or after date of birth + ${describeOffset(sel.firstDueOnOrAfter.age)}`
            : `the last occurrence before date of birth + ${describeOffset(sel.lastDueBefore.age)}`;
    return `${which} of \`${rule.cycle}\`${rule.per === 'case' ? ' (once per case, across its periods and sequences)' : ''}: its planned date${rule.planned ? ` (\`${rule.planned.event}\`.${rule.planned.attribute}, else held, else due)` : ' (held, else due)'}`;
  }
  const one = (a: Extract<Rule, { kind: 'deadline' }>['anchor']): string => {
    if ('anyOf' in a) return a.anyOf.map((x) => one(x)).join('; or ');
    if ('firstOf' in a) return a.firstOf.map((x) => one(x)).join('; where absent, ');
    if ('event' in a) return `${names(a.event)}${where(a.where)}${a.firstAfter ? ` (the first after each \`${a.firstAfter}\`)` : ''}${a.add ? ` + ${describeOffset(a.add)}` : ''}`;
    if ('age' in a) return `date of birth + ${describeOffset(a.age)}${a.whileActive ? ` (when ${names(a.whileActive.start)} then, with no ${names(a.whileActive.end)})` : ''}`;
    return `\`${a.rule}\` ${a.at === 'due' ? `due date${a.status ? ` when ${a.status.join('/')}` : ''}` : `completion${a.completedBy ? ` by ${names(a.completedBy)}` : ''}`}`;
  };
  return one(rule.anchor);
}

function completionText(rule: Rule): string {
  if (rule.kind === 'cycle-task' && !rule.completion) return 'the review itself';
  const c = rule.completion!;
  const from = (since: unknown): string =>
    since === 'origin' ? 'the origin of the anchor (the event its chain of anchors began with)' : Array.isArray(since) || /\d/.test(String(since)) ? `${describeOffset(since as Offset)} before the anchor` : String(since);
  const since = 'since' in c && c.since && c.since !== 'anchor' ? ` (counts from ${from(c.since)})` : '';
  const higher = 'higher' in c && c.higher ? `; ${c.higher.map((k) => `\`${k}\``).join(', ')} higher than the origin's` : '';
  return `${names(c.event)}${where(c.where)}${since}${higher}`;
}

/** A national source's grade: [P] read in the instrument's own text, [S] only in secondary reproductions. */
function grade(ref: SourceRef): string {
  return ref.verified === 'primary' ? ' [P]' : ref.verified === 'secondary' ? ' [S]' : '';
}

/** A source as results show it: the document's label, the section, the quote, and its grade. */
function sourceText(p: Procedure, ref: SourceRef): string {
  const s = citeSource(p, ref);
  return `${s.document}${s.section ? ` § ${s.section}` : ''}${s.quote ? `: “${s.quote}”` : ''}${grade(ref)}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function extras(rule: Rule): string[] {
  const out: string[] = [];
  if (rule.enabled === false) out.push('off by default');
  if (rule.onlyIfAnyEvent) out.push(`evaluated only when the case has ${names(rule.onlyIfAnyEvent)} (or the rule is forced)`);
  if (rule.kind === 'window' && rule.requiresPrior) out.push(priorText(rule.requiresPrior));
  if (rule.kind === 'deadline') {
    if (rule.silence) out.push('silence means agreed: deemed-met on expiry');
    if (rule.unless) out.push(`not applicable when ${names(rule.unless.event)} happened on or before the ${rule.unless.onOrBefore}`);
    if (rule.requiresPrior) out.push(priorText(rule.requiresPrior));
    if (rule.cancelledBy) out.push(`cancelled by ${names(rule.cancelledBy)}`);
    for (const v of rule.variants ?? []) out.push(`${where(v.where).replace(/^ with /, 'when ')}: ${timingText(rule, { ...rule.timing, ...v.timing })}`);
  }
  if (rule.kind === 'deadline' && rule.versionsBy) out.push(`version chosen by the date of the latest ${names(rule.versionsBy.event)} on or before the anchor`);
  if (rule.kind === 'cycle') for (const v of rule.variants ?? []) out.push(`${where(v.where).replace(/^ with /, 'when ')}: ${timingText(rule, { ...rule.timing, ...v.timing })}`);
  for (const v of rule.versions ?? []) {
    const range = `anchors ${v.from ?? '…'} to ${v.until ?? '…'}`;
    const what = v.applies === false ? 'the rule did not apply' : timingText(rule, { ...rule.timing, ...v.timing });
    out.push(`${v.name ? `${v.name} (${range})` : range}: ${what}${v.note ? ` (${v.note})` : ''}${v.source ? `; source ${v.source.section ?? v.source.document}${grade(v.source)}` : ''}`);
  }
  for (const n of rule.notes ?? []) out.push(n.whenAnyEvent ? `note when ${names(n.whenAnyEvent)}: ${n.text}` : n.text);
  return out;
}

type Prior = NonNullable<Extract<Rule, { kind: 'deadline' }>['requiresPrior']>;

function priorText(prior: Prior): string {
  const what = prior.period !== undefined ? `while a \`${prior.period}\` period is open on the anchor day` : `after ${names(prior.event!)}`;
  const long = prior.moreThan ? ` more than ${describeOffset(prior.moreThan)} before` : prior.atLeast ? ` at least ${describeOffset(prior.atLeast)} before` : '';
  const otherwise = prior.otherwise === 'overdue' ? '; without it nothing can meet the rule: pending, then overdue once due' : '';
  return `applies only ${what}${long}${otherwise}`;
}

/** The period of a rule (a cycle-task's is its cycle's) and what happens to its open results when the period ends. */
function periodCells(p: Procedure, rule: Rule): [string, string] {
  const cycle = rule.kind === 'cycle-task' ? p.rules.find((r) => r.id === rule.cycle) : undefined;
  const period = rule.period ?? cycle?.period;
  if (!period) {
    const stops = p.stopEvents?.length ? `; every rule stops at ${names(p.stopEvents)}` : '';
    return ['none', `not scoped to a period: anchors and completing events from the whole case${stops}`];
  }
  const ends = names(p.periods?.[period]?.end ?? []);
  if (rule.kind === 'cycle') return [`\`${period}\``, `the sequence ends at the period's end (${ends}); an occurrence not yet due then is not reported, one overdue stays overdue, late to that day`];
  if (rule.kind === 'cycle-task') return [`\`${period}\` (its cycle's)`, `ends with its review's period (${ends}): a task not yet due then is not reported, one overdue stays overdue, late to that day`];
  if (rule.atPeriodEnd === 'runs-on') return [`\`${period}\``, `runs on after the period ends (${ends}): open and, once due, late until done or until the next \`${period}\` period begins`];
  return [`\`${period}\``, `ends with the period (${ends}): open then and not yet due (or with no timescale), not reported; already overdue, stays overdue, late to that day`];
}

/** The "national and local side by side" section of a national procedure's page. */
function sideBySide(p: Procedure, all: readonly Procedure[]): string[] {
  const rows = NATIONAL_AND_LOCAL.filter((x) => x.national[0] === p.id);
  if (!rows.length) return [];
  const rule = (procedure: string, id: string) => all.find((q) => q.id === procedure)?.rules.find((r) => r.id === id);
  const lines = ['', '## National and local side by side', '', 'Where a local procedure of this library sets its own timescale for the same step. Both timescales are read from the rule sets.', ''];
  lines.push('| national rule | national timescale | local rule | local timescale | what differs |', '|---|---|---|---|---|');
  for (const x of rows) {
    const n = rule(...x.national);
    const l = rule(...x.local);
    if (!n || !l) throw new Error(`side by side: no rule ${x.national.join('/')} or ${x.local.join('/')}`);
    lines.push(`| \`${n.id}\` | ${cell(timingText(n))} | \`${x.local[0]}\` \`${l.id}\` | ${cell(timingText(l))} | ${cell(x.remark)} |`);
  }
  return lines;
}

/** The Markdown page of a procedure (`all`: the procedures a national page compares itself with). */
export function procedureMarkdown(p: Procedure, all: readonly Procedure[] = procedures): string {
  const lines: string[] = [];
  lines.push(`<!-- Generated from src/procedures/${p.id}.ts by \`npm run docs\`. Do not edit by hand. -->`, '');
  lines.push(`# ${p.title} (\`${p.id}\`)`, '', p.summary, '');
  lines.push('## Sources', '');
  for (const s of p.sources) lines.push(`- ${sourceText(p, s)}`);
  if (p.rules.some((r) => r.source.verified)) {
    lines.push(
      '',
      'Grades: **[P]** the timescale was read in the instrument’s or guidance’s own text (as made, or a point-in-time version); **[S]** it was found only in secondary reproductions (council procedure manuals, charities, data help pages) and rests on them until checked against the primary text. The rules are written in our own words and cite the instrument and regulation.',
    );
  }
  lines.push('', '## Rules', '');
  lines.push('| rule | what must happen | kind | anchor | timescale | completing event | source |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const r of p.rules) {
    const more = extras(r);
    lines.push(
      `| \`${r.id}\` | ${cell(r.title)}${more.length ? `<br>${more.map((m) => `_${cell(m)}_`).join('<br>')}` : ''} | ${r.kind} | ${cell(anchorText(r))} | ${cell(timingText(r))} | ${cell(completionText(r))} | ${cell(sourceText(p, r.source))} |`,
    );
  }
  lines.push('', '## Periods', '');
  const periods = Object.entries(p.periods ?? {});
  if (periods.length) {
    lines.push(
      'A rule scoped to a period takes its anchors, prior conditions and completing events from the current period only, and its results carry the period (`period: { name, start, end }`); see [rule kinds, "Periods"](../rule-kinds.md#periods).',
      '',
    );
    for (const [name, def] of periods) lines.push(`- \`${name}\`: ${def.description}. Begins at ${names(def.start)}, ends at ${names(def.end)}.`);
  } else {
    lines.push('This procedure declares no periods: every rule reads the whole case.');
  }
  lines.push('', '| rule | period | at the period\'s end |', '|---|---|---|');
  for (const r of p.rules) {
    const [period, end] = periodCells(p, r);
    lines.push(`| \`${r.id}\` | ${cell(period)} | ${cell(end)} |`);
  }
  const profiles = Object.entries(p.profiles ?? {});
  if (profiles.length) {
    lines.push('', '## Profiles side by side', '');
    const national = !p.sources.some((d) => d.file);
    lines.push(
      national
        ? 'The default profile follows the primary text where there is one, else the DfE’s measure for the returns; the others are opt-in (`--profile NAME`, or `{ profile }` in the library).'
        : 'The default profile follows the seed document; the others are opt-in (`--profile NAME`, or `{ profile }` in the library).',
      '',
    );
    for (const [name, prof] of profiles) lines.push(`- \`${name}\`: ${prof.description}${prof.source ? ` (${sourceText(p, prof.source)})` : ''}`);
    lines.push('', `| rule | default | ${profiles.map(([n]) => `\`${n}\``).join(' | ')} |`, `|---|---|${profiles.map(() => '---|').join('')}`);
    const changed = p.rules.filter((r) => profiles.some(([, prof]) => prof.rules[r.id]));
    for (const r of changed) {
      const show = (patch: RuleOverride | undefined) => {
        if (!patch) return 'as default';
        const { enabled, versions, timing } = patch;
        const bits: string[] = [];
        if (enabled !== undefined) bits.push(enabled ? 'on' : 'off');
        if (timing && Object.keys(timing).length) bits.push(timingText(r, { ...r.timing, ...timing }));
        for (const v of versions ?? []) bits.push(`anchors ${v.from ?? '…'} to ${v.until ?? '…'}: ${timingText(r, { ...r.timing, ...v.timing })}; later: as default`);
        return bits.join('; ');
      };
      lines.push(`| \`${r.id}\` | ${r.enabled === false ? 'off' : cell(timingText(r))} | ${profiles.map(([, prof]) => cell(show(prof.rules[r.id]))).join(' | ')} |`);
    }
  }
  lines.push(...sideBySide(p, all));
  if (p.interpretations?.length) {
    lines.push('', '## Interpretations', '', 'Where the source is silent or ambiguous, this is the reading the rules implement, and the alternative.', '');
    for (const i of p.interpretations) {
      lines.push(`- **${i.topic}.** ${i.reading}${i.alternative ? ` _Alternative:_ ${i.alternative}` : ''}`);
    }
  }
  lines.push('', '## Events', '', '| event | meaning | attributes |', '|---|---|---|');
  for (const [name, e] of Object.entries(p.events)) {
    const attrs = Object.entries(e.attributes ?? {})
      .map(([k, a]) => `\`${k}\` (${a.type}${a.default !== undefined ? `, default ${JSON.stringify(a.default)}` : ''}): ${a.description}`)
      .join('<br>');
    lines.push(`| \`${name}\` | ${cell(e.description)}${e.dateTime ? ' (date-time)' : ''} | ${cell(attrs)} |`);
  }
  if (p.stopEvents?.length) lines.push('', `Every rule stops at ${names(p.stopEvents)}: occurrences not yet due then are not reported.`);
  for (const o of p.order ?? []) lines.push('', `Record-keeping order: ${o.map((e) => `\`${e}\``).join(' → ')}; a step dated before the step it follows is reported as a data problem.`);
  lines.push('');
  return lines.join('\n');
}
