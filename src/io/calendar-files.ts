/**
 * Calendar inputs from files: local closures (one ISO date a line, `#`
 * comments and blank lines allowed) and a gov.uk-shaped bank holidays file.
 */
import { readFileSync } from 'node:fs';
import { isIsoDate } from '../calendar/index';
import { InputFileError } from './input-error';

/**
 * @example readCalendarFiles({ closures: 'closures.txt' }) // { closures: ['2024-12-27', ...] }
 * @throws InputFileError naming the file and line of a bad date, or a file that is not JSON.
 */
export function readCalendarFiles(files: { closures?: string; holidays?: string }): { closures?: string[]; holidaysData?: unknown } {
  const out: { closures?: string[]; holidaysData?: unknown } = {};
  if (files.closures) {
    const text = read(files.closures);
    out.closures = [];
    text.split(/\r?\n/).forEach((raw, i) => {
      const line = raw.replace(/#.*$/, '').trim().replace(/^\uFEFF/, '');
      if (!line) return;
      if (!isIsoDate(line)) {
        throw new InputFileError(files.closures!, 'closures', line, 'an ISO date YYYY-MM-DD a line', `${files.closures}:${i + 1}: "${line}" is not an ISO date YYYY-MM-DD that exists`, i + 1);
      }
      out.closures!.push(line);
    });
  }
  if (files.holidays) {
    const text = read(files.holidays);
    try {
      out.holidaysData = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new InputFileError(files.holidays, 'holidays', files.holidays, 'JSON in the gov.uk bank-holidays.json shape', `${files.holidays}: not valid JSON (${(e as Error).message})`);
    }
  }
  return out;
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new InputFileError(path, 'file', path, 'a readable file', `${path}: cannot read the file (${err.code === 'ENOENT' ? 'no such file or directory' : err.message})`);
  }
}
