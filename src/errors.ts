/**
 * The one error type the library throws for bad input. Its message names the
 * field, the value and what was expected, e.g.
 * `date: "2023-02-30" is not a valid date (expected an ISO date YYYY-MM-DD that exists)`.
 */
export class TimescalesInputError extends Error {
  override readonly name = 'TimescalesInputError';
  constructor(
    /** The argument or field that was wrong, e.g. `date`, `region`, `events[3].date`. */
    readonly field: string,
    /** The value as given. */
    readonly value: unknown,
    /** What was expected instead. */
    readonly expected: string,
  ) {
    const wanted = expected.replace(/^expected /, '');
    super(`${field}: ${describe(value)} ${wanted.startsWith('is ') ? wanted : `is not valid (expected ${wanted})`}`);
  }
}

/** The value as a message shows it: JSON, cut at 80 characters with an ellipsis and the full length. */
function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return value.length > 80 ? `${JSON.stringify(value.slice(0, 80))}… (${value.length.toLocaleString('en-GB')} characters)` : JSON.stringify(value);
  try {
    const s = JSON.stringify(value);
    return s === undefined ? String(value) : s.length > 80 ? `${s.slice(0, 80)}… (${s.length.toLocaleString('en-GB')} characters of JSON)` : s;
  } catch {
    return String(value);
  }
}
