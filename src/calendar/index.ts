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
export { REGIONS, ONE_OFF_CORRECTIONS, GovUkBankHolidaysSchema, type Region, type GovUkBankHolidays } from './holidays';
export { isIsoDate, isoWeekday, formatIsoDay, tryParseIsoDay, parseIsoDay } from './daynumber';
