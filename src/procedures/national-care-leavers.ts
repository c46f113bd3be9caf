/**
 * Care leavers under the Care Leavers (England) Regulations 2010
 * (SI 2010/2571), in force from 1 April 2011: the needs assessment of a
 * relevant child and of a former relevant child returning to education or
 * training (reg 5), and the personal adviser's visits where the authority
 * provides accommodation (reg 8). Read in the text as made [P]; written in
 * our own words. (An eligible child, still looked after, is assessed under
 * SI 2010/959 reg 42: `national-looked-after`.)
 */
import type { ProcedureInput } from '../engine/index';
import { SI_2010_2571 } from './national-documents';

const P = 'national-care-leavers';
const VERSIONS = [
  {
    until: '2011-03-31',
    name: 'before 1 April 2011',
    note: 'the earlier leaving-care regulations are not encoded',
    applies: false,
    timing: {},
  },
  { from: '2011-04-01', name: 'Care Leavers (England) Regulations 2010, in force from 1 April 2011', timing: {} },
];

export const nationalCareLeavers: ProcedureInput = {
  id: P,
  title: 'Care leavers: national timescales (Care Leavers (England) Regulations 2010)',
  summary:
    'The needs assessment of a relevant child within 3 months of becoming relevant, and of a former relevant child within 3 months of the authority learning of education or training plans; personal adviser visits within 7 days of accommodation being provided, then at least every 2 months.',
  sources: [{ ...SI_2010_2571, section: 'regs 5 and 8' }],
  events: {
    'became-relevant': { description: 'The young person became a relevant child (left care at 16 or 17 after being eligible)' },
    'informed-education-training': {
      description: 'The authority was told that a former relevant child is pursuing, or wants to pursue, education or training (s.23CA)',
    },
    'needs-assessment-completed': { description: 'The needs assessment was completed' },
    'accommodation-provided': { description: 'The authority first provided accommodation (s.23B or s.24B)' },
    'pa-visit': { description: 'The personal adviser visited the young person at the accommodation' },
    'accommodation-ended': { description: 'The authority stopped providing that accommodation' },
  },
  rules: [
    {
      id: 'relevant-needs-assessment',
      title: 'Needs assessment of a relevant child within 3 months of becoming relevant',
      kind: 'deadline',
      source: { document: 'si-2010-2571', section: 'reg 5(2)(a)', verified: 'primary' },
      anchor: { event: 'became-relevant' },
      timing: { within: '3m' },
      versions: VERSIONS,
      completion: { event: 'needs-assessment-completed' },
    },
    {
      id: 'education-needs-assessment',
      title: 'Needs assessment of a former relevant child within 3 months of the authority learning of education or training plans',
      kind: 'deadline',
      source: { document: 'si-2010-2571', section: 'reg 5(2)(b)', verified: 'primary' },
      anchor: { event: 'informed-education-training' },
      timing: { within: '3m' },
      versions: VERSIONS,
      completion: { event: 'needs-assessment-completed' },
    },
    {
      id: 'pa-visits',
      title: 'Personal adviser visits within 7 days of accommodation being provided, then at least every 2 months',
      kind: 'cycle',
      source: { document: 'si-2010-2571', section: 'reg 8', verified: 'primary' },
      start: { event: 'accommodation-provided' },
      end: ['accommodation-ended'],
      timing: { intervals: ['7d', '2m'] },
      versions: VERSIONS,
      completion: { event: 'pa-visit' },
    },
  ],
  interpretations: [
    {
      topic: 'The visit before each pathway plan review',
      reading:
        'Reg 8 also asks for a visit before each review of the pathway plan. The interval of those reviews was read only in secondary sources, and the data seldom records planned review dates: that visit is not encoded; the 7 days and 2 months are.',
    },
    {
      topic: 'Amendments',
      reading: 'SI 2015/495 made minor amendments from 1 April 2015; their text was not read and no later version is encoded.',
    },
  ],
};
