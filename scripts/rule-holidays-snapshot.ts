/**
 * The text of src/calendar/rule-holidays.json, computed from `date-holidays`
 * (used by scripts/generate-rule-holidays.ts and by the test that checks the
 * snapshot is current).
 */
import Holidays from 'date-holidays';
import { createRequire } from 'node:module';
import { FIRST_SUPPORTED_DATE, LAST_SUPPORTED_DATE } from '../src/calendar/calendar';
import { formatIsoDay } from '../src/calendar/daynumber';
import { DATE_HOLIDAYS_STATE, DIVISIONS, generatedHolidays, type RuleHolidaysFile } from '../src/calendar/holidays';

export function ruleHolidaysSnapshot(): string {
  const version = (createRequire(import.meta.url)('date-holidays/package.json') as { version: string }).version;
  const firstYear = Number(FIRST_SUPPORTED_DATE.slice(0, 4));
  const lastYear = Number(LAST_SUPPORTED_DATE.slice(0, 4));
  const names: string[] = [];
  const index = new Map<string, number>();
  const divisions = {} as RuleHolidaysFile['divisions'];
  for (const division of DIVISIONS) {
    const hd = new Holidays('GB', DATE_HOLIDAYS_STATE[division], { types: ['public'] });
    const years: Record<string, Array<[string, number]>> = {};
    for (let y = firstYear; y <= lastYear; y++) {
      years[String(y)] = generatedHolidays(hd, y).map(({ day, name }) => {
        if (!index.has(name)) index.set(name, names.push(name) - 1);
        return [formatIsoDay(day).slice(5), index.get(name)!];
      });
    }
    divisions[division] = years;
  }
  const file: RuleHolidaysFile = { generatedBy: `date-holidays ${version} (scripts/generate-rule-holidays.ts)`, firstYear, lastYear, names, divisions };
  // One line per division and year keeps diffs readable.
  const lines = [
    '{',
    `  "generatedBy": ${JSON.stringify(file.generatedBy)},`,
    `  "firstYear": ${firstYear},`,
    `  "lastYear": ${lastYear},`,
    `  "names": ${JSON.stringify(names)},`,
    '  "divisions": {',
    DIVISIONS.map(
      (d) => `    ${JSON.stringify(d)}: {\n${Object.entries(divisions[d]).map(([y, l]) => `      ${JSON.stringify(y)}: ${JSON.stringify(l)}`).join(',\n')}\n    }`,
    ).join(',\n'),
    '  }',
    '}',
    '',
  ];
  return lines.join('\n');
}
