/** A plain text table for a terminal: columns padded to their widest cell. */
export function renderTable(columns: string[], rows: string[][]): string {
  // A loop, not Math.max(...rows): a table may have any number of rows.
  const widths = columns.map((c) => c.length);
  for (const r of rows) for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i]!, (r[i] ?? '').length);
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}
