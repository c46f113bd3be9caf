/**
 * Writes src/calendar/rule-holidays.json: the bank holidays `date-holidays`
 * generates from rules (with the one-off corrections of holidays.ts), for every
 * division and every year of the working-day table. The calendar reads that
 * snapshot for the years the official list does not cover, so the package does
 * not load `date-holidays` at run time (about 0.6 s to load, 6 ms a year to run).
 *
 *   npm run holidays
 *
 * Run it after upgrading `date-holidays` or changing ONE_OFF_CORRECTIONS;
 * test/calendar/rule-holidays.test.ts fails until the snapshot is current.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ruleHolidaysSnapshot } from './rule-holidays-snapshot';

const path = fileURLToPath(new URL('../src/calendar/rule-holidays.json', import.meta.url));
writeFileSync(path, ruleHolidaysSnapshot());
process.stdout.write(`wrote ${path}\n`);
