/**
 * The board report: one self-contained HTML file built from an audit's
 * summary (docs/cli.md, "The HTML report"). Everything it needs is inside
 * the file: the styles, the data, and the charting library (Chart.js, its
 * UMD build read from the installed package), so it opens from a USB stick
 * with no network. Tables are written as HTML, so the figures read, print
 * and reach a screen reader without the script; the script draws the charts
 * and makes the table of breaches and open items sortable and filterable.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AuditSummary, BreakdownRow, PeriodUnit, RuleFigures, RuleSummary } from '../audit/index';

/** One part of the summary's breakdown (a period or a group) and its rules' figures. */
export interface SummaryPart {
  key: string;
  rules: BreakdownRow[];
}
import type { DataProblem, Procedure, Result } from '../engine/index';
import { documentTitle } from './sources';

/** What the report is built from: an audit's summary and what was collected beside it. */
export interface HtmlReportInput {
  procedure: Procedure;
  summary: AuditSummary;
  /** The reader's row counts. */
  rows: { read: number; used: number; reported: number };
  /** The calendar's name, e.g. "England and Wales bank holidays". */
  calendar: string;
  /** The summary split by the period of the due date (the line chart). */
  trend: { by: PeriodUnit; parts: SummaryPart[] };
  /** The summary split by a carried column (`--group-by`), with the results that had no value. */
  groups?: { column: string; parts: SummaryPart[]; left: number };
  /** Breaches and open items, with their group when grouped. */
  items: Array<{ result: Result; group?: string }>;
  problems: readonly DataProblem[];
}

/** One rule's figures as the report shows them (those of the summary, `RuleFigures`): each can be recomputed from the columns beside it. */
export interface ReportRule extends Pick<RuleFigures, 'results' | 'dueByAsOf' | 'onTime' | 'late' | 'missed' | 'tooEarly' | 'onTimePercent'> {
  rule: string;
  title: string;
  /** False for a rule the data cannot measure, evaluated only because --all-rules asked: its figures are not evidence. */
  measured: boolean;
}

/** The data of the report, as embedded in the file (`<script id="report-data">`) and drawn by its script. */
export interface ReportData {
  title: string;
  procedure: { id: string; title: string };
  asOf: string;
  profile: string;
  calendar: string;
  headline: {
    children: number;
    cases: number;
    results: number;
    rulesMeasured: number;
    rulesEvaluated: number;
    breaches: number;
    openItems: number;
    problems: number;
    rowsRead: number;
    rowsUsed: number;
    rowsReported: number;
  };
  rules: ReportRule[];
  /** Rules with no on-time % and why. */
  notMeasured: Array<{ rule: string; title: string; reason: string }>;
  trend: { by: PeriodUnit; periods: string[]; series: Array<{ rule: string; title: string; values: Array<number | null>; due: number[] }> };
  groups?: { column: string; names: string[]; left: number; series: Array<{ rule: string; title: string; values: Array<number | null>; due: number[]; onTime: number[] }> };
  items: Array<{ caseId: string; group?: string; rule: string; occurrence: number; due: string; status: string; workingDaysLate: number | null; breach: boolean }>;
  problems: Array<{ code: string; severity: string; count: number }>;
  sources: string[];
}

const PERIOD_WORDS: Record<PeriodUnit, string> = { month: 'month', quarter: 'quarter', year: 'year', 'financial-year': 'financial year (April to March)' };

/**
 * The report's data from an audit's summary: the figures of each rule, the
 * rules with no on-time % and why, the trend, the groups, the items and the
 * problems by code.
 */
export function reportData(input: HtmlReportInput): ReportData {
  const { summary, procedure } = input;
  const rules = summary.rules.map(reportRule);
  // Charted: the rules the data can measure that had something due by the as-of date.
  const measured = summary.rules.filter((r) => r.onTimePercent !== null && r.measured !== false);
  const unmeasured = summary.notMeasured ?? [];
  const periods = input.trend.parts.filter((p) => p.rules.some((r) => r.dueByAsOf > 0));
  const problems = new Map<string, { code: string; severity: string; count: number }>();
  for (const p of input.problems) {
    const key = `${p.code} ${p.severity}`;
    const seen = problems.get(key);
    if (seen) seen.count++;
    else problems.set(key, { code: p.code, severity: p.severity, count: 1 });
  }
  const cited = new Set(procedure.rules.map((r) => r.source.document));
  const data: ReportData = {
    title: `Timeliness: ${procedure.title}`,
    procedure: { id: procedure.id, title: procedure.title },
    asOf: summary.asOf,
    profile: summary.profile,
    calendar: input.calendar,
    headline: {
      children: summary.children,
      cases: summary.cases,
      results: summary.results,
      rulesMeasured: measured.length,
      rulesEvaluated: summary.rules.length + unmeasured.filter((n) => !n.evaluated).length,
      breaches: summary.breaches,
      openItems: input.items.filter((i) => i.result.completed === undefined).length,
      problems: summary.problems,
      rowsRead: input.rows.read,
      rowsUsed: input.rows.used,
      rowsReported: input.rows.reported,
    },
    rules,
    notMeasured: [
      ...unmeasured.map((n) => ({
        rule: n.rule,
        title: n.title,
        reason: `not measured: ${n.reason}${n.evaluated ? ' (evaluated anyway with --all-rules: its figures are not evidence)' : ''}`,
      })),
      ...summary.rules
      .filter((r) => r.onTimePercent === null && !unmeasured.some((n) => n.rule === r.rule))
      .map((r) => ({
        rule: r.rule,
        title: r.title,
        reason:
          r.results === 0
            ? 'no results: nothing in the data started this rule\u2019s clock'
            : `nothing fell due by ${summary.asOf} (${r.results} ${r.results === 1 ? 'result' : 'results'}, none due yet)`,
      })),
    ],
    trend: {
      by: input.trend.by,
      periods: periods.map((p) => p.key),
      series: measured.map((m) => ({
        rule: m.rule,
        title: m.title,
        values: periods.map((p) => p.rules.find((r) => r.rule === m.rule)?.onTimePercent ?? null),
        due: periods.map((p) => p.rules.find((r) => r.rule === m.rule)?.dueByAsOf ?? 0),
      })),
    },
    items: input.items.map(({ result: r, group }) => ({
      caseId: r.caseId,
      ...(group !== undefined ? { group } : {}),
      rule: r.rule,
      occurrence: r.occurrence,
      due: r.due ?? '',
      status: r.status,
      workingDaysLate: r.late ? r.late.workingDays : null,
      breach: r.breach,
    })),
    problems: [...problems.values()].sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1)),
    sources: procedure.sources.filter((d) => cited.has(d.document)).map((d) => documentTitle(d)),
  };
  if (input.groups) {
    const parts = input.groups.parts;
    data.groups = {
      column: input.groups.column,
      names: parts.map((p) => p.key),
      left: input.groups.left,
      series: measured.map((m) => {
        const of = (p: SummaryPart) => p.rules.find((r) => r.rule === m.rule);
        return {
          rule: m.rule,
          title: m.title,
          values: parts.map((p) => of(p)?.onTimePercent ?? null),
          due: parts.map((p) => of(p)?.dueByAsOf ?? 0),
          onTime: parts.map((p) => of(p)?.onTime ?? 0),
        };
      }),
    };
  }
  return data;
}

function reportRule(r: RuleSummary): ReportRule {
  return { rule: r.rule, title: r.title, results: r.results, dueByAsOf: r.dueByAsOf, onTime: r.onTime, late: r.late, missed: r.missed, tooEarly: r.tooEarly, onTimePercent: r.onTimePercent, measured: r.measured !== false };
}

/** The Chart.js UMD build of the installed package, inlined into every report. */
function chartLibrary(): string {
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('chart.js')), 'chart.umd.min.js');
  return readFileSync(file, 'utf8');
}

const esc = (s: string | number) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const num = (n: number) => n.toLocaleString('en-GB');
const pct = (p: number | null) => (p === null ? '–' : `${p.toFixed(1)}%`);
/** Text safe inside a <script> element: no `</script`, no `<!--`. */
const scriptText = (s: string) => s.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
const jsonText = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/**
 * The report as one HTML document.
 *
 * @example
 * writeFileSync('report.html', renderHtmlReport({ procedure, summary, rows, calendar: calendar.name, trend, items, problems }));
 */
export function renderHtmlReport(input: HtmlReportInput): string {
  const d = reportData(input);
  const h = d.headline;
  const byWords = PERIOD_WORDS[d.trend.by];
  const grouped = d.groups !== undefined;
  const card = (id: string, label: string, value: string, note = '') =>
    `<div class="card"><dt>${esc(label)}</dt><dd id="${id}">${esc(value)}</dd>${note ? `<dd class="note">${esc(note)}</dd>` : ''}</div>`;
  const ruleRows = d.rules
    .map(
      (r) =>
        `<tr data-rule="${esc(r.rule)}"><th scope="row"><code>${esc(r.rule)}</code><br><span class="title">${esc(r.title)}${r.measured ? '' : ' (not measured: not evidence)'}</span></th><td>${num(r.results)}</td><td>${num(r.dueByAsOf)}</td><td>${num(r.onTime)}</td><td>${num(r.late)}</td><td>${num(r.missed)}</td><td>${num(r.tooEarly)}</td><td class="pct">${pct(r.onTimePercent)}</td></tr>`,
    )
    .join('\n');
  const trendTable =
    d.trend.periods.length === 0
      ? '<p>No rule had anything due in any period up to the as-of date.</p>'
      : `<table><caption>On-time % by ${esc(byWords)} of the due date (due by the as-of date in brackets)</caption><thead><tr><th scope="col">${esc(d.trend.by)}</th>${d.trend.series.map((s) => `<th scope="col"><code>${esc(s.rule)}</code></th>`).join('')}</tr></thead><tbody>${d.trend.periods
          .map((p, i) => `<tr><th scope="row">${esc(p)}</th>${d.trend.series.map((s) => `<td>${pct(s.values[i]!)} <span class="n">(${num(s.due[i]!)})</span></td>`).join('')}</tr>`)
          .join('')}</tbody></table>`;
  const groupSection = d.groups
    ? `<section id="groups" aria-labelledby="groups-h"><h2 id="groups-h">By ${esc(d.groups.column)}</h2>
<figure><figcaption id="chart-groups-title">On-time % per rule for each ${esc(d.groups.column)}</figcaption><div class="chart tall"><canvas id="chart-groups" role="img" aria-labelledby="chart-groups-title" aria-describedby="groups-table">On-time % per rule for each ${esc(d.groups.column)}; the figures are in the table below.</canvas></div></figure>
<table id="groups-table"><caption>On-time % per ${esc(d.groups.column)}: on time / due by the as-of date</caption><thead><tr><th scope="col">${esc(d.groups.column)}</th>${d.groups.series.map((s) => `<th scope="col"><code>${esc(s.rule)}</code></th>`).join('')}</tr></thead><tbody>${d.groups.names
        .map((g, i) => `<tr><th scope="row">${esc(g)}</th>${d.groups!.series.map((s) => `<td>${pct(s.values[i]!)} <span class="n">(${num(s.onTime[i]!)}/${num(s.due[i]!)})</span></td>`).join('')}</tr>`)
        .join('')}</tbody></table>
${d.groups.left ? `<p class="note">${num(d.groups.left)} results belong to cases with no single value of <code>${esc(d.groups.column)}</code> and are in no group (they are in the figures above).</p>` : ''}
</section>`
    : '';
  const statuses = [...new Set(d.items.map((i) => i.status))].sort();
  const itemRows = d.items
    .map(
      (i) =>
        `<tr data-rule="${esc(i.rule)}" data-status="${esc(i.status)}"><td>${esc(i.caseId)}</td>${grouped ? `<td>${esc(i.group ?? '')}</td>` : ''}<td><code>${esc(i.rule)}</code> #${i.occurrence}</td><td data-sort="${esc(i.due)}">${esc(i.due)}</td><td><span class="status s-${esc(i.status)}">${esc(i.status)}</span></td><td data-sort="${i.workingDaysLate ?? -1}">${i.workingDaysLate ?? ''}</td></tr>`,
    )
    .join('\n');
  const problemRows = d.problems.map((p) => `<tr><th scope="row"><code>${esc(p.code)}</code></th><td>${esc(p.severity)}</td><td>${num(p.count)}</td></tr>`).join('');
  const th = (label: string, key: string, type: 'text' | 'number' = 'text') =>
    `<th scope="col" aria-sort="none"><button type="button" data-key="${key}" data-type="${type}">${esc(label)}</button></th>`;
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="safeguarding-timescales">
<title>${esc(d.title)} as at ${esc(d.asOf)}</title>
<style>${STYLES}</style>
</head>
<body>
<header>
<h1>${esc(d.title)}</h1>
<p class="sub">As at <strong id="as-of">${esc(d.asOf)}</strong> · procedure <code>${esc(d.procedure.id)}</code> · profile <code>${esc(d.profile)}</code></p>
</header>
<main>
<section id="headline" aria-labelledby="headline-h">
<h2 id="headline-h">Headline figures</h2>
<dl class="cards">
${card('h-children', 'Children', num(h.children))}
${card('h-cases', 'Cases', num(h.cases), h.cases === h.children ? 'one per child' : 'a child may have several (periods of care)')}
${card('h-rules', 'Rules measured', `${h.rulesMeasured} of ${h.rulesEvaluated}`, 'measured from the data, with something due by the as-of date')}
${card('h-results', 'Results', num(h.results), 'one per rule occurrence')}
${card('h-breaches', 'Breaches', num(h.breaches), 'met late, met early, or overdue')}
${card('h-open', 'Open items', num(h.openItems), 'not yet done, with a due date')}
${card('h-problems', 'Data problems', num(h.problems), `${num(h.rowsReported)} of ${num(h.rowsRead)} rows not used`)}
</dl>
<table id="rules-table">
<caption>On time per rule. Due by the as-of date = on time + late + missed + too early; on-time % = on time ÷ due by the as-of date.</caption>
<thead><tr><th scope="col">Rule</th><th scope="col">Results</th><th scope="col">Due by ${esc(d.asOf)}</th><th scope="col">On time</th><th scope="col">Late</th><th scope="col">Missed</th><th scope="col">Too early</th><th scope="col">On-time %</th></tr></thead>
<tbody>
${ruleRows}
</tbody>
</table>
${
  d.notMeasured.length
    ? `<table id="not-measured" class="compact"><caption>Rules not measured, or with no on-time figure, and why (${d.notMeasured.length})</caption><thead><tr><th scope="col">Rule</th><th scope="col">Why</th></tr></thead><tbody>${d.notMeasured.map((n) => `<tr><th scope="row"><code>${esc(n.rule)}</code></th><td>${esc(n.reason)}</td></tr>`).join('')}</tbody></table>`
    : ''
}
</section>
<section id="charts" aria-labelledby="charts-h">
<h2 id="charts-h">Charts</h2>
<figure><figcaption id="chart-rules-title">On-time % per rule, as at ${esc(d.asOf)}</figcaption><div class="chart" style="height:${Math.max(160, 40 + 34 * d.trend.series.length)}px"><canvas id="chart-rules" role="img" aria-labelledby="chart-rules-title" aria-describedby="rules-table">${esc(
    d.trend.series.length ? d.rules.filter((r) => r.onTimePercent !== null && r.measured).map((r) => `${r.rule} ${pct(r.onTimePercent)}`).join('; ') : 'No rule had anything due by the as-of date.',
  )}</canvas></div></figure>
<figure><figcaption id="chart-trend-title">On-time % by ${esc(byWords)} of the due date</figcaption><div class="chart"><canvas id="chart-trend" role="img" aria-labelledby="chart-trend-title" aria-describedby="trend-table">On-time % by ${esc(byWords)}; the figures are in the table below.</canvas></div></figure>
<div id="trend-table">${trendTable}</div>
</section>
${groupSection}
<section id="items" aria-labelledby="items-h">
<h2 id="items-h">Breaches and open items</h2>
<div class="controls" role="group" aria-label="Filter the table">
<label>Rule <select id="filter-rule"><option value="">all rules</option>${d.rules.map((r) => `<option value="${esc(r.rule)}">${esc(r.rule)}</option>`).join('')}</select></label>
<label>Status <select id="filter-status"><option value="">all statuses</option>${statuses.map((s) => `<option value="${esc(s)}">${esc(s)}</option>`).join('')}</select></label>
<span id="items-count" aria-live="polite">${num(d.items.length)} rows</span>
</div>
<table id="items-table">
<caption>Breaches (met late, met early, overdue) and items not yet done, as at ${esc(d.asOf)}. Days late are working days.</caption>
<thead><tr>${th('Case', 'case')}${grouped ? th(d.groups!.column, 'group') : ''}${th('Rule', 'rule')}${th('Due', 'due')}${th('Status', 'status')}${th('Days late (WD)', 'late', 'number')}</tr></thead>
<tbody>
${itemRows}
</tbody>
</table>
</section>
<section id="problems" aria-labelledby="problems-h">
<h2 id="problems-h">Data problems by code</h2>
${d.problems.length ? `<table id="problems-table"><caption>Each problem is listed with its file, line and column by <code>--problems FILE</code>.</caption><thead><tr><th scope="col">Code</th><th scope="col">Severity</th><th scope="col">Count</th></tr></thead><tbody>${problemRows}</tbody></table>` : '<p>None.</p>'}
<p>Rows read ${num(h.rowsRead)}, used ${num(h.rowsUsed)}, not used ${num(h.rowsReported)}.</p>
</section>
</main>
<footer>
<p><strong>Sources:</strong> ${d.sources.map(esc).join('; ')}.</p>
<p>As at ${esc(d.asOf)} · calendar: ${esc(d.calendar)} · procedure ${esc(d.procedure.id)}, profile ${esc(d.profile)} · on-time % = on time ÷ due by the as-of date · made by safeguarding-timescales.</p>
</footer>
<script type="application/json" id="report-data">${jsonText(d)}</script>
<script>${scriptText(chartLibrary())}</script>
<script>${scriptText(SCRIPT)}</script>
</body>
</html>
`;
}

const STYLES = `
:root{--ink:#1b1b1b;--muted:#555;--line:#c8c8c8;--bg:#fff;--accent:#005ea5}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:var(--ink);background:var(--bg);margin:0 auto;max-width:1100px;padding:1rem 1.5rem}
h1{font-size:1.7rem;margin:.2rem 0}h2{font-size:1.3rem;border-bottom:2px solid var(--accent);padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.05rem}
.sub{color:var(--muted);margin:0}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:.6rem;margin:0 0 1rem}
.card{border:1px solid var(--line);border-left:4px solid var(--accent);padding:.5rem .7rem}
.card dt{font-size:.85rem;color:var(--muted)}.card dd{margin:0;font-size:1.5rem;font-weight:600}.card dd.note{font-size:.75rem;font-weight:400;color:var(--muted)}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}
caption{text-align:left;color:var(--muted);padding:.3rem 0;font-size:.85rem}
th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
td{font-variant-numeric:tabular-nums}thead th{background:#f3f2f1}
th .title{font-weight:400;color:var(--muted);font-size:.85rem}
.n{color:var(--muted);font-size:.8rem}
table.compact{font-size:.8rem}table.compact th,table.compact td{padding:.1rem .5rem}
figure{margin:1rem 0}figcaption{font-weight:600;margin-bottom:.3rem}
.chart{position:relative;height:320px;width:100%}.chart.tall{height:380px}
.controls{display:flex;gap:1rem;align-items:center;flex-wrap:wrap;margin:.5rem 0}
th button{all:unset;cursor:pointer;font-weight:600}th button::after{content:" \\2195";color:var(--muted)}
th[aria-sort=ascending] button::after{content:" \\2191"}th[aria-sort=descending] button::after{content:" \\2193"}
th button:focus-visible,select:focus-visible{outline:3px solid #fd0}
.status{padding:0 .3rem;border-radius:3px}.s-overdue,.s-met-late,.s-met-early{background:#f6d7d2}.s-due-soon,.s-past-target{background:#fff2cc}
.note{color:var(--muted);font-size:.85rem}
footer{margin-top:2rem;border-top:1px solid var(--line);color:var(--muted);font-size:.85rem}
@media print{
 body{max-width:none;padding:0;font-size:10pt}
 .controls,th button::after{display:none}
 h2{break-after:avoid}section,figure,tr{break-inside:avoid}
 .chart{height:7cm}.chart.tall{height:8cm}
 thead{display:table-header-group}
 a{color:inherit}
 footer{position:static}
 @page{margin:1.5cm}
}
`;

/** The report's own script: charts from the embedded data, sorting and filtering of the items table. */
const SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var palette = ['#005ea5', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#7f3c8d', '#0072b2', '#8c564b', '#4d4d4d'];
  var charts = [];
  if (window.Chart) {
    Chart.defaults.animation = false;
    Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Arial, sans-serif';
    Chart.defaults.maintainAspectRatio = false;
    var pctAxis = { min: 0, max: 100, title: { display: true, text: 'on time %' } };
    var measured = data.rules.filter(function (r) { return r.onTimePercent !== null && r.measured; });
    if (measured.length) {
      charts.push(new Chart(document.getElementById('chart-rules'), {
        type: 'bar',
        data: { labels: measured.map(function (r) { return r.rule; }), datasets: [{ label: 'on time %', data: measured.map(function (r) { return r.onTimePercent; }), backgroundColor: palette[0] }] },
        options: { indexAxis: 'y', scales: { x: pctAxis }, plugins: { legend: { display: false }, tooltip: { callbacks: { afterLabel: function (c) { var r = measured[c.dataIndex]; return r.onTime + ' of ' + r.dueByAsOf + ' due by ' + data.asOf; } } } } }
      }));
    }
    if (data.trend.periods.length) {
      charts.push(new Chart(document.getElementById('chart-trend'), {
        type: 'line',
        data: { labels: data.trend.periods, datasets: data.trend.series.map(function (s, i) { return { label: s.rule, data: s.values, borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length], spanGaps: false, tension: 0 }; }) },
        options: { scales: { y: pctAxis, x: { title: { display: true, text: data.trend.by } } }, plugins: { legend: { position: 'bottom' } } }
      }));
    }
    if (data.groups && data.groups.names.length) {
      charts.push(new Chart(document.getElementById('chart-groups'), {
        type: 'bar',
        data: { labels: data.groups.names, datasets: data.groups.series.map(function (s, i) { return { label: s.rule, data: s.values, backgroundColor: palette[i % palette.length] }; }) },
        options: { scales: { y: pctAxis }, plugins: { legend: { position: 'bottom' } } }
      }));
    }
    window.addEventListener('beforeprint', function () { charts.forEach(function (c) { c.resize(); }); });
    window.addEventListener('afterprint', function () { charts.forEach(function (c) { c.resize(); }); });
  }
  window.reportCharts = charts;

  var table = document.getElementById('items-table');
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var rule = document.getElementById('filter-rule');
  var status = document.getElementById('filter-status');
  var count = document.getElementById('items-count');
  function filter() {
    var shown = 0;
    rows.forEach(function (tr) {
      var ok = (!rule.value || tr.getAttribute('data-rule') === rule.value) && (!status.value || tr.getAttribute('data-status') === status.value);
      tr.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown.toLocaleString('en-GB') + ' of ' + rows.length.toLocaleString('en-GB') + ' rows';
  }
  rule.addEventListener('change', filter);
  status.addEventListener('change', filter);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  heads.forEach(function (th, col) {
    var button = th.querySelector('button');
    button.addEventListener('click', function () {
      var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      heads.forEach(function (h) { h.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', dir);
      var numeric = button.getAttribute('data-type') === 'number';
      var key = function (tr) { var c = tr.cells[col]; var v = c.getAttribute('data-sort'); if (v === null) v = c.textContent; return numeric ? Number(v) : v; };
      rows.sort(function (a, b) { var x = key(a), y = key(b); var r = x < y ? -1 : x > y ? 1 : 0; return dir === 'ascending' ? r : -r; });
      rows.forEach(function (tr) { body.appendChild(tr); });
    });
  });
  filter();
})();
`;
