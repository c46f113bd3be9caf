/**
 * Integrated Children's System records (seed 001: Sussex Child Protection and
 * Safeguarding Procedures 1.2.5). The ICS records and when each must be done:
 * the initial assessment within 10 working days of referral, the core
 * assessment within 35 working days of commencement, the care plan, the
 * chronology and the placement information record at placement, plan reviews
 * at least every 6 months, the Assessment and Progress Record, and the care
 * leaver's needs assessment within 3 months.
 */
import type { ProcedureInput } from '../engine/index';
import { CARE_PLANNING_REGULATIONS_2010, RBWM_SCR_ACTION_PLAN, SUSSEX_ICS } from './documents';

const P = 'ics-records';

export const icsRecords: ProcedureInput = {
  id: P,
  title: "Integrated Children's System records",
  summary:
    "The ICS records a children's social care service keeps, and the timescales the Sussex procedures set for each: assessments, plans, reviews of plans, and records for children looked after and leaving care.",
  sources: [
    { ...SUSSEX_ICS, section: "1.2.5 Integrated Children's System (ICS)" },
    { ...RBWM_SCR_ACTION_PLAN, section: '7. RBWM Children’s Social Care Actions' },
    { ...CARE_PLANNING_REGULATIONS_2010, section: 'reg 4(2)' },
  ],
  events: {
    referral: { description: 'Referral received' },
    'initial-assessment-completed': { description: 'Initial assessment completed' },
    'core-assessment-started': { description: 'Core assessment commenced' },
    'core-assessment-completed': { description: 'Core assessment completed' },
    's47-started': { description: 'Section 47 enquiries started (a core assessment commences with them)' },
    'became-looked-after': {
      description: 'The child became looked after',
      attributes: { coreAssessmentUpToDate: { type: 'boolean', description: 'An up-to-date core assessment existed when the child became looked after' } },
    },
    'placement-started': {
      description: 'A placement began',
      attributes: { emergency: { type: 'boolean', description: 'An emergency placement', default: false } },
    },
    'placement-information-record-completed': { description: 'Placement information record completed' },
    'care-plan-completed': { description: 'Care plan completed' },
    'chronology-provided': { description: 'Chronology given to the carers' },
    'cin-plan-started': { description: 'Child in Need plan started' },
    'cin-plan-review': { description: 'Child in Need plan reviewed' },
    'cin-plan-ended': { description: 'Child in Need plan ended' },
    'childs-plan-started': { description: "Child's Plan started" },
    'childs-plan-review': { description: "Child's Plan reviewed" },
    'childs-plan-ended': { description: "Child's Plan ended" },
    'returned-home': { description: 'A looked-after child returned home' },
    'apr-started': { description: 'Assessment and Progress Record started (decided at the 2nd looked-after review)' },
    'apr-completed': { description: 'Assessment and Progress Record completed' },
    'became-eligible': { description: 'Became an eligible or relevant care leaver (default: the 16th birthday of a child looked after then)' },
    'needs-assessment-completed': { description: "Care leaver's needs assessment completed" },
    'pathway-plan-completed': { description: 'Pathway plan completed' },
    'ceased-looked-after': { description: 'The child stopped being looked after' },
    closure: { description: 'The case was closed' },
  },
  periods: {
    'looked-after': {
      description: 'A period of care: from becoming looked after to ceasing to be looked after',
      start: ['became-looked-after'],
      end: ['ceased-looked-after'],
    },
    'cin-plan': {
      description: 'A Child in Need plan: from its start to its end or the closure of the case',
      start: ['cin-plan-started'],
      end: ['cin-plan-ended', 'closure'],
    },
    'childs-plan': {
      description: "A Child's Plan: from its start to its end or the closure of the case",
      start: ['childs-plan-started'],
      end: ['childs-plan-ended', 'closure'],
    },
  },
  rules: [
    {
      id: 'initial-assessment',
      title: 'Initial assessment within a maximum of 10 working days of the referral',
      kind: 'deadline',
      source: {
        document: 'sussex-ics',
        section: '9. Recording Guidance > Initial Assessment Record',
        quote: 'The document should be completed within a maximum of 10 working days from the date of the referral',
      },
      anchor: { event: 'referral' },
      timing: { within: '10wd' },
      completion: { event: 'initial-assessment-completed' },
    },
    {
      id: 'core-assessment',
      title: 'Core assessment within 35 working days of commencement (commenced when S47 enquiries start)',
      kind: 'deadline',
      source: {
        document: 'sussex-ics',
        section: '5. Children in Need Exemplars/Forms > Core Assessment Record',
        quote: 'A Core Assessment should be completed within 35 working days of its commencement.',
      },
      anchor: { firstOf: [{ event: 'core-assessment-started' }, { event: 's47-started' }] },
      timing: { within: '35wd' },
      completion: { event: 'core-assessment-completed' },
    },
    {
      id: 'core-assessment-looked-after',
      title: 'A child who becomes looked after without an up-to-date core assessment gets one within 35 working days',
      kind: 'deadline',
      period: 'looked-after',
      source: {
        document: 'sussex-ics',
        section: '9. Recording Guidance > Core Assessment Record',
        quote: 'In circumstances where a child/young person becomes looked after and does not have an up to date Core Assessment, one should be completed within 35 working days',
      },
      anchor: { event: 'became-looked-after', where: { coreAssessmentUpToDate: false } },
      timing: { within: '35wd' },
      completion: { event: 'core-assessment-completed' },
    },
    {
      id: 'core-assessment-return-home',
      title: 'Looked after more than 6 months and going home: core assessment updated before the return, or within 35 working days of it',
      kind: 'deadline',
      period: 'looked-after',
      atPeriodEnd: 'runs-on',
      source: {
        document: 'sussex-ics',
        section: '9. Recording Guidance > Core Assessment Record',
        quote: "looked after for more than 6 months to return home, a Core Assessment should be updated prior to the return home date, (or at least within 35 working days of the child's return home)",
      },
      anchor: { event: 'returned-home' },
      requiresPrior: { event: 'became-looked-after', moreThan: '6m' },
      timing: { within: '35wd' },
      completion: { event: 'core-assessment-completed', since: '-6m' },
    },
    {
      id: 'care-plan',
      title: 'Care plan before the child becomes looked after, or within 14 days of placement',
      kind: 'deadline',
      source: {
        document: 'sussex-ics',
        section: '6. Looked After and Leaving Care Exemplars/Forms > Care Plan',
        quote: 'If this is not possible, the Care Plan must be completed within 14 days of the placement.',
      },
      anchor: { event: 'placement-started', firstAfter: 'became-looked-after' },
      timing: { within: '14d' },
      completion: { event: 'care-plan-completed', since: '-6m' },
    },
    {
      id: 'chronology',
      title: 'Chronology given to the carers at placement or within a reasonable time (14 days)',
      kind: 'deadline',
      source: {
        document: 'sussex-ics',
        section: '6. Looked After and Leaving Care Exemplars/Forms > Chronology',
        quote: 'The Chronology should be given to Staff/Carers at the time of admission/placement – or within a reasonable timescale (e.g. 14 days).',
      },
      anchor: { event: 'placement-started' },
      timing: { within: '14d' },
      completion: { event: 'chronology-provided', since: '-6m' },
    },
    {
      id: 'placement-information-record',
      title: 'Placement information record completed before placement, except in an emergency',
      kind: 'deadline',
      source: {
        document: 'sussex-ics',
        section: '6. Looked After and Leaving Care Exemplars/Forms > Placement Information Record',
        quote: 'In all cases, except emergencies, all sections of the Placement Information Record should be completed by the time a child is placed.',
      },
      anchor: { event: 'placement-started' },
      timing: { within: '0d' },
      variants: [
        {
          where: { emergency: true },
          timing: { within: null },
          note: 'emergency placement: "as soon as reasonably practicable", no timescale',
        },
      ],
      completion: { event: 'placement-information-record-completed', since: '-6m' },
    },
    {
      id: 'cin-plan-review',
      title: 'Child in Need plan reviewed at least every 6 months',
      kind: 'cycle',
      period: 'cin-plan',
      source: {
        document: 'sussex-ics',
        section: '9. Recording Guidance > Child/Young Person in Need Review',
        quote: 'A Child/Young Person in Need Review should take place at least every 6 months',
      },
      start: { event: 'cin-plan-started' },
      end: ['cin-plan-ended', 'closure'],
      timing: { intervals: ['6m'] },
      completion: { event: 'cin-plan-review' },
    },
    {
      id: 'childs-plan-review',
      title: "Child's Plan reviewed at least every 6 months",
      kind: 'cycle',
      period: 'childs-plan',
      source: {
        document: 'sussex-ics',
        section: "7. Reviewing Process > Reviewing the Child's Plan",
        quote: 'It is good practice for the Child’s Plan to be reviewed at least every 6 months.',
      },
      start: { event: 'childs-plan-started' },
      end: ['childs-plan-ended', 'closure'],
      timing: { intervals: ['6m'] },
      completion: { event: 'childs-plan-review' },
    },
    {
      id: 'apr',
      title: 'Assessment and Progress Record completed within 35 working days of starting (and by the 3rd review)',
      kind: 'deadline',
      source: {
        document: 'sussex-ics',
        section: '9. Recording Guidance > Assessment and Progress Record for Looked After Children',
        quote: 'The Assessment and Action Record should be completed within a maximum of 35 working days from the start of the process',
      },
      anchor: { event: 'apr-started' },
      timing: { within: '35wd' },
      completion: { event: 'apr-completed' },
    },
    {
      id: 'needs-assessment',
      title: "Care leaver's needs assessment within 3 months of becoming eligible or relevant",
      kind: 'deadline',
      source: {
        document: 'sussex-ics',
        section: '6. Looked After and Leaving Care Exemplars/Forms > Pathway Plan',
        quote: 'The responsible authority must complete a needs assessment within 3 months of a young person becoming an eligible or relevant child',
      },
      anchor: {
        firstOf: [
          { event: 'became-eligible' },
          { age: '16y', whileActive: { start: ['became-looked-after'], end: ['ceased-looked-after'] } },
        ],
      },
      timing: { within: '3m' },
      completion: { event: 'needs-assessment-completed' },
    },
    {
      id: 'pathway-plan',
      title: 'Pathway plan as soon as possible after the needs assessment',
      kind: 'deadline',
      source: {
        document: 'sussex-ics',
        section: '6. Looked After and Leaving Care Exemplars/Forms > Pathway Plan',
        quote: 'It must also prepare a Pathway Plan for eligible and relevant children, as soon as possible after completing the needs assessment.',
      },
      anchor: { event: 'needs-assessment-completed' },
      timing: { within: null },
      completion: { event: 'pathway-plan-completed' },
    },
    {
      id: 'cin-after-care',
      title: 'A child who stops being looked after stays a child in need for at least 3 months: no closure within 3 months',
      kind: 'window',
      period: 'looked-after',
      atPeriodEnd: 'runs-on',
      source: {
        document: 'rbwm-scr-action-plan',
        section: '7. RBWM Children’s Social Care Actions > 62.',
        quote: 'all children with Looked After status should be considered as a child in need when discharged from care for at least a three month period',
      },
      anchor: { event: 'ceased-looked-after' },
      requiresPrior: { period: 'cin-plan', otherwise: 'overdue' },
      timing: { earliest: '3m', latest: null },
      completion: { event: ['closure', 'cin-plan-ended'] },
      notes: [
        {
          text: 'A closure or end of the CIN plan before 3 months have passed is reported as met-early (a breach). With no CIN plan open on the day care ended (a cin-plan-started on or before it, not ended before it), the child did not stay a child in need: pending for 3 months, then overdue.',
        },
      ],
    },
  ],
  profiles: {
    statutory: {
      description: 'Care plan within 10 working days of placement (the Regulations) instead of the local 14 days',
      source: {
        document: 'care-planning-regulations-2010',
        section: 'reg 4(2)',
        quote: 'the care plan must be prepared before C is first placed by the responsible authority or, if it is not practicable to do so, within ten working days of the start of C’s first placement',
      },
      rules: { 'care-plan': { timing: { within: '10wd' } } },
    },
  },
  interpretations: [
    {
      topic: 'Care plan "before" placement',
      reading: 'A care plan completed any time in the 6 months before the placement counts as done before it; the 14 days run from the first placement of each looked-after episode.',
      alternative: 'Profile `statutory`: 10 working days (Care Planning, Placement and Case Review (England) Regulations 2010, reg 4(2)).',
    },
    {
      topic: 'Core assessment on returning home',
      reading: 'Applies when the child has been looked after for more than 6 months in the current period of care (becoming looked after + 6 months is before the return home; exactly 6 months does not qualify, and an earlier period of care does not count); a core assessment completed in the 6 months before the return, or within 35 working days after it, meets the rule. It runs on after care ends: the assessment is due after the return home.',
    },
    {
      topic: 'Chronology "within a reasonable time (e.g. 14 days)"',
      reading: 'The example in the seed, 14 calendar days, is the timescale; a chronology given in the 6 months before the placement counts as given at placement.',
    },
    {
      topic: 'Emergency placements',
      reading: 'The placement information record of a placement with `emergency: true` has no timescale ("as soon as reasonably practicable"): pending with the working days open.',
    },
    {
      topic: 'Becoming eligible',
      reading: 'Without a `became-eligible` event, the 16th birthday of a child who is looked after on that day starts the needs assessment clock.',
    },
    {
      topic: 'Staying a child in need after care (seed 002, action 62)',
      reading: 'A CIN plan must be open on the day care ended (a `cin-plan-started` on or before it, not ended before it). Then a `closure` or `cin-plan-ended` within 3 months of `ceased-looked-after` is a breach (met-early); none by then is met. With no CIN plan open, the child did not stay a child in need: nothing can meet the rule, which is pending for 3 months and then overdue (a plan started after care ended does not count). If the child becomes looked after again within the 3 months, the result ends there (not reported while still open).',
    },
    {
      topic: 'Periods',
      reading: 'Rules of a looked-after child belong to the `looked-after` period: the core assessment on becoming looked after ends with it; the return-home assessment and the child-in-need check after care run on. The CIN plan and Child\'s Plan reviews belong to their plan\'s period (`cin-plan`, `childs-plan`). Not scoped to a period, because they are anchored on a placement, an assessment or an eligibility that already places them (and many records carry placements without a `became-looked-after`): `care-plan` (its anchor is already the first placement of each period), `chronology`, `placement-information-record`, `apr`, `needs-assessment` (a care leaver\'s duty that continues after care), `pathway-plan`; and the referral and S47 assessments.',
    },
  ],
};
