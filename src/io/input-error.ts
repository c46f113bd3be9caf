/** The error of an input file; in its own module so that `timescales add` (which reads calendar files) does not load the readers. */
import { TimescalesInputError } from '../errors';

/**
 * The error thrown when a whole input file cannot be read (missing, empty,
 * bad header). It is a `TimescalesInputError`, with the file (and line and
 * column where known) and a message that starts with where, once:
 * `episodes.csv:1: missing column "DECOM" …`.
 */
export class InputFileError extends TimescalesInputError {
  constructor(
    readonly file: string,
    field: string,
    value: unknown,
    expected: string,
    message: string,
    readonly line?: number,
    readonly column?: string | number,
  ) {
    super(field, value, expected);
    this.message = message;
  }
}
