/**
 * Our Children's Reviews and the IRO (seed 004: Blackpool; seed 001 variant).
 *
 * The first review within 20 working days of the child becoming looked after,
 * the second no more than 3 months (91 days) after the first, then no more
 * than 6 months (183 days) after the previous one. A review within 20 working
 * days of a move to a new carer. After a placement order: a review within 3
 * months, then every 6 months; placed for adoption: the sequence begins again
 * "as if this is a new care episode". Before each review: invitations, the
 * child consulted, documents to the IRO, the IRO prepares and visits. After
 * it: decisions circulated, the full record, copies sent, the manager's
 * consideration, the care plan updated.
 */
import type { ProcedureInput } from '../engine/index';
import { BLACKPOOL_REVIEWS, REVIEW_REGULATIONS_1991, SUSSEX_ICS } from './documents';

const P = 'lac-review';

/** Tasks before each review are counted back from its planned date. */
const beforeEachReview = {
  kind: 'cycle-task' as const,
  cycle: 'review-cycle',
  select: 'each' as const,
  planned: { event: 'review-scheduled', attribute: 'reviewDate' },
};

/** A rule of the child's period of care: it ends when the child stops being looked after (or is adopted). */
const inCare = { period: 'looked-after' };
/** A record of something that happened in care (a review held, a visit made): still owed after the child left care. */
const recordOfCare = { period: 'looked-after', atPeriodEnd: 'runs-on' as const };

export const lacReview: ProcedureInput = {
  id: P,
  title: "Looked-after children's reviews and the IRO",
  summary:
    "The statutory review sequence of a looked-after child (20 working days, 3 months, then 6-monthly), the extra reviews after a change of carer or a placement order, and the IRO's tasks before and after each review.",
  sources: [
    { ...BLACKPOOL_REVIEWS, section: "Our Children's Reviews" },
    { ...SUSSEX_ICS, section: "1.2.5 Integrated Children's System (ICS)" },
    { ...REVIEW_REGULATIONS_1991, section: 'reg 3' },
  ],
  events: {
    'became-looked-after': { description: 'The child became looked after (the start of a period of care)' },
    'lac-review': {
      description: 'Looked-after review held',
      attributes: { meeting: { type: 'boolean', description: 'The review was held as a meeting', default: true } },
    },
    'carer-changed': { description: 'The child moved to a new carer' },
    'placement-order': { description: 'A placement order was made' },
    'placed-for-adoption': { description: 'The child was placed for adoption: the review sequence begins again' },
    'adoption-order': { description: 'An adoption order was made: the reviews end' },
    'ceased-looked-after': { description: 'The child stopped being looked after' },
    'review-scheduled': {
      description: 'A review date was set',
      attributes: { reviewDate: { type: 'date', description: 'The planned date of the review' } },
    },
    'invitations-sent': { description: 'Invitations to the review sent' },
    'child-consulted': { description: 'The social worker consulted the child about who to invite' },
    'documents-sent-to-iro': { description: 'Review report and care/pathway plan sent to the IRO' },
    'iro-prepared': { description: 'The IRO reviewed the information before the review' },
    'iro-visit': { description: 'The IRO visited the child' },
    'iro-visit-recorded': { description: 'The IRO recorded the visit' },
    'review-decisions-circulated': { description: 'Written review decisions sent to all participants' },
    'review-record-completed': { description: 'Full written record of the review completed' },
    'review-record-distributed': { description: 'Copies of the review record sent out' },
    'review-decisions-considered': { description: 'The team manager considered the review decisions' },
    'care-plan-updated': { description: 'The social worker updated the care plan after the review' },
    'permanence-plan-agreed': { description: 'A plan for permanence was agreed' },
    'long-term-foster-designated': { description: 'The placement was designated a long-term foster home' },
  },
  periods: {
    'looked-after': {
      description: 'A period of care: from becoming looked after to ceasing to be looked after or an adoption order',
      start: ['became-looked-after'],
      end: ['ceased-looked-after', 'adoption-order'],
    },
  },
  rules: [
    // The review sequence.
    {
      id: 'review-cycle',
      title: 'Reviews: the 1st within 20 working days of becoming looked after, the 2nd within 91 days of the 1st, then within 183 days of the previous',
      kind: 'cycle',
      ...inCare,
      source: {
        document: 'blackpool-reviews',
        section: 'Frequency of review meetings',
        quote: 'no more than 3 months (91 days) after the date of the first review. The third and any subsequent reviews should take place no more than 6 months (183 days) after the previous review.',
      },
      start: { event: 'became-looked-after' },
      restart: ['placed-for-adoption'],
      end: ['ceased-looked-after', 'adoption-order'],
      timing: { intervals: ['20wd', '91d', '183d'] },
      completion: { event: 'lac-review' },
    },
    {
      id: 'review-after-carer-change',
      title: 'A review within 20 working days of the child moving to a new carer',
      kind: 'deadline',
      ...inCare,
      source: {
        document: 'blackpool-reviews',
        section: 'Frequency of review meetings',
        quote: "The Our Children's Review will be held within 20 working days of the date that the child moved.",
      },
      anchor: { event: 'carer-changed' },
      timing: { within: '20wd' },
      completion: { event: 'lac-review', reportEarly: false },
    },
    {
      id: 'review-after-placement-order',
      title: 'A review within 3 months of a placement order, then at least every 6 months',
      kind: 'cycle',
      ...inCare,
      source: {
        document: 'blackpool-reviews',
        section: 'Frequency of review meetings',
        quote: "The Our Children's Review will be held within 3 months of the making of the Placement Order and thereafter at least once every 6 months",
      },
      start: { event: 'placement-order' },
      end: ['placed-for-adoption', 'adoption-order', 'ceased-looked-after'],
      timing: { intervals: ['3m', '6m'] },
      completion: { event: 'lac-review' },
    },
    {
      id: 'placement-order-not-placed',
      title: 'Not placed for adoption 9 months after the placement order: the next review reconsiders the plan',
      kind: 'deadline',
      ...inCare,
      source: {
        document: 'blackpool-reviews',
        section: 'Frequency of review meetings',
        quote: 'If the child is not placed 9 months after the granting of the Placement Order, the review must consider whether the plan remains appropriate',
      },
      anchor: { event: 'placement-order', add: '9m' },
      unless: { event: 'placed-for-adoption', onOrBefore: 'anchor' },
      timing: { within: null },
      completion: { event: 'lac-review', reportEarly: false },
    },
    {
      id: 'long-term-foster-meeting',
      title: 'In a designated long-term foster home: a review held as a meeting at least once every 12 months',
      kind: 'cycle',
      ...inCare,
      source: {
        document: 'blackpool-reviews',
        section: "Section 9, Our Children's Reviews Concerning Children in Long Term Foster Home",
        quote: 'Where it is agreed that a meeting will not be held as part of every review a meeting should be held at least once a year.',
      },
      start: { event: 'long-term-foster-designated' },
      end: ['ceased-looked-after', 'adoption-order'],
      timing: { intervals: ['12m'] },
      completion: { event: 'lac-review', where: { meeting: true } },
    },
    // Before each review (counted back from the planned date).
    {
      ...beforeEachReview,
      id: 'invitations-sent',
      title: 'Invitations sent 2 weeks before the review',
      source: {
        document: 'blackpool-reviews',
        section: "Our Children's Reviews",
        quote: "The invitations for the Our children's review will be sent out 2 weeks prior to the review.",
      },
      timing: { before: '2w' },
      completion: { event: 'invitations-sent' },
    },
    {
      ...beforeEachReview,
      id: 'child-consulted',
      title: 'The child consulted about invitations at least 20 working days before the review',
      source: {
        document: 'blackpool-reviews',
        section: "Our Children's Reviews",
        quote: "The child's social worker must discuss the purpose of the review with the child, parents and carers and consult the child about invitations at least 20 working days before the review meeting.",
      },
      timing: { before: '20wd' },
      completion: { event: 'child-consulted' },
    },
    {
      ...beforeEachReview,
      id: 'documents-to-iro',
      title: 'Review report and care/pathway plan to the IRO 3 working days before an initial review, 5 before a subsequent one',
      source: {
        document: 'blackpool-reviews',
        section: "Our Children's Reviews",
        quote: 'The social worker must send the IRO the following documents 3 working days before an Initial Review and 5 working days before a subsequent review',
      },
      timing: { before: { first: '3wd', subsequent: '5wd' } },
      completion: { event: 'documents-sent-to-iro' },
    },
    {
      ...beforeEachReview,
      id: 'iro-preparation',
      title: 'The IRO reviews the information 3 days before the review',
      source: {
        document: 'blackpool-reviews',
        section: "Our Children's Reviews",
        quote: '3 days before the Review meeting the IRO will review all of the relevant information to the review',
      },
      timing: { before: '3d' },
      completion: { event: 'iro-prepared' },
    },
    {
      ...beforeEachReview,
      id: 'iro-visit-before-review',
      title: 'The IRO visits the child before every review',
      source: {
        document: 'blackpool-reviews',
        section: 'Visits to Our Children > Frequency of visits',
        quote: "The IRO will visit and spend time with Our Child prior to every Our Children's review (3 and then 6 months).",
      },
      timing: { before: '1d' },
      completion: { event: 'iro-visit' },
    },
    // After each review.
    {
      id: 'decisions-circulated',
      title: 'Written review decisions to all participants within 5 working days',
      kind: 'deadline',
      ...recordOfCare,
      source: {
        document: 'blackpool-reviews',
        section: "Our Children's Reviews",
        quote: 'A written record of the decisions and recommendations will be completed and circulated by the Independent Review Officer to all participants within 5 working days of the meeting.',
      },
      anchor: { event: 'lac-review' },
      timing: { within: '5wd' },
      completion: { event: 'review-decisions-circulated' },
    },
    {
      id: 'full-record',
      title: 'Full written record of the review within 15 working days',
      kind: 'deadline',
      ...recordOfCare,
      source: {
        document: 'blackpool-reviews',
        section: "Our Children's Reviews",
        quote: 'The full written record of the review will be completed within 15 working days of the review.',
      },
      anchor: { event: 'lac-review' },
      timing: { within: '15wd' },
      completion: { event: 'review-record-completed' },
    },
    {
      id: 'record-distributed',
      title: 'Copies of the record sent within 20 working days of the review',
      kind: 'deadline',
      ...recordOfCare,
      source: {
        document: 'blackpool-reviews',
        section: "Our Children's Reviews",
        quote: 'will send copies out to all relevant parties who have provided their full name and address on the attendance sheet within 20 working days of the completion of the review.',
      },
      anchor: { event: 'lac-review' },
      timing: { within: '20wd' },
      completion: { event: 'review-record-distributed' },
    },
    {
      id: 'decisions-considered',
      title: 'The team manager considers the decisions within 5 working days of receiving them; silence means agreed',
      kind: 'deadline',
      ...recordOfCare,
      source: {
        document: 'blackpool-reviews',
        section: 'Section 12, Review Decisions',
        quote: "should consider the decisions made at each Our Children's Review Meeting within 5 working days of receiving them",
      },
      anchor: { event: 'review-decisions-circulated' },
      timing: { within: '5wd' },
      completion: { event: 'review-decisions-considered' },
      silence: 'deemed-met',
    },
    {
      id: 'care-plan-updated',
      title: 'The social worker updates the care plan within 10 working days of the review',
      kind: 'deadline',
      ...inCare,
      source: {
        document: 'blackpool-reviews',
        section: "Our Children's Reviews",
        quote: 'After the review, the social worker is responsible for updating the Care Plan within 10 working days, in relation to any changes to the Care Plan agreed at the review.',
      },
      anchor: { event: 'lac-review' },
      timing: { within: '10wd' },
      completion: { event: 'care-plan-updated' },
    },
    {
      id: 'iro-visit-recorded',
      title: 'The IRO records each visit within 2 working days, and no more than 5',
      kind: 'deadline',
      ...recordOfCare,
      source: {
        document: 'blackpool-reviews',
        section: 'Visits to Our Children > Recording of visits',
        quote: 'The recording of the case note should be within 2 working days of the visit and no more than 5 working days.',
      },
      anchor: { event: 'iro-visit' },
      timing: { target: '2wd', within: '5wd' },
      completion: { event: 'iro-visit-recorded' },
    },
    // Milestones the reviews must cover.
    {
      id: 'permanence-plan',
      title: 'A plan for permanence by the 2nd review',
      kind: 'cycle-task',
      ...inCare,
      source: {
        document: 'blackpool-reviews',
        section: "Our Children's Reviews",
        quote: 'Statutory guidance requires that a clear plan for permanence is agreed by the second review of the Care Plan (i.e. within 4 months of the child becoming Looked After)',
      },
      cycle: 'review-cycle',
      select: { occurrence: 2 },
      timing: {},
      completion: { event: 'permanence-plan-agreed', since: 'cycle-start' },
    },
    {
      id: 'staying-put',
      title: 'The first review after the 16th birthday considers Staying Put',
      kind: 'cycle-task',
      per: 'case',
      source: {
        document: 'blackpool-reviews',
        section: "Our Children's Reviews",
        quote: "the first Our Children's Review Meeting following their 16th birthday should consider whether a Staying Put arrangement",
      },
      cycle: 'review-cycle',
      select: { firstDueOnOrAfter: { age: '16y' } },
      timing: {},
    },
    {
      id: 'pathway-transition',
      title: 'The last review before the 16th birthday prepares the move from Care Plan to Pathway Plan',
      kind: 'cycle-task',
      per: 'case',
      source: {
        document: 'sussex-ics',
        section: "9. Recording Guidance > Child/Young Person's Looked After Review Record",
        quote: 'If the Review is the last review before the child is 16, then preparations for transition to a Pathway Plan will be made',
      },
      cycle: 'review-cycle',
      select: { lastDueBefore: { age: '16y' } },
      timing: {},
    },
  ],
  profiles: {
    months: {
      description: 'Seed 001 wording and the Regulations: 2nd review within 3 months, then every 6 months',
      source: {
        document: 'sussex-ics',
        section: "9. Recording Guidance > Child/Young Person's Looked After Review Record",
        quote: 'reviewed within 20 working days of the date on which the child starts to be looked after, within three months of that first review and subsequently at intervals not exceeding six months',
      },
      rules: { 'review-cycle': { timing: { intervals: ['20wd', '3m', '6m'] } } },
    },
    'pre-2011': {
      description: 'Reviews of periods of care that began before 1 April 2011: 4 weeks, 3 months, then 6 months',
      source: {
        document: 'review-regulations-1991',
        section: 'reg 3',
      },
      rules: {
        'review-cycle': {
          versions: [
            {
              until: '2011-03-31',
              timing: { intervals: ['4w', '3m', '6m'] },
              note: 'period of care began before 2011-04-01: 4 weeks, 3 months, 6 months (Review of Children\'s Cases Regulations 1991)',
            },
          ],
        },
      },
    },
  },
  interpretations: [
    {
      topic: '3 months (91 days) and 6 months (183 days)',
      reading: 'Seed 004 writes "3 months (91 days)" and "6 months (183 days)": the default uses the days (conventions C4).',
      alternative: 'Profile `months`: 3 and 6 calendar months (seed 001 and the Regulations).',
    },
    {
      topic: 'Placement orders and adoption',
      reading: 'A placement order starts its own sequence (3 months, then 6-monthly) until the child is placed for adoption; `placed-for-adoption` restarts the main sequence (20 working days, 3 months, 6 months) "as if this is a new care episode", until `adoption-order`.',
      alternative: 'Read literally, the seed puts the restart straight after the placement-order bullets; a caller who reads it so can record `placed-for-adoption` on the placement order date.',
    },
    {
      topic: 'Not placed 9 months after a placement order',
      reading: 'The seed names no review date: the first review on or after the 9-month point meets the rule; until then it is pending with the working days open.',
    },
    {
      topic: 'The planned date of a review',
      reading: 'Tasks before a review count back from the latest `review-scheduled` reviewDate recorded since the previous review; without one, from the date the review was held; without that, from its due date.',
    },
    {
      topic: 'The IRO visit before a review',
      reading: 'The seed gives no day count: an `iro-visit` after the previous review and on or before the day before the review meets the rule.',
    },
    {
      topic: 'Long-term foster meetings',
      reading: 'From `long-term-foster-designated`, a review with `meeting: true` at most 12 months after the designation and then after the previous such meeting.',
    },
    {
      topic: 'Staying Put and the move to a Pathway Plan',
      reading: 'About the child, not the period of care: one result per child (`per: case`), against the review that should deal with them: the first review held (or due) on or after the 16th birthday, whichever period of care it falls in, and the last one before it (once it is known to be the last). The rule cannot see placement type: Staying Put is reported for every child, not only those in foster care.',
      alternative: 'Issue 10 words both as "against the first review following the 16th birthday"; `pathway-transition` keeps its source, the last review before the child is 16 (Sussex ICS §9), counted once per child.',
    },
    {
      topic: 'Periods of care',
      reading: 'Every rule belongs to the `looked-after` period (becoming looked after … ceasing to be looked after or an adoption order): reviews, tasks and reminders of one period of care are met only by events of that period, and a new period starts the sequence again. Work for the child\'s care ends when the child leaves care: the review sequences, the review after a change of carer, the placement-order steps, the tasks before each review, the permanence plan and the care plan update. One already overdue when care ended stays overdue, its lateness counted to the day care ended; one not yet due then (or with no timescale) is not reported.',
    },
    {
      topic: 'Review after a change of carer when the child leaves care',
      reading: 'Ends with the period of care (issue 10): a review that was overdue when the child left care stays overdue, late to the day the child left, not to the as-of date; a change of carer whose 20 working days had not run out when the child left is not reported.',
    },
    {
      topic: 'Records of a review or visit held in care',
      reading: '`decisions-circulated`, `full-record`, `record-distributed`, `decisions-considered` and `iro-visit-recorded` record something that happened while the child was looked after, and are still owed after the child leaves: they run on (late to the as-of date) until done or until the child becomes looked after again.',
    },
    {
      topic: 'Tasks before a review held soon after the child became looked after',
      reading: 'A task whose due date, counted back from the review, falls before the child became looked after is due on the day the child became looked after (e.g. the child consulted 20 working days before a first review held on day 10).',
    },
    {
      topic: 'Placement order, 9 months on',
      reading: 'The "not placed" step belongs to the period of care of the order: if the child left care before the 9 months ran out there is no step; one still open when the child left is not reported (no review can follow leaving care).',
    },
    {
      topic: 'Record distributed "within 20 working days of the completion of the review"',
      reading: 'Counted from the review meeting (the `lac-review` date), not from the full record.',
    },
  ],
};
