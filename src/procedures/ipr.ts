/**
 * Integrated Progress Review at age 2 (seed 000: East Sussex nursery procedure).
 *
 * The setting keeps a list of the children between 27 and 36 months who need
 * an IPR. The health visitors review the child between 27 and 30 months and
 * send Part 1 before the child turns 3; the setting completes Part 2 as soon as
 * possible after Part 1 and emails it back. If no Part 1 has arrived by 32
 * months, the setting completes Part 2 itself and meets the parents.
 */
import type { ProcedureInput } from '../engine/index';
import { NURSERY_IPR } from './documents';

const P = 'ipr';
/** "Before the child turns 3": on or before the day before the 3rd birthday (C5). */
const BEFORE_THIRD_BIRTHDAY = ['36m', '-1d'];

export const ipr: ProcedureInput = {
  id: P,
  title: 'Integrated Progress Review at age 2',
  summary:
    'A nursery setting and the health visitors review every child between 27 and 36 months: Part 1 from the health visitors, Part 2 from the setting, shared with the parents and emailed back.',
  sources: [{ ...NURSERY_IPR, section: '1.1 Integrated Progress Reviews for 2 year olds - Procedure' }],
  events: {
    'ipr-hv-review': { description: "The health visitor's 2-year review (if the setting learns of it)" },
    'ipr-part1-received': { description: 'Part 1 of the IPR received from the health visitors' },
    'ipr-given-to-lead': { description: "Part 1 given to the child's lead practitioner (key person)" },
    'ipr-part2-completed': { description: 'Part 2 of the IPR completed by the setting' },
    'ipr-parent-meeting': { description: 'Meeting with the parents to discuss the IPR' },
    'ipr-emailed-to-hv': { description: 'Completed Part 2 emailed back to the health visitors by secure NHS mail' },
    'joined-setting': { description: 'The child joined the setting' },
    'left-setting': { description: 'The child left the setting: every rule stops' },
  },
  stopEvents: ['left-setting'],
  order: [['ipr-part1-received', 'ipr-given-to-lead', 'ipr-part2-completed', 'ipr-emailed-to-hv']],
  rules: [
    {
      id: 'ipr-list',
      title: 'Child is on the list of children who need an IPR (27 up to 36 months) until Part 2 is completed',
      kind: 'window',
      source: {
        document: 'nursery-ipr',
        section: 'Integrated Progress Reviews – what we have to do',
        quote: 'A list of the children who need IPRs (those between 27 months and 36 months) can be downloaded from Famly',
      },
      anchor: { age: '0d' },
      timing: { earliest: '27m', latest: BEFORE_THIRD_BIRTHDAY },
      completion: { event: 'ipr-part2-completed' },
    },
    {
      id: 'hv-review-window',
      title: 'Health visitor review between 27 and 30 months',
      kind: 'window',
      source: {
        document: 'nursery-ipr',
        section: 'The end-to-end IPR process is as follows',
        quote: 'Health Visiting team contact the family and conduct the health review between 27 and 30 months.',
      },
      onlyIfAnyEvent: ['ipr-hv-review'],
      anchor: { age: '0d' },
      timing: { earliest: '27m', latest: '30m' },
      completion: { event: 'ipr-hv-review' },
    },
    {
      id: 'part1-received',
      title: 'Part 1 received from the health visitors before the child turns 3',
      kind: 'deadline',
      source: {
        document: 'nursery-ipr',
        section: 'The end-to-end IPR process is as follows',
        quote: 'We should receive Part 1 from the health visitors before the child turns 3.',
      },
      anchor: { age: '27m' },
      timing: { dueAt: { age: BEFORE_THIRD_BIRTHDAY } },
      completion: { event: 'ipr-part1-received', since: 'any' },
    },
    {
      id: 'setting-led-part2',
      title: 'No Part 1 by 32 months: the setting completes Part 2 itself and meets the parents',
      kind: 'deadline',
      source: {
        document: 'nursery-ipr',
        section: 'The end-to-end IPR process is as follows',
        quote: "If we don't receive an IPR from the health visitors by the time the child is 32 months, we complete Part 2 ourselves, meet with parents to discuss",
      },
      anchor: { age: '32m' },
      unless: { event: 'ipr-part1-received', onOrBefore: 'anchor' },
      timing: { dueAt: { age: BEFORE_THIRD_BIRTHDAY } },
      completion: { event: 'ipr-part2-completed', since: 'any' },
    },
    {
      id: 'part2-completed',
      title: 'Part 2 completed as soon as possible after Part 1, and before the child turns 3',
      kind: 'deadline',
      source: {
        document: 'nursery-ipr',
        section: 'The end-to-end IPR process is as follows',
        quote: 'Part 2 of the IPR should be done as soon as possible after receipt of Part 1 IPR.',
      },
      anchor: { event: 'ipr-part1-received' },
      timing: { cap: { age: BEFORE_THIRD_BIRTHDAY } },
      completion: { event: 'ipr-part2-completed' },
    },
    {
      id: 'returned-to-hv',
      title: 'Completed Part 2 emailed back to the health visitors',
      kind: 'deadline',
      source: {
        document: 'nursery-ipr',
        section: 'The end-to-end IPR process is as follows',
        quote: 'Admin then emails the completed Part 2 IPR back to the health visitors by secure NHS mail.',
      },
      anchor: { event: 'ipr-part2-completed' },
      timing: { within: null },
      completion: { event: 'ipr-emailed-to-hv' },
    },
  ],
  interpretations: [
    {
      topic: 'When the list closes',
      reading: '"between 27 months and 36 months" is read as up to the day before the 3rd birthday (DOB + 36 months − 1 day), the same limit as "before the child turns 3".',
      alternative: 'Including the 3rd birthday itself: override `ipr-list` with `{ latest: "36m" }`.',
    },
    {
      topic: 'Due date of the setting-led Part 2',
      reading: 'The seed gives no due date for the Part 2 the setting completes itself; the IPR belongs before age 3, so it is due the day before the 3rd birthday.',
      alternative: 'A local target: override `setting-led-part2` with `{ within: "20wd" }` (counted from 32 months).',
    },
    {
      topic: '"As soon as possible" steps',
      reading: 'Part 2 after Part 1 has no timescale in the seed: it is due, at the latest, the day before the 3rd birthday. Emailing Part 2 back has no timescale at all: reported as pending with the working days it has been open.',
      alternative: 'A local target: override `part2-completed` or `returned-to-hv` with `{ within: "10wd" }`.',
    },
    {
      topic: 'The health visitor review',
      reading: 'Many settings never learn the date of the health visitor review, so `hv-review-window` is evaluated only for cases that record an `ipr-hv-review` event.',
      alternative: 'Evaluate it for every child: override `hv-review-window` with `{ force: true }`.',
    },
  ],
};
