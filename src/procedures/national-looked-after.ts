/**
 * Looked-after children under the Care Planning, Placement and Case Review
 * (England) Regulations 2010 (SI 2010/959), in force from 1 April 2011: the
 * care plan, the placement plan, notice of a placement, the visits of reg 28,
 * the reviews of reg 33 and the needs assessment of an eligible child. Periods
 * of care that began before 1 April 2011 keep the reviews of the Review of
 * Children's Cases Regulations 1991 (an earlier version of `review-cycle`).
 * Every rule is written in our own words and cites the regulation; the
 * timescales of SI 2010/959 were read in its text as made [P].
 */
import type { ProcedureInput } from '../engine/index';
import { SI_1991_895, SI_2010_959, SI_2020_445 } from './national-documents';

const P = 'national-looked-after';
const CPPCR = 'Care Planning, Placement and Case Review (England) Regulations 2010, in force from 1 April 2011';
/** The Regulations came into force on 1 April 2011 (reg 1). */
const IN_FORCE = { from: '2011-04-01', name: CPPCR, timing: {} };

export const nationalLookedAfter: ProcedureInput = {
  id: P,
  title: 'Looked-after children: national timescales (Care Planning Regulations 2010)',
  summary:
    'The care plan within 10 working days of the first placement, the placement plan and the notice of an emergency placement within 5 working days, visits under reg 28, reviews at 20 working days, 3 months and then every 6 months (reg 33), and an eligible child’s needs assessment within 3 months of the 16th birthday.',
  sources: [
    { ...SI_2010_959, section: 'Parts 2 to 7' },
    { ...SI_1991_895, section: 'reg 3' },
    { ...SI_2020_445, section: 'reg 8(4)' },
  ],
  events: {
    'became-looked-after': { description: 'The child became looked after (the start of a period of care)' },
    'placement-started': {
      description: 'A placement began (the first placement of a period, or a move)',
      attributes: {
        emergency: { type: 'boolean', description: 'The placement was made in an emergency (reg 13)', default: false },
        arrangement: {
          type: 'string',
          description:
            'Which visiting schedule of reg 28 applies: `reg-19` (placed with a parent before the assessment was complete), `reg-24` (temporary approval of a connected person), `ico-with-parent` (interim care order, living with a parent), `care-order-with-parent` (care order, living with a parent: date the event on the day the care order was made); absent: the default schedule',
        },
        untilEighteen: {
          type: 'boolean',
          description: 'The placement is intended to last until the child is 18 (reg 28(2)(c)(i): 3-monthly visits after the first year)',
          default: false,
        },
      },
    },
    'carer-changed': {
      description:
        'The child moved to a new carer (as the SSDA903 return records a new episode with a change of carer): the start of a new placement, like `placement-started`',
    },
    'care-plan-completed': { description: 'The care plan was prepared' },
    'placement-plan-completed': { description: 'The placement plan was prepared' },
    'placement-notified': { description: 'Written notice of the placement was given to the people reg 13 lists' },
    visit: { description: 'The responsible authority’s representative visited the child' },
    'lac-review': { description: 'Looked-after review held' },
    'became-eligible': { description: 'The child became an eligible child (looked after 13 weeks since the age of 14, and aged 16 or 17), when that was after the 16th birthday' },
    'needs-assessment-completed': { description: 'The assessment of the eligible child’s needs was completed' },
    'ceased-looked-after': { description: 'The child stopped being looked after (the end of a period of care)' },
  },
  periods: {
    'looked-after': {
      description: 'A period of care: from becoming looked after to ceasing to be looked after',
      start: ['became-looked-after'],
      end: ['ceased-looked-after'],
    },
  },
  rules: [
    {
      id: 'care-plan',
      period: 'looked-after',
      title: 'Care plan before the first placement, or within 10 working days of its start',
      kind: 'deadline',
      source: { document: 'care-planning-regulations-2010', section: 'reg 4(2)', verified: 'primary' },
      anchor: { event: 'placement-started', firstAfter: 'became-looked-after' },
      timing: { within: '10wd' },
      versions: [
        {
          until: '2011-03-31',
          name: 'SI 2010/959 reg 4(6): first placed before 1 April 2011',
          note: 'the care plan as soon as reasonably practicable: no fixed timescale',
          source: { document: 'care-planning-regulations-2010', section: 'reg 4(6)', verified: 'primary' },
          timing: { within: null },
        },
        IN_FORCE,
      ],
      completion: { event: 'care-plan-completed', since: '-6m' },
    },
    {
      id: 'placement-plan',
      period: 'looked-after',
      title: 'Placement plan before the placement, or within 5 working days of its start',
      kind: 'deadline',
      source: { document: 'care-planning-regulations-2010', section: 'reg 9(2)', verified: 'primary' },
      anchor: { event: ['placement-started', 'carer-changed'] },
      timing: { within: '5wd' },
      versions: [
        {
          until: '2011-03-31',
          name: 'SI 2010/959 reg 9(4): arrangements made before 1 April 2011',
          note: 'the placement plan as soon as reasonably practicable: no fixed timescale',
          source: { document: 'care-planning-regulations-2010', section: 'reg 9(4)', verified: 'primary' },
          timing: { within: null },
        },
        {
          from: '2020-04-24',
          until: '2020-09-25',
          name: 'SI 2020/445 reg 8(4), coronavirus modification (24 April to 25 September 2020)',
          note: 'as soon as reasonably practicable after the start of the placement: no fixed timescale. The start is read in the SI itself; the end of its period only in secondary reproductions',
          source: { document: 'si-2020-445', section: 'reg 8(4); reg 2 (the period it applied)', verified: 'secondary' },
          timing: { within: null },
        },
        IN_FORCE,
      ],
      completion: { event: 'placement-plan-completed', since: '-6m' },
    },
    {
      id: 'placement-notification',
      period: 'looked-after',
      title: 'Notice of the placement before it starts; in an emergency within 5 working days',
      kind: 'deadline',
      source: { document: 'care-planning-regulations-2010', section: 'reg 13(1)', verified: 'primary' },
      anchor: { event: ['placement-started', 'carer-changed'] },
      timing: { within: '0d' },
      variants: [{ where: { emergency: true }, timing: { within: '5wd' }, note: 'placement made in an emergency: within 5 working days of its start' }],
      versions: [
        {
          until: '2011-03-31',
          name: 'before 1 April 2011',
          note: 'reg 13 applies to placements from 1 April 2011; the earlier rule is not encoded',
          applies: false,
          timing: {},
        },
        IN_FORCE,
      ],
      completion: { event: 'placement-notified', since: '-6m' },
    },
    {
      id: 'visits',
      period: 'looked-after',
      title: 'Visits by the authority’s representative: within 1 week of any placement, then at intervals set by reg 28',
      kind: 'cycle',
      source: { document: 'care-planning-regulations-2010', section: 'reg 28(2) to (5)', verified: 'primary' },
      start: { event: ['placement-started', 'carer-changed'] },
      restart: ['placement-started', 'carer-changed'],
      end: ['ceased-looked-after'],
      timing: { intervals: ['1w', '6w'] },
      variants: [
        {
          where: { arrangement: 'reg-19' },
          timing: { intervals: ['1w'], thereafter: { from: { event: 'lac-review' }, intervals: ['6w'] } },
          note: 'reg 28(3): placed with a parent under reg 19: at least weekly until the first review, then every 6 weeks',
        },
        {
          where: { arrangement: 'reg-24' },
          timing: { intervals: ['1w'], thereafter: { from: { event: 'lac-review' }, intervals: ['4w'] } },
          note: 'reg 28(4): temporary approval of a connected person (reg 24): at least weekly until the first review, then every 4 weeks',
        },
        {
          where: { arrangement: 'ico-with-parent' },
          timing: { intervals: ['1w'], thereafter: { from: { event: 'lac-review' }, intervals: ['4w'] } },
          note: 'reg 28(4): interim care order, living with a parent: at least weekly until the first review, then every 4 weeks',
        },
        {
          where: { arrangement: 'care-order-with-parent' },
          timing: { intervals: ['1w', '6w'] },
          note: 'reg 28(5): care order, living with a parent: within 1 week of the care order, then every 6 weeks',
        },
        {
          where: { untilEighteen: true },
          timing: { thereafter: { from: { elapsed: '1y' }, intervals: ['3m'] } },
          note: 'reg 28(2)(c)(i): placement intended to last until 18: every 3 months after its first year',
        },
      ],
      versions: [
        {
          until: '2011-03-31',
          name: 'before 1 April 2011',
          note: 'reg 28 applies to placements from 1 April 2011; the earlier visiting rules were not verified and are not encoded',
          applies: false,
          timing: {},
        },
        IN_FORCE,
      ],
      completion: { event: 'visit' },
    },
    {
      id: 'review-cycle',
      period: 'looked-after',
      title: 'Reviews: the first within 20 working days of becoming looked after, the second within 3 months, then every 6 months',
      kind: 'cycle',
      source: { document: 'care-planning-regulations-2010', section: 'reg 33(1) and (2)', verified: 'primary' },
      start: { event: 'became-looked-after' },
      end: ['ceased-looked-after'],
      timing: { intervals: ['20wd', '3m', '6m'] },
      versions: [
        {
          until: '2011-03-31',
          name: "Review of Children's Cases Regulations 1991 (periods of care begun before 1 April 2011)",
          note: 'first review within 4 weeks, the second within 3 months, then every 6 months',
          source: { document: 'review-regulations-1991', section: 'reg 3', verified: 'secondary' },
          timing: { intervals: ['4w', '3m', '6m'] },
        },
        IN_FORCE,
      ],
      completion: { event: 'lac-review' },
    },
    {
      id: 'eligible-needs-assessment',
      title: 'Needs assessment of an eligible child within 3 months of the 16th birthday, or of becoming eligible if later',
      kind: 'deadline',
      source: { document: 'care-planning-regulations-2010', section: 'reg 42(1)', verified: 'primary' },
      anchor: {
        firstOf: [{ event: 'became-eligible' }, { age: '16y', whileActive: { start: ['became-looked-after'], end: ['ceased-looked-after'] } }],
      },
      timing: { within: '3m' },
      versions: [
        {
          until: '2011-03-31',
          name: 'before 1 April 2011',
          note: 'reg 42 applies from 1 April 2011; the earlier leaving-care regulations are not encoded',
          applies: false,
          timing: {},
        },
        IN_FORCE,
      ],
      completion: { event: 'needs-assessment-completed' },
    },
  ],
  interpretations: [
    {
      topic: 'Periods of care',
      reading:
        'The care plan, placement plan, notice, visits and reviews belong to the period of care (`became-looked-after` to `ceased-looked-after`): their anchors and completing events are taken from the current period only (a plan made in the weeks before the child became looked after still counts for the first placement), and a result still open when the child leaves care ends there: one already overdue stays overdue, its lateness counted to the last day of care; one not yet due is not reported. The needs assessment of an eligible child is about the child, not the period: one result, from the 16th birthday (or becoming eligible).',
    },
    {
      topic: 'Working days',
      reading:
        'The Regulations’ own definition of a working day was not read (the copy was cut off); the England and Wales calendar is used (weekends and bank holidays are not working days), as for every national rule.',
    },
    {
      topic: '"Before the placement"',
      reading:
        'A care plan, placement plan or notice dated in the 6 months before the placement counts as done before it (an earlier placement’s plan, already counted for that placement, does not count again). A planned placement’s notice is due on the day it starts.',
    },
    {
      topic: '"Not practicable" and emergencies',
      reading:
        'The Regulations allow the later timescale when doing it before the placement is not practicable (care plan, placement plan) or the placement is an emergency (notice, recorded as `emergency: true`). The data rarely says why: the later timescale is always allowed for the plans, and the notice of a planned placement is due on its first day.',
    },
    {
      topic: 'Visits (reg 28)',
      reading:
        'Each placement (`placement-started`, or `carer-changed` as the SSDA903 return records a move) starts its own sequence of visits, placement plan and notice. The schedule is chosen by the placement’s `arrangement` and `untilEighteen`: default 1 week then every 6 weeks; `untilEighteen` every 3 months for visits counted from a date at least a year into the placement; `reg-19` weekly until the first review, then 6-weekly; `reg-24` and `ico-with-parent` weekly until the first review, then 4-weekly; `care-order-with-parent` from the care order (date the placement event on that day), 1 week then 6 weeks. A week is 7 days. The interval after a visit is chosen by that visit’s date.',
      alternative:
        'Not encoded: reg 28(6) (another person responsible for the child’s living arrangements; its text was not read), the short-break modification of reg 48 (visits at intervals agreed with the IRO and parents: no fixed timescale), extra visits on request, and the amendment of Part 5 from 1 April 2015 (its text was not read). Remote visits allowed during the coronavirus period (SI 2020/445, SI 2020/909) change how a visit is held, not when: record them as `visit`.',
    },
    {
      topic: 'Reviews before and after 1 April 2011',
      reading:
        'The sequence’s version is chosen by the day the child became looked after: a period of care begun before 1 April 2011 keeps the 1991 Regulations’ first review within 4 weeks (read only in secondary reproductions [S]); later periods follow reg 33 (20 working days). Both then have 3 months and 6 months.',
      alternative: 'The early-review triggers of reg 33(3) (the IRO asks, and so on) set no timescale and are not encoded.',
    },
    {
      topic: 'Eligible child',
      reading:
        'A child looked after on the 16th birthday is taken to be eligible then, unless the case records `became-eligible` (the date eligibility began, when that was later: 13 weeks of care since 14 not yet reached at 16).',
    },
  ],
};
