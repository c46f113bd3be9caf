export {
  createCalendar,
  FIRST_SUPPORTED_DATE,
  LAST_SUPPORTED_DATE,
  type AddOptions,
  type Addition,
  type Calendar,
  type CalendarOptions,
  type DetailedDate,
  type Holiday,
  type Roll,
  type SkippedDay,
} from './calendar';
export { describeDuration, formatDuration, parseDuration, DURATION_UNITS, type Duration, type DurationUnit } from './duration';
export { REGIONS, ONE_OFF_CORRECTIONS, type Region } from './holidays';
export { GovUkBankHolidaysSchema, type GovUkBankHolidays } from './govuk-schema';
export { isIsoDate, isoWeekday, formatIsoDay, tryParseIsoDay, parseIsoDay } from './daynumber';
