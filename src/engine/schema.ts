/**
 * Procedures as data (docs/architecture.md): a procedure is a plain object, written
 * in TypeScript or JSON, validated strictly by these zod schemas. Types come
 * from the schemas. Behaviour lives in the engine's small set of rule kinds:
 *
 * - `deadline`   an anchor (events, an age, or another rule's result) → a due
 *                date → a completing event. Covers "within N of X", two tiers
 *                (target/limit), silence means agreed, open steps with no
 *                timescale, conditional triggers (`unless`, `requiresPrior`,
 *                rule anchors) and due dates read from an attribute.
 * - `window`     an earliest and (optionally) a latest date around an anchor.
 * - `cycle`      a repeating sequence: first interval, second, then every …;
 *                start, restart and end events; occurrence numbers.
 * - `cycle-task` something due before (or at) each occurrence of a cycle, or at
 *                a chosen occurrence: invitations two weeks before a review,
 *                a plan by the 2nd review.
 */
import { z } from 'zod';
import { AttributeValue, IsoDateString } from './case';

export const STATUSES = [
  'met',
  'met-late',
  'met-early',
  'met-after-target',
  'past-target',
  'deemed-met',
  'pending',
  'due-soon',
  'overdue',
] as const;
export const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;

/** Statuses that are a breach of the timescale (C7). */
export const BREACH_STATUSES: ReadonlySet<Status> = new Set<Status>(['met-late', 'met-early', 'overdue']);

/** A duration such as `20wd`, `-1d`, `3m`, `24h`. */
const DURATION_PATTERN = /^[+-]?\d{1,6}(wd|d|w|m|y|h)$/;
export const DurationText = z.string().regex(DURATION_PATTERN, 'expected a duration such as 20wd, -1d, 14d, 2w, 3m, 1y or 24h');
/** One duration, or several applied in order (`['36m', '-1d']`: the day before the 3rd birthday). */
export const Offset = z.union([DurationText, z.array(DurationText).min(1)]);
export type Offset = z.infer<typeof Offset>;

const name = z.string().min(1);
const names = z.union([name, z.array(name).min(1)]);

/** Attribute equality, e.g. `{ s47: true }`, `{ stage: 2 }`. */
export const Condition = z.record(z.string(), AttributeValue);

/** A place in a document: the document (as named in the procedure's `sources`), the section, a short exact quote. */
export const SourceRefSchema = z
  .object({
    document: z.string().min(1),
    /** The heading as the document writes it; nested headings joined with " > ". */
    section: z.string().optional(),
    quote: z.string().optional(),
    /**
     * How the timescale was verified: `primary` (read in the instrument's or
     * the guidance's own text), `secondary` (only in reproductions: council
     * manuals, charities). Left out for local documents, quoted word for word.
     */
    verified: z.enum(['primary', 'secondary']).optional(),
  })
  .strict();
export type SourceRef = z.infer<typeof SourceRefSchema>;

/**
 * A document a procedure follows, declared once in the procedure's `sources`
 * and cited by its rules and profiles through `source.document`. The simple
 * form `{ document: 'Local procedure 2024' }` only names it; a declaration may
 * also say what it is. `section` and `quote` here are the part of the
 * document the whole procedure follows.
 */
export const SourceDocumentSchema = SourceRefSchema.extend({
  /** The document's title as it is cited, e.g. "Our Children's Reviews procedure". */
  title: z.string().min(1).optional(),
  /** Who issued it, e.g. "Blackpool Council". */
  publisher: z.string().min(1).optional(),
  /** When it was issued or last updated: a year, a month or a day. */
  date: z
    .string()
    .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected a year, a month or a day: YYYY, YYYY-MM or YYYY-MM-DD')
    .optional(),
  /** The file name of a plain-text copy that the maintainers' check (`npm run check:sources -- DIR`) finds in DIR. */
  file: z.string().regex(/^[^/\\]+$/, 'expected a file name without a folder').optional(),
}).strict();
export type SourceDocument = z.infer<typeof SourceDocumentSchema>;

export const RollSchema = z.enum(['none', 'forward', 'backward']);

/** Events that begin an occurrence: each matching event is one anchor. */
const EventAnchor = z
  .object({
    event: names,
    where: Condition.optional(),
    /** Only the first matching event after each event of this type (e.g. the first placement of an episode). */
    firstAfter: name.optional(),
    /** Shift the anchor, e.g. `9m` after a placement order. */
    add: Offset.optional(),
  })
  .strict();

/** The date of birth plus an age, e.g. `{ age: '27m' }`. */
const AgeAnchor = z
  .object({
    age: Offset,
    /** Only when the child is "active" then: a start event on or before it and no end event between. */
    whileActive: z.object({ start: z.array(name).min(1), end: z.array(name) }).strict().optional(),
  })
  .strict();

/** Another rule's result: its due date or its completion, optionally only for some statuses. */
const RuleAnchor = z
  .object({
    rule: name,
    at: z.enum(['due', 'completed']),
    status: z.array(StatusSchema).optional(),
    completedBy: z.array(name).optional(),
  })
  .strict();

export const SingleAnchor = z.union([EventAnchor, AgeAnchor, RuleAnchor]);
export type SingleAnchor = z.infer<typeof SingleAnchor>;

/** One anchor, all of several (`anyOf`), or the first alternative the case has (`firstOf`). */
export const AnchorSchema = z.union([
  SingleAnchor,
  z.object({ anyOf: z.array(SingleAnchor).min(1) }).strict(),
  z.object({ firstOf: z.array(SingleAnchor).min(1) }).strict(),
]);
export type Anchor = z.infer<typeof AnchorSchema>;

/**
 * From when a completing event counts: one vocabulary for every rule kind,
 * each kind taking the values it can use (docs/rule-kinds.md, "Completion").
 *
 * - `anchor` (the default): on or after the occurrence's anchor (C7). The
 *   anchor of a cycle's occurrence is the previous occurrence (or the start of
 *   the sequence), so a cycle-task's event counts from the previous review.
 * - `any`: any date (deadline, window).
 * - an offset back from the anchor, e.g. `-6m`: "any date from 6 months
 *   before placement counts" (deadline, window).
 * - `origin`: from the origin of the anchor: for an event anchor the event
 *   itself; for a rule anchor, the anchor of the result it is anchored on (an
 *   escalation counts from the day the failed stage was raised) (deadline, window).
 * - `cycle-start`: from the start of the cycle's sequence, and until the end
 *   of the sequence rather than until the occurrence (cycle-task).
 */
const SINCE_WORDS = z.enum(['anchor', 'any', 'origin', 'cycle-start']);
/** The values of `since` for a deadline or a window. */
const AnchorSince = z.union([
  SINCE_WORDS.exclude(['cycle-start']),
  z.string().regex(DURATION_PATTERN, "'anchor' (the default), 'any', 'origin', or an offset back from the anchor such as -6m"),
  z.array(DurationText).min(1),
]);
/** The values of `since` for a cycle-task. */
const CycleTaskSince = SINCE_WORDS.extract(['anchor', 'cycle-start'], {
  error: "'anchor' (the default: from the previous occurrence) or 'cycle-start'",
});

/** What completes an occurrence. */
export const CompletionSchema = z
  .object({
    event: names,
    where: Condition.optional(),
    /** Attributes that must equal the anchor event's (e.g. `stage`). */
    sameAs: z.array(name).optional(),
    /** From when a completing event counts: `anchor` (default), `any`, `origin`, or an offset back from the anchor (see `SINCE_WORDS`). */
    since: AnchorSince.optional(),
    /** Numeric attributes that must be higher than the origin event's (a later stage escalates an earlier one). */
    higher: z.array(name).min(1).optional(),
    /**
     * Report a completing event dated before its anchor as a data problem
     * (default true). Switch off where the completing event is a general one
     * that often comes first for other reasons (a review before a change of carer).
     */
    reportEarly: z.boolean().optional(),
  })
  .strict();
export type Completion = z.infer<typeof CompletionSchema>;

/** A date from the date of birth, or from an attribute (a date) of the anchor event. */
export const DateRef = z.union([
  z.object({ age: Offset }).strict(),
  z.object({ attribute: name }).strict(),
]);
export type DateRef = z.infer<typeof DateRef>;

/** The timing of a deadline: the part that profiles, versions, variants and overrides may change. */
export const DeadlineTiming = z
  .object({
    /**
     * Due = anchor + within. `null`: no timescale, an open step (C7); a patch
     * writes `null` to take a timescale away. Left out with no `dueAt` or
     * `cap`, it means the same: `timing: {}` is read as `{ within: null }`.
     */
    within: Offset.nullable().optional(),
    /** Due at a fixed date instead: from the date of birth, or an attribute of the anchor event. */
    dueAt: DateRef.optional(),
    /** Two tiers: a target inside the limit (C7): late against the target is not a breach. */
    target: Offset.optional(),
    /** Never later than this date. */
    cap: DateRef.optional(),
    roll: RollSchema.optional(),
    countStartDay: z.boolean().optional(),
  })
  .strict();
export type DeadlineTiming = z.infer<typeof DeadlineTiming>;

export const WindowTiming = z
  .object({
    earliest: Offset,
    latest: Offset.nullable().optional(),
    roll: RollSchema.optional(),
  })
  .strict();

export const CycleTiming = z
  .object({
    /** Interval before each occurrence; the last repeats: `['20wd', '91d', '183d']`. */
    intervals: z.array(DurationText).min(1),
    /**
     * Other intervals once the sequence reaches a point: the sequence start +
     * `elapsed` ("after the first year of the placement"), or the first `event`
     * on or after the start ("until the first review"). An occurrence counted
     * from a date on or after that point takes these intervals (the last repeats).
     */
    thereafter: z
      .object({
        from: z.union([z.object({ elapsed: DurationText }).strict(), z.object({ event: names }).strict()]),
        intervals: z.array(DurationText).min(1),
      })
      .strict()
      .optional(),
    roll: RollSchema.optional(),
    countStartDay: z.boolean().optional(),
  })
  .strict();

export const CycleTaskTiming = z
  .object({
    /** Due this long before the planned date; `first` for the 1st occurrence, `subsequent` for the rest. */
    before: z.union([Offset, z.object({ first: Offset, subsequent: Offset }).strict()]).optional(),
    roll: RollSchema.optional(),
    countStartDay: z.boolean().optional(),
  })
  .strict();

/** A note added to a rule's results, optionally only when the case has some event. */
const NoteSchema = z.object({ text: z.string().min(1), whenAnyEvent: z.array(name).optional() }).strict();

/**
 * The timing fields of a rule kind as a patch: any of them, nothing else (the
 * message of an unknown field lists the kind's fields).
 */
function timingPatch(kind: string, timing: z.ZodObject) {
  const fields = Object.keys(timing.shape).join(', ');
  return z.strictObject(timing.partial().shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `the timing fields of a ${kind} rule (${fields}), not ${issue.keys.join(', ')}` : undefined),
  });
}
const DeadlineTimingPatch = timingPatch('deadline', DeadlineTiming);
const WindowTimingPatch = timingPatch('window', WindowTiming);
const CycleTimingPatch = timingPatch('cycle', CycleTiming);
const CycleTaskTimingPatch = timingPatch('cycle-task', CycleTaskTiming);

/**
 * Effective-dated versions of a rule's timing, chosen by the anchor date (the
 * start of a cycle's sequence; a deadline's `versionsBy` event), C10. A
 * version may name itself (`name`, shown in the trace), cite its own source
 * (results then show it), and say the rule was not in force then
 * (`applies: false`: no result for that anchor).
 */
function versionsOf<T extends z.ZodType>(timing: T) {
  return z.array(
    z
      .object({
        from: IsoDateString.optional(),
        until: IsoDateString.optional(),
        /** The version as the trace names it, e.g. "Working Together 2013, in force from 15 April 2013". */
        name: z.string().min(1).optional(),
        note: z.string().optional(),
        /** The source of this version, when not the rule's (a document of the procedure's `sources`). */
        source: SourceRefSchema.optional(),
        /** `false`: the rule did not apply to anchors in this range (another rule did); no result. */
        applies: z.boolean().optional(),
        timing,
      })
      .strict(),
  );
}
export type RuleVersion = {
  from?: string | undefined;
  until?: string | undefined;
  name?: string | undefined;
  note?: string | undefined;
  source?: SourceRef | undefined;
  applies?: boolean | undefined;
  timing: Record<string, unknown>;
};

/**
 * A change to one rule, the same shape in a profile and in a caller's
 * overrides (C10): switch it on or off, force a rule that runs only for some
 * cases, change its timing (merged into the rule's timing and into every one
 * of its versions), or replace its versions.
 */
function rulePatchOf<T extends z.ZodType>(timing: T) {
  return z.strictObject(
    {
      enabled: z.boolean({ error: 'true or false' }).optional(),
      /** Evaluate the rule even when the case records none of its `onlyIfAnyEvent` events. */
      force: z.boolean({ error: 'true or false' }).optional(),
      timing: timing.optional(),
      versions: versionsOf(timing).optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `a rule patch { enabled?, force?, timing?, versions? } without ${issue.keys.join(', ')} (timing fields go inside timing: { … })`
          : undefined,
    },
  );
}

/** A rule patch as written, before it is checked against its rule's kind. */
export const RulePatchSchema = rulePatchOf(z.record(z.string(), z.unknown()));
export type RulePatch = z.infer<typeof RulePatchSchema>;

/** The patch of each rule kind: its timing fields only. */
export const RULE_PATCH_SCHEMAS = {
  deadline: rulePatchOf(DeadlineTimingPatch),
  window: rulePatchOf(WindowTimingPatch),
  cycle: rulePatchOf(CycleTimingPatch),
  'cycle-task': rulePatchOf(CycleTaskTimingPatch),
} as const;

/**
 * An earlier event a rule needs (docs/rule-kinds.md, "Periods"): `event` on or
 * before the anchor, or at least / more than a duration before it, counted
 * forward from the event (`event + moreThan < anchor`); in a rule scoped to a
 * period only events of the current period count. Or `period`: the case is in
 * a period of that name on the anchor day (begun on or before it, not ended
 * before it; the duration counts from its start). `otherwise`: what a missing
 * prior means: `skip` (default: the rule does not apply) or `overdue` (the
 * result is reported with nothing able to meet it: pending until its due
 * date, or a window's opening date, then overdue).
 */
export const RequiresPriorSchema = z
  .object({
    event: names.optional(),
    period: name.optional(),
    atLeast: DurationText.optional(),
    moreThan: DurationText.optional(),
    otherwise: z.enum(['skip', 'overdue']).optional(),
  })
  .strict()
  .refine((prior) => !(prior.atLeast && prior.moreThan), { error: 'either atLeast or moreThan, not both' })
  .refine((prior) => (prior.event === undefined) !== (prior.period === undefined), { error: 'either event or period, one of them' });
export type RequiresPrior = z.infer<typeof RequiresPriorSchema>;

/** What happens to an open result when its period ends (docs/rule-kinds.md, "Periods"). */
export const AtPeriodEndSchema = z.enum(['ends', 'runs-on']);
export type AtPeriodEnd = z.infer<typeof AtPeriodEndSchema>;

const ruleCommon = {
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case rule id'),
  title: z.string().min(1),
  /** Where the timescale comes from: a document of the procedure's `sources`, the section and a short quote. */
  source: SourceRefSchema,
  enabled: z.boolean().optional(),
  notes: z.array(NoteSchema).optional(),
  /** Evaluate only when the case records one of these events (unless the caller forces the rule). */
  onlyIfAnyEvent: z.array(name).optional(),
  /**
   * The period the rule belongs to (a name of the procedure's `periods`): its
   * anchors, prior conditions and completing events are taken from the
   * current period only. A cycle-task belongs to its cycle's period.
   */
  period: name.optional(),
  /**
   * What an open result does when its period ends: `ends` (default) — one
   * already overdue stays overdue, its lateness counted to the period's end;
   * one not yet due is not reported; `runs-on` — it stays open, and late,
   * until it is done or the next period of the same kind begins.
   */
  atPeriodEnd: AtPeriodEndSchema.optional(),
};

export const DeadlineRuleSchema = z
  .object({
    ...ruleCommon,
    kind: z.literal('deadline'),
    anchor: AnchorSchema,
    timing: DeadlineTiming,
    versions: versionsOf(DeadlineTimingPatch).optional(),
    /**
     * Choose the version by the date of the latest of these events on or before
     * the anchor (else the anchor's own date): a core assessment follows the
     * regime in force when the case was referred.
     */
    versionsBy: z.object({ event: names }).strict().optional(),
    completion: CompletionSchema,
    /** Other timings chosen by the anchor event's attributes, e.g. `{ where: { emergency: true }, timing: { within: null } }`. */
    variants: z.array(z.object({ where: Condition, timing: DeadlineTiming, note: z.string().optional() }).strict()).optional(),
    /** Silence means agreement: on expiry the status is `deemed-met`, not a breach (C7). */
    silence: z.literal('deemed-met').optional(),
    /** The rule does not apply when one of these events happened on or before the anchor. */
    unless: z.object({ event: names, onOrBefore: z.enum(['anchor', 'due']) }).strict().optional(),
    /** The rule applies only when this event happened on or before the anchor (at least `atLeast`, or more than `moreThan`, before it). */
    requiresPrior: RequiresPriorSchema.optional(),
    /** An occurrence no longer applies once one of these events happens (e.g. `icpc-not-required`). */
    cancelledBy: z.array(name).optional(),
  })
  .strict();

export const WindowRuleSchema = z
  .object({
    ...ruleCommon,
    kind: z.literal('window'),
    anchor: AnchorSchema,
    timing: WindowTiming,
    versions: versionsOf(WindowTimingPatch).optional(),
    completion: CompletionSchema,
    requiresPrior: RequiresPriorSchema.optional(),
  })
  .strict();

export const CycleRuleSchema = z
  .object({
    ...ruleCommon,
    kind: z.literal('cycle'),
    /** Events that begin a sequence when none is running. */
    start: z.object({ event: names, where: Condition.optional() }).strict(),
    /** Events that begin the sequence again from its first interval (C8). */
    restart: z.array(name).optional(),
    /** Events that stop the sequence (C8). */
    end: z.array(name).optional(),
    timing: CycleTiming,
    versions: versionsOf(CycleTimingPatch).optional(),
    /** Other timings chosen by the start event's attributes, e.g. `{ where: { arrangement: 'reg-19' }, timing: { intervals: ['1w'] } }`. */
    variants: z.array(z.object({ where: Condition, timing: CycleTimingPatch, note: z.string().optional() }).strict()).optional(),
    completion: CompletionSchema,
  })
  .strict();

export const CycleTaskRuleSchema = z
  .object({
    ...ruleCommon,
    kind: z.literal('cycle-task'),
    /** The cycle rule whose occurrences this task belongs to. */
    cycle: name,
    /** Which occurrences: every one, the nth, or the one around an age. */
    select: z.union([
      z.literal('each'),
      z.object({ occurrence: z.number().int().min(1) }).strict(),
      z.object({ firstDueOnOrAfter: z.object({ age: Offset }).strict() }).strict(),
      z.object({ lastDueBefore: z.object({ age: Offset }).strict() }).strict(),
    ]),
    /**
     * `sequence` (default): the selection is made in each sequence of the cycle;
     * `case`: once for the whole case, across sequences and periods (the first
     * review after the 16th birthday is one review of the child).
     */
    per: z.enum(['sequence', 'case']).optional(),
    /** Where the planned date of an occurrence is recorded; otherwise the held date, else the due date. */
    planned: z.object({ event: name, attribute: name }).strict().optional(),
    timing: CycleTaskTiming,
    versions: versionsOf(CycleTaskTimingPatch).optional(),
    /**
     * The task's own completing event, counted from the previous occurrence
     * (`since: 'anchor'`, default) or from the start of the sequence
     * (`'cycle-start'`). Absent: the occurrence itself (the review) completes the task.
     */
    completion: z.object({ event: names, where: Condition.optional(), since: CycleTaskSince.optional() }).strict().optional(),
  })
  .strict();

export const RuleSchema = z.discriminatedUnion('kind', [
  DeadlineRuleSchema,
  WindowRuleSchema,
  CycleRuleSchema,
  CycleTaskRuleSchema,
]);
export type Rule = z.infer<typeof RuleSchema>;
export type DeadlineRule = z.infer<typeof DeadlineRuleSchema>;
export type WindowRule = z.infer<typeof WindowRuleSchema>;
export type CycleRule = z.infer<typeof CycleRuleSchema>;
export type CycleTaskRule = z.infer<typeof CycleTaskRuleSchema>;
export type RuleKind = Rule['kind'];

export const AttributeTypeSchema = z.enum(['boolean', 'number', 'string', 'date']);

export const EventDefinitionSchema = z
  .object({
    description: z.string().min(1),
    /** The event carries a date-time (hour-based rules, C6). */
    dateTime: z.boolean().optional(),
    attributes: z
      .record(
        z.string(),
        z
          .object({
            type: AttributeTypeSchema,
            description: z.string().min(1),
            default: AttributeValue.optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();
export type EventDefinition = z.infer<typeof EventDefinitionSchema>;

export const ProfileSchema = z
  .object({
    description: z.string().min(1),
    /** Where the profile's timings come from, when another document than the rule's (a document of the procedure's `sources`). */
    source: SourceRefSchema.optional(),
    /** Per rule id, a patch: `{ enabled?, force?, timing?, versions? }` (checked against the rule's kind by `defineProcedure`). */
    rules: z.record(z.string(), RulePatchSchema),
  })
  .strict();
export type Profile = z.infer<typeof ProfileSchema>;

/**
 * A period a procedure knows: a period of care, a plan, an open issue. It
 * begins with a start event when none is running and ends with the first end
 * event after it; a later start event begins the next one.
 */
export const PeriodSchema = z
  .object({
    description: z.string().min(1),
    start: z.array(name).min(1),
    end: z.array(name).min(1),
  })
  .strict();
export type PeriodDefinition = z.infer<typeof PeriodSchema>;

export const ProcedureSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case procedure id'),
    title: z.string().min(1),
    summary: z.string().min(1),
    /** The documents the procedure follows, main source first; every `source.document` names one of them. */
    sources: z.array(SourceDocumentSchema).min(1),
    events: z.record(z.string(), EventDefinitionSchema),
    /** The periods the rules can be scoped to (`rule.period`), by name. */
    periods: z.record(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case period name'), PeriodSchema).optional(),
    rules: z.array(RuleSchema).min(1),
    profiles: z.record(z.string(), ProfileSchema).optional(),
    /** Events that stop every rule of the procedure (e.g. `left-setting`). */
    stopEvents: z.array(name).optional(),
    /** Record-keeping orders: a step dated before the step it follows is a data problem. */
    order: z.array(z.array(name).min(2)).optional(),
    /** Readings of an ambiguous or silent source, written for the docs. */
    interpretations: z.array(z.object({ topic: z.string(), reading: z.string(), alternative: z.string().optional() }).strict()).optional(),
  })
  .strict();
export type Procedure = z.infer<typeof ProcedureSchema>;
export type ProcedureInput = z.input<typeof ProcedureSchema>;
