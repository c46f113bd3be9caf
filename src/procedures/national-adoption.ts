/**
 * Adoption: the reviews and visits of the Adoption Agencies Regulations 2005
 * (SI 2005/389) reg 36, in force from 30 December 2005. Read in the text as
 * made [P]; the point-in-time text from 12 October 2009 has the same
 * timescales. Written in our own words.
 */
import type { ProcedureInput } from '../engine/index';
import { SI_2005_389 } from './national-documents';

const P = 'national-adoption';
/** The Regulations came into force on 30 December 2005. */
const VERSIONS = [
  {
    until: '2005-12-29',
    name: 'before 30 December 2005',
    note: 'the earlier adoption agency regulations are not encoded',
    applies: false,
    timing: {},
  },
  { from: '2005-12-30', name: 'Adoption Agencies Regulations 2005, in force from 30 December 2005', timing: {} },
];

export const nationalAdoption: ProcedureInput = {
  id: P,
  title: 'Adoption: national timescales (Adoption Agencies Regulations 2005)',
  summary:
    'Reviews of a child the agency may place for adoption (within 3 months of the authority to place, then every 6 months until placed), reviews after placement (4 weeks, 3 months, then every 6 months) and visits after placement (within 1 week, then weekly until the first review).',
  sources: [{ ...SI_2005_389, section: 'reg 36' }],
  events: {
    'authority-to-place': { description: 'The agency first had authority to place the child for adoption (a placement order, or consent)' },
    'placed-for-adoption': { description: 'The child was placed for adoption with the prospective adopter' },
    'adoption-review': { description: 'The agency reviewed the child’s case' },
    'adoption-visit': { description: 'The child and the prospective adopter were visited' },
    'placement-ended': { description: 'The child was returned to the agency (the adoptive placement ended)' },
    'adoption-order': { description: 'An adoption order was made' },
    'authority-ended': { description: 'The agency stopped having authority to place (the placement order revoked or consent withdrawn)' },
  },
  rules: [
    {
      id: 'reviews-before-placement',
      title: 'Review within 3 months of the authority to place, then every 6 months until the child is placed',
      kind: 'cycle',
      source: { document: 'si-2005-389', section: 'reg 36(1)', verified: 'primary' },
      start: { event: 'authority-to-place' },
      end: ['placed-for-adoption', 'authority-ended', 'adoption-order'],
      timing: { intervals: ['3m', '6m'] },
      versions: VERSIONS,
      completion: { event: 'adoption-review' },
    },
    {
      id: 'reviews-after-placement',
      title: 'Review within 4 weeks of placement, the second within 3 months, then every 6 months',
      kind: 'cycle',
      source: { document: 'si-2005-389', section: 'reg 36(3)', verified: 'primary' },
      start: { event: 'placed-for-adoption' },
      end: ['adoption-order', 'placement-ended'],
      timing: { intervals: ['4w', '3m', '6m'] },
      versions: VERSIONS,
      completion: { event: 'adoption-review' },
    },
    {
      id: 'visits-after-placement',
      title: 'Visit within 1 week of placement, then at least weekly until the first review',
      kind: 'cycle',
      source: { document: 'si-2005-389', section: 'reg 36(4)', verified: 'primary' },
      start: { event: 'placed-for-adoption' },
      end: ['adoption-review', 'adoption-order', 'placement-ended'],
      timing: { intervals: ['1w'] },
      versions: VERSIONS,
      completion: { event: 'adoption-visit' },
    },
  ],
  interpretations: [
    {
      topic: 'Visits after the first review',
      reading:
        'After the first review the visits are as often as each review decides: no fixed timescale, so the visiting sequence ends at the first `adoption-review` after the placement.',
    },
    {
      topic: 'Reviews before placement',
      reading: 'The sequence runs from the authority to place until the child is placed, the authority ends, or an adoption order is made.',
    },
    {
      topic: 'Coronavirus amendments',
      reading:
        'Reg 36 was changed from 24 April 2020 by SI 2020/445; that text was not read, so no version for it is encoded and the 2005 timescales apply throughout.',
    },
  ],
};
