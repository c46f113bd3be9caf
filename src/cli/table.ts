/**
 * Text for a terminal: control characters (C0, DEL, C1, and the Unicode
 * line/paragraph separators and bidirectional controls) shown as escapes
 * (`\x1b`, `\u202e`), so that a case id holding `ESC[31m`, `ESC]0;…BEL`, a CR or a
 * NUL cannot recolour, retitle or overwrite the terminal.
 * @example forTerminal('A\x1b[31mB') // 'A\\x1b[31mB'
 */
export function forTerminal(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}

/** A plain text table for a terminal: columns padded to their widest cell, every cell shown with `forTerminal`. */
export function renderTable(columns: string[], rows: string[][]): string {
  const shown = rows.map((r) => r.map(forTerminal));
  // A loop, not Math.max(...rows): a table may have any number of rows.
  const widths = columns.map((c) => c.length);
  for (const r of shown) for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i]!, (r[i] ?? '').length);
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...shown.map(line)].join('\n') + '\n';
}
