import { z } from 'zod';

/** `YYYY-MM-DD`: a day in England, no time, no zone (conventions C1). */
export const IsoDateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');

/** An ISO date, or an ISO date-time `YYYY-MM-DDTHH:mm[:ss][offset]` for hour-based rules (C6). */
export const IsoDateOrDateTimeString = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/,
    'expected an ISO date YYYY-MM-DD or date-time YYYY-MM-DDTHH:mm',
  );

/** An event attribute value: what a CSV cell or JSON scalar can carry. */
export const AttributeValue = z.union([z.string(), z.number(), z.boolean()]);

/**
 * One thing that happened to a child: `{ type, date, ...attributes }`.
 * `type` is an event name of the procedure (listed on its docs/procedures/ page), `date` an ISO date
 * (or date-time for hour-based rules); any other key is an attribute.
 */
export const CaseEventSchema = z
  .object({
    type: z.string().min(1, 'expected an event name'),
    date: IsoDateOrDateTimeString,
  })
  .catchall(AttributeValue);

/** A child's history: `{ id, dateOfBirth?, events }`. Events may arrive in any order. */
export const CaseRecordSchema = z
  .object({
    id: z.string().min(1, 'expected a case id'),
    dateOfBirth: IsoDateString.optional(),
    events: z.array(CaseEventSchema),
    /**
     * Where each event was read, by position (`sources[i]` is the file and 1-based line of `events[i]`): set
     * by the file readers so a problem the evaluation finds with an event names its file and line.
     */
    sources: z.array(z.object({ file: z.string(), line: z.number().int() }).strict()).optional(),
  })
  .strict();

export type CaseEvent = z.infer<typeof CaseEventSchema>;
export type CaseRecord = z.infer<typeof CaseRecordSchema>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The mark of a `{ case, problems }` chunk whose case this package's own
 * reader built and handed straight to the audit (the CLI's streamed audit):
 * the audit then evaluates it without checking its shape again
 * (`isPlainCaseRecord`, else the schema). The readers' records are ones the
 * schema accepts and gives back unchanged (a property test of the readers
 * holds them to it), so the evaluation is the same. Internal: the symbol is
 * not exported from the package, so no caller can mark a record it built or changed.
 */
export const VOUCHED: unique symbol = Symbol('safeguarding-timescales: case built by the reader');

/**
 * True when `record` is certainly a valid `CaseRecord` as it is (what the
 * readers build): the same checks as `CaseRecordSchema`, written out, so that an
 * audit does not pay for a schema parse per case. When it says false, the schema
 * decides (and gives the error). Conservative: a number must be finite, and an
 * event's keys must begin with `type`, `date`.
 */
export function isPlainCaseRecord(record: unknown): record is CaseRecord {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return false;
  const r = record as Record<string, unknown>;
  for (const key in r) if (key !== 'id' && key !== 'dateOfBirth' && key !== 'events') return false;
  if (typeof r.id !== 'string' || r.id.length === 0) return false;
  if ('dateOfBirth' in r && (typeof r.dateOfBirth !== 'string' || !ISO_DATE.test(r.dateOfBirth))) return false;
  const events = r.events;
  if (!Array.isArray(events)) return false;
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as Record<string, unknown>;
    if (e === null || typeof e !== 'object' || Array.isArray(e)) return false;
    if (typeof e.type !== 'string' || e.type.length === 0 || typeof e.date !== 'string' || !(isDateShape(e.date) || ISO_DATE_OR_TIME.test(e.date))) return false;
    // type and date first, as the schema's output would have them (attributes keep their order after them).
    let k = 0;
    for (const key in e) {
      if (k++ < 2) {
        if (key !== (k === 1 ? 'type' : 'date')) return false;
        continue;
      }
      const v = e[key];
      if (typeof v !== 'string' && typeof v !== 'boolean' && !(typeof v === 'number' && Number.isFinite(v))) return false;
    }
  }
  return true;
}

/** `ISO_DATE.test(text)` by character codes (what almost every event's date is): ten characters, digits and two dashes. */
function isDateShape(text: string): boolean {
  if (text.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    const c = text.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== 45 : c < 48 || c > 57) return false;
  }
  return true;
}
