/**
 * The independent oracle of the calendar tests: integer day numbers written
 * here (not the library's), a weekday formula, and the official gov.uk list
 * read from the copy the package carries (src/calendar/govuk-bank-holidays.json). No JS Date in local time, so the
 * answers do not depend on TZ.
 */
import { readFileSync } from 'node:fs';

export type GovukEvent = { title: string; date: string; notes?: string; bunting?: boolean };
export type GovukFile = Record<string, { division: string; events: GovukEvent[] }>;

export const official: GovukFile = JSON.parse(
  readFileSync(new URL('../../src/calendar/govuk-bank-holidays.json', import.meta.url), 'utf8'),
);

// ---- integer day numbers (days since 1970-01-01), proleptic Gregorian ----
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
export function isoFromDays(z0: number): string {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
export function daysFromIso(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return daysFromCivil(y, m, d);
}
/** ISO weekday 1=Mon..7=Sun; day 0 (1970-01-01) was a Thursday (4). */
export function isoWeekday(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}
