/**
 * Small TEST procedures for the rule engine's own suite (not the real seven
 * procedures). Plain data, as a user would write it, so that they also
 * exercise `defineProcedure` and the JSON round trip. Together they use every
 * rule kind and every feature of the schema:
 *
 * - test-deadlines  deadline basics (C7), two tiers, silence, open step,
 *                   cancelledBy, unless (due), requiresPrior, dueAt attribute,
 *                   stopEvents, order.
 * - test-anchors    anchors: anyOf, firstOf, rule anchors (conditional
 *                   triggers), firstAfter, add, age (+ whileActive), cap,
 *                   dueAt age, completion.since (offset, any), sameAs,
 *                   unless (anchor), date-time events with 24h.
 * - test-windows    window rules: earliest/latest, no latest, roll, requiresPrior
 *                   (with atLeast).
 * - test-cycle      a cycle (start, restart, end, stopEvents) and cycle-tasks
 *                   (planned dates, first/subsequent, a chosen occurrence,
 *                   the occurrence itself as completion).
 * - test-variants   variants by attribute, effective-dated versions, profiles,
 *                   enabled:false, onlyIfAnyEvent, notes.
 *
 * Every procedure declares a `note` event that no rule reads (for the
 * property "an event the procedure does not use changes no result").
 */
import { defineProcedure, type ProcedureInput } from '../../../src/index';

const src = { document: 'Engine test fixture (not a real procedure)', section: 'n/a', quote: 'test' };
const ev = (description: string) => ({ description });

export const deadlinesInput: ProcedureInput = {
  id: 'test-deadlines',
  title: 'Test: deadlines',
  summary: 'Deadline rules for the engine tests',
  sources: [src],
  events: {
    referral: ev('Referral received'),
    visit: ev('Child visited'),
    assessment: ev('Assessment completed'),
    plan: ev('Plan made'),
    'manager-asked': ev('Manager asked to agree'),
    'manager-response': ev('Manager responded'),
    'strategy-discussion': {
      description: 'Strategy discussion',
      attributes: { s47: { type: 'boolean', description: 'Section 47 enquiry started', default: false } },
    },
    icpc: ev('Initial child protection conference'),
    'icpc-not-required': ev('ICPC found not to be needed'),
    'parents-contacted': ev('Parents contacted'),
    'parents-unknown': ev('Parents cannot be traced'),
    'previous-plan': ev('An earlier plan'),
    'manager-review': ev('Manager review of a repeat referral'),
    'hearing-listed': {
      description: 'Court hearing listed',
      attributes: { hearingDate: { type: 'date', description: 'Date of the hearing' } },
    },
    'statement-filed': ev('Statement filed with the court'),
    'case-closed': ev('Case closed'),
    note: ev('A case note (no rule reads it)'),
  },
  stopEvents: ['case-closed'],
  order: [['referral', 'visit']],
  rules: [
    {
      id: 'visit',
      title: 'Visit within 10 working days of the referral',
      kind: 'deadline',
      source: src,
      anchor: { event: 'referral' },
      timing: { within: '10wd' },
      completion: { event: 'visit' },
    },
    {
      id: 'assessment',
      title: 'Assessment: target 2 working days, limit 5',
      kind: 'deadline',
      source: src,
      anchor: { event: 'referral' },
      timing: { target: '2wd', within: '5wd' },
      completion: { event: 'assessment' },
    },
    {
      id: 'plan',
      title: 'Plan after the assessment (no timescale in the source)',
      kind: 'deadline',
      source: src,
      anchor: { event: 'assessment' },
      timing: { within: null },
      completion: { event: 'plan' },
    },
    {
      id: 'manager-agreement',
      title: 'Manager responds within 5 working days; silence is agreement',
      kind: 'deadline',
      source: src,
      anchor: { event: 'manager-asked' },
      timing: { within: '5wd' },
      completion: { event: 'manager-response' },
      silence: 'deemed-met',
    },
    {
      id: 'icpc',
      title: 'ICPC within 15 working days of a strategy discussion that starts s47',
      kind: 'deadline',
      source: src,
      anchor: { event: 'strategy-discussion', where: { s47: true } },
      timing: { within: '15wd' },
      completion: { event: 'icpc' },
      cancelledBy: ['icpc-not-required'],
    },
    {
      id: 'contact-parents',
      title: 'Contact the parents within 5 working days, unless they cannot be traced',
      kind: 'deadline',
      source: src,
      anchor: { event: 'referral' },
      timing: { within: '5wd' },
      completion: { event: 'parents-contacted' },
      unless: { event: 'parents-unknown', onOrBefore: 'due' },
    },
    {
      id: 'repeat-referral',
      title: 'Manager review of a referral at least 3 months after an earlier plan',
      kind: 'deadline',
      source: src,
      anchor: { event: 'referral' },
      timing: { within: '20wd' },
      completion: { event: 'manager-review' },
      requiresPrior: { event: 'previous-plan', atLeast: '3m' },
    },
    {
      id: 'court-statement',
      title: 'Statement filed by the hearing date',
      kind: 'deadline',
      source: src,
      anchor: { event: 'hearing-listed' },
      timing: { dueAt: { attribute: 'hearingDate' } },
      completion: { event: 'statement-filed' },
    },
  ],
};

export const anchorsInput: ProcedureInput = {
  id: 'test-anchors',
  title: 'Test: anchors',
  summary: 'Anchor kinds for the engine tests',
  sources: [src],
  events: {
    referral: ev('Referral'),
    'self-referral': ev('Self-referral'),
    visit: ev('Visit'),
    'phone-contact': ev('Phone contact'),
    'visit-report': ev('Visit report written'),
    'escalation-review': ev('Escalation review'),
    'strategy-discussion': ev('Strategy discussion'),
    assessment: ev('Assessment'),
    placement: ev('Placement'),
    'episode-start': ev('Episode of care starts'),
    'placement-plan': ev('Placement plan'),
    'order-made': ev('Placement order made'),
    'permanence-review': ev('Permanence review'),
    arrest: { description: 'Arrest (date-time)', dateTime: true },
    'appropriate-adult': { description: 'Appropriate adult attends (date-time)', dateTime: true },
    'dev-check': ev('Development check'),
    'became-looked-after': ev('Became looked after'),
    'ceased-looked-after': ev('Ceased to be looked after'),
    'stage-start': { description: 'Stage starts', attributes: { stage: { type: 'number', description: 'Stage' } } },
    'stage-done': { description: 'Stage done', attributes: { stage: { type: 'number', description: 'Stage' } } },
    letter: ev('Welcome letter'),
    'opt-out': ev('Family opted out of letters'),
    note: ev('A case note (no rule reads it)'),
  },
  rules: [
    {
      id: 'visit',
      title: 'Visit or phone within 5 working days of a referral or self-referral',
      kind: 'deadline',
      source: src,
      anchor: { anyOf: [{ event: 'referral' }, { event: 'self-referral' }] },
      timing: { within: '5wd' },
      completion: { event: ['visit', 'phone-contact'] },
    },
    {
      id: 'visit-report',
      title: 'Report within 1 working day of a visit (not a phone call)',
      kind: 'deadline',
      source: src,
      anchor: { rule: 'visit', at: 'completed', completedBy: ['visit'] },
      timing: { within: '1wd' },
      completion: { event: 'visit-report' },
    },
    {
      id: 'escalation',
      title: 'Escalation review within 2 working days of a missed visit due date',
      kind: 'deadline',
      source: src,
      anchor: { rule: 'visit', at: 'due', status: ['overdue', 'met-late'] },
      timing: { within: '2wd' },
      completion: { event: 'escalation-review' },
    },
    {
      id: 'assessment',
      title: 'Assessment within 10 working days of the strategy discussion, else of the referral',
      kind: 'deadline',
      source: src,
      anchor: { firstOf: [{ event: 'strategy-discussion' }, { event: 'referral' }] },
      timing: { within: '10wd' },
      completion: { event: 'assessment' },
    },
    {
      id: 'placement-plan',
      title: 'Placement plan within 5 working days of the first placement of an episode',
      kind: 'deadline',
      source: src,
      anchor: { event: 'placement', firstAfter: 'episode-start' },
      timing: { within: '5wd' },
      completion: { event: 'placement-plan', since: 'any' },
    },
    {
      id: 'permanence',
      title: 'Permanence review within a month of the order being 9 months old',
      kind: 'deadline',
      source: src,
      anchor: { event: 'order-made', add: '9m' },
      timing: { within: '1m' },
      completion: { event: 'permanence-review' },
    },
    {
      id: 'appropriate-adult',
      title: 'Appropriate adult within 24 hours of an arrest',
      kind: 'deadline',
      source: src,
      anchor: { event: 'arrest' },
      timing: { within: '24h' },
      completion: { event: 'appropriate-adult' },
    },
    {
      id: 'age-check',
      title: 'Check within 8 months of the 2nd birthday, and before 30 months',
      kind: 'deadline',
      source: src,
      anchor: { age: '24m' },
      timing: { within: '8m', cap: { age: ['30m', '-1d'] } },
      completion: { event: 'dev-check', since: '-1m' },
    },
    {
      id: 'before-three',
      title: 'Check before the 3rd birthday of a child who became looked after',
      kind: 'deadline',
      source: src,
      anchor: { event: 'became-looked-after' },
      timing: { dueAt: { age: ['36m', '-1d'] } },
      completion: { event: 'dev-check' },
    },
    {
      id: 'looked-after-at-3',
      title: 'Check within 20 working days of the 3rd birthday, if looked after then',
      kind: 'deadline',
      source: src,
      anchor: { age: '36m', whileActive: { start: ['became-looked-after'], end: ['ceased-looked-after'] } },
      timing: { within: '20wd' },
      completion: { event: 'dev-check' },
    },
    {
      id: 'stage-review',
      title: 'Each stage done within 10 days of its start',
      kind: 'deadline',
      source: src,
      anchor: { event: 'stage-start' },
      timing: { within: '10d' },
      completion: { event: 'stage-done', sameAs: ['stage'] },
    },
    {
      id: 'welcome-letter',
      title: 'Welcome letter within 3 working days, unless the family opted out before',
      kind: 'deadline',
      source: src,
      anchor: { event: 'referral' },
      timing: { within: '3wd' },
      completion: { event: 'letter' },
      unless: { event: 'opt-out', onOrBefore: 'anchor' },
    },
  ],
};

export const windowsInput: ProcedureInput = {
  id: 'test-windows',
  title: 'Test: windows',
  summary: 'Window rules for the engine tests',
  sources: [src],
  events: {
    'birth-notified': ev('Birth notified'),
    'health-visit': ev('Health visit'),
    referral: ev('Referral'),
    review: ev('Review'),
    placement: ev('Placement'),
    'settled-check': ev('Settling-in check'),
    'prior-assessment': ev('Assessment before the placement'),
    'follow-up': ev('Follow-up'),
    note: ev('A case note (no rule reads it)'),
  },
  rules: [
    {
      id: 'new-birth-visit',
      title: 'Visit between 10 and 14 days after the birth is notified',
      kind: 'window',
      source: src,
      anchor: { event: 'birth-notified' },
      timing: { earliest: '10d', latest: '14d' },
      completion: { event: 'health-visit' },
    },
    {
      id: 'easter-window',
      title: 'Review from 1 to 5 working days after the referral',
      kind: 'window',
      source: src,
      anchor: { event: 'referral' },
      timing: { earliest: '1wd', latest: '5wd' },
      completion: { event: 'review' },
    },
    {
      id: 'settling-in',
      title: 'Settling-in check not before 28 days after a placement assessed at least a month before',
      kind: 'window',
      source: src,
      anchor: { event: 'placement' },
      timing: { earliest: '28d' },
      completion: { event: 'settled-check' },
      requiresPrior: { event: 'prior-assessment', atLeast: '1m' },
    },
    {
      id: 'follow-up-window',
      title: 'Follow-up 7 to 14 days after a review (rolled forward)',
      kind: 'window',
      source: src,
      anchor: { event: 'review' },
      timing: { earliest: '7d', latest: '14d', roll: 'forward' },
      completion: { event: 'follow-up' },
    },
  ],
};

export const cycleInput: ProcedureInput = {
  id: 'test-cycle',
  title: 'Test: cycle',
  summary: 'A review cycle and its tasks for the engine tests',
  sources: [src],
  events: {
    'became-looked-after': ev('Became looked after'),
    review: ev('Review held'),
    'ceased-looked-after': ev('Ceased to be looked after'),
    'care-restarted': ev('Care plan restarted'),
    'review-scheduled': {
      description: 'Next review scheduled',
      attributes: { reviewDate: { type: 'date', description: 'Planned review date' } },
    },
    'invitations-sent': ev('Invitations sent'),
    'plan-agreed': ev('Plan agreed'),
    'left-authority': ev('Moved to another authority'),
    note: ev('A case note (no rule reads it)'),
  },
  stopEvents: ['left-authority'],
  rules: [
    {
      id: 'reviews',
      title: 'Reviews: 20 working days, then 3 months, then every 6 months',
      kind: 'cycle',
      source: src,
      start: { event: 'became-looked-after' },
      restart: ['care-restarted'],
      end: ['ceased-looked-after'],
      timing: { intervals: ['20wd', '3m', '6m'] },
      completion: { event: 'review' },
    },
    {
      id: 'invitations',
      title: 'Invitations 5 working days before the first review, 2 weeks before later ones',
      kind: 'cycle-task',
      source: src,
      cycle: 'reviews',
      select: 'each',
      planned: { event: 'review-scheduled', attribute: 'reviewDate' },
      timing: { before: { first: '5wd', subsequent: '2w' } },
      completion: { event: 'invitations-sent' },
    },
    {
      id: 'plan-by-second',
      title: 'Plan agreed by the 2nd review',
      kind: 'cycle-task',
      source: src,
      cycle: 'reviews',
      select: { occurrence: 2 },
      timing: {},
      completion: { event: 'plan-agreed', since: 'cycle-start' },
    },
    {
      id: 'held-as-planned',
      title: 'Each review held by its planned date',
      kind: 'cycle-task',
      source: src,
      cycle: 'reviews',
      select: 'each',
      planned: { event: 'review-scheduled', attribute: 'reviewDate' },
      timing: {},
    },
  ],
};

export const variantsInput: ProcedureInput = {
  id: 'test-variants',
  title: 'Test: variants',
  summary: 'Versions, variants, profiles and switches for the engine tests',
  sources: [src],
  events: {
    request: {
      description: 'Request received',
      attributes: { urgent: { type: 'boolean', description: 'Urgent request', default: false } },
    },
    response: ev('Response'),
    escalated: ev('Escalated'),
    'follow-up-done': ev('Follow-up done'),
    'audit-done': ev('Audit done'),
    'cooled-off': ev('Cooling-off check'),
    note: ev('A case note (no rule reads it)'),
  },
  profiles: {
    local: {
      description: 'Local procedure: 14 calendar days (rolled forward), no follow-up, a longer cooling-off',
      source: { document: 'Local procedure (test)' },
      rules: {
        respond: { timing: { within: '14d', roll: 'forward' } },
        'follow-up': { enabled: false },
        'cooling-off': { timing: { latest: '14d' } },
      },
    },
    strict: {
      description: 'Stricter reading: a 5 working-day target inside the limit',
      rules: { respond: { timing: { target: '5wd' } } },
    },
  },
  rules: [
    {
      id: 'respond',
      title: 'Respond within 10 working days (2 if urgent; 15 for requests before April 2024)',
      kind: 'deadline',
      source: src,
      anchor: { event: 'request' },
      timing: { within: '10wd' },
      completion: { event: 'response' },
      versions: [{ until: '2024-03-31', note: 'before April 2024', timing: { within: '15wd' } }],
      variants: [{ where: { urgent: true }, timing: { within: '2wd' }, note: 'urgent' }],
      notes: [{ text: 'escalated case', whenAnyEvent: ['escalated'] }, { text: 'always shown' }],
    },
    {
      id: 'follow-up',
      title: 'Follow-up within 20 working days, only for escalated cases',
      kind: 'deadline',
      source: src,
      anchor: { event: 'request' },
      timing: { within: '20wd' },
      completion: { event: 'follow-up-done' },
      onlyIfAnyEvent: ['escalated'],
    },
    {
      id: 'annual-audit',
      title: 'Audit within a year (off unless switched on)',
      kind: 'deadline',
      source: src,
      enabled: false,
      anchor: { event: 'request' },
      timing: { within: '1y' },
      completion: { event: 'audit-done' },
    },
    {
      id: 'cooling-off',
      title: 'Cooling-off check 5 to 10 days after the request',
      kind: 'window',
      source: src,
      anchor: { event: 'request' },
      timing: { earliest: '5d', latest: '10d' },
      completion: { event: 'cooled-off' },
    },
  ],
};

export const deadlines = defineProcedure(deadlinesInput);
export const anchors = defineProcedure(anchorsInput);
export const windows = defineProcedure(windowsInput);
export const cycle = defineProcedure(cycleInput);
export const variants = defineProcedure(variantsInput);

/** Every test procedure, as written (input) and as defined. */
export const ALL_INPUTS: ProcedureInput[] = [deadlinesInput, anchorsInput, windowsInput, cycleInput, variantsInput];
export const ALL = [deadlines, anchors, windows, cycle, variants];

/**
 * One case per procedure that reaches many branches (for the JSON round trip):
 * the dates are arbitrary; the JSON test compares two evaluations, not values.
 */
export const SAMPLE_CASES: Record<string, { record: { id: string; dateOfBirth?: string; events: Array<Record<string, string | number | boolean>> }; asOf: string }> = {
  'test-deadlines': {
    asOf: '2024-06-30',
    record: {
      id: 'D',
      events: [
        { type: 'referral', date: '2024-03-20' },
        { type: 'referral', date: '2024-03-25' },
        { type: 'visit', date: '2024-03-26' },
        { type: 'assessment', date: '2024-03-25' },
        { type: 'manager-asked', date: '2024-04-22' },
        { type: 'strategy-discussion', date: '2024-06-03', s47: true },
        { type: 'icpc', date: '2024-06-20' },
        { type: 'previous-plan', date: '2023-12-20' },
        { type: 'hearing-listed', date: '2024-05-01', hearingDate: '2024-05-20' },
        { type: 'statement-filed', date: '2024-05-21' },
      ],
    },
  },
  'test-anchors': {
    asOf: '2024-12-31',
    record: {
      id: 'A',
      dateOfBirth: '2022-01-31',
      events: [
        { type: 'referral', date: '2024-04-03' },
        { type: 'self-referral', date: '2024-04-05' },
        { type: 'visit', date: '2024-04-09' },
        { type: 'phone-contact', date: '2024-04-30' },
        { type: 'episode-start', date: '2024-05-01' },
        { type: 'placement', date: '2024-05-01' },
        { type: 'placement', date: '2024-05-20' },
        { type: 'order-made', date: '2023-11-30' },
        { type: 'arrest', date: '2024-03-30T12:00' },
        { type: 'appropriate-adult', date: '2024-03-31T12:30' },
        { type: 'dev-check', date: '2024-07-30' },
        { type: 'became-looked-after', date: '2024-02-01' },
        { type: 'stage-start', date: '2024-06-03', stage: 1 },
        { type: 'stage-done', date: '2024-06-10', stage: 1 },
      ],
    },
  },
  'test-windows': {
    asOf: '2024-12-31',
    record: {
      id: 'W',
      events: [
        { type: 'birth-notified', date: '2024-07-01' },
        { type: 'health-visit', date: '2024-07-11' },
        { type: 'referral', date: '2024-03-27' },
        { type: 'review', date: '2024-04-01' },
        { type: 'prior-assessment', date: '2024-05-01' },
        { type: 'placement', date: '2024-06-03' },
      ],
    },
  },
  'test-cycle': {
    asOf: '2024-12-31',
    record: {
      id: 'Y',
      events: [
        { type: 'became-looked-after', date: '2024-03-01' },
        { type: 'review-scheduled', date: '2024-03-04', reviewDate: '2024-03-27' },
        { type: 'invitations-sent', date: '2024-03-20' },
        { type: 'review', date: '2024-03-27' },
        { type: 'plan-agreed', date: '2024-04-10' },
        { type: 'care-restarted', date: '2024-06-03' },
      ],
    },
  },
  'test-variants': {
    asOf: '2024-06-30',
    record: {
      id: 'V',
      events: [
        { type: 'request', date: '2024-03-26' },
        { type: 'request', date: '2024-04-08', urgent: true },
        { type: 'response', date: '2024-04-10' },
        { type: 'escalated', date: '2024-04-11' },
      ],
    },
  },
};
