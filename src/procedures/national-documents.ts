/**
 * The national documents the `national-*` procedures follow: statutory
 * instruments and statutory guidance for England, each described once.
 *
 * - Rules citing them give the instrument and the regulation (or the
 *   guidance's topic) in `section`, and say in our own words what the
 *   provision requires; they carry no quotation of the instrument.
 * - Each rule's `source.verified` says how its timescale was checked:
 *   `primary` where the timescale was read in the instrument's own text (as
 *   made, or a point-in-time version, on legislation.gov.uk or gov.uk);
 *   `secondary` where it was found only in reproductions (council procedure
 *   manuals, charities, data help pages). The procedure pages mark the
 *   secondary ones [S].
 * - A document has no `file`: there is no local copy for the maintainers'
 *   quote check (`npm run check:sources`), because no rule quotes it.
 */
import type { SourceDocument } from '../engine/index';
import { CARE_PLANNING_REGULATIONS_2010, REVIEW_REGULATIONS_1991, WORKING_TOGETHER_2010 } from './documents';


/** SI 2010/959: the same document the local procedures cite (one description). */
export const SI_2010_959: SourceDocument = CARE_PLANNING_REGULATIONS_2010;

/** SI 1991/895: the same document the local procedures cite. */
export const SI_1991_895: SourceDocument = REVIEW_REGULATIONS_1991;

/** SI 2020/445. */
export const SI_2020_445: SourceDocument = {
  document: 'si-2020-445',
  title: 'Adoption and Children (Coronavirus) (Amendment) Regulations 2020',
  date: '2020-04',
};

/** SI 2005/389. */
export const SI_2005_389: SourceDocument = {
  document: 'si-2005-389',
  title: 'Adoption Agencies Regulations 2005',
  date: '2005',
};

/** SI 2010/2571. */
export const SI_2010_2571: SourceDocument = {
  document: 'si-2010-2571',
  title: 'Care Leavers (England) Regulations 2010',
  date: '2010',
};

/** SI 2006/1738. */
export const SI_2006_1738: SourceDocument = {
  document: 'si-2006-1738',
  title: 'Children Act 1989 Representations Procedure (England) Regulations 2006',
  date: '2006',
};

/** The same document the local procedures cite (one description). */
export const WT_2010: SourceDocument = WORKING_TOGETHER_2010;

/** In effect from 15 April 2013; its timescales were kept, as secondary sources report, by the 2015, 2018 and 2023 editions. */
export const WT_2013: SourceDocument = {
  document: 'working-together-2013',
  title: 'Working Together to Safeguard Children 2013',
  publisher: 'HM Government',
  date: '2013-03',
};

/** How the DfE measures ICPC timeliness in "Characteristics of children in need" (from the actual S47 start since 2012-13). */
export const DFE_CIN_MEASURES: SourceDocument = {
  document: 'dfe-cin-measures',
  title: 'Characteristics of children in need: timeliness measures from 2012-13',
  publisher: 'Department for Education',
};

/** The complainant's time to ask for the next stage, as two councils' complaints procedures give it (20 working days). */
export const COMPLAINTS_COUNCILS: SourceDocument = {
  document: 'complaints-council-procedures',
  title: "Children's social care complaints procedures",
  publisher: 'London Borough of Bexley; Devon County Council',
};

/** The same, as a children's advocacy charity gives it (28 days). */
export const COMPLAINTS_CORAM_VOICE: SourceDocument = {
  document: 'complaints-coram-voice',
  title: 'Advice on complaints about children’s services',
  publisher: 'Coram Voice',
};

export const NATIONAL_DOCUMENTS: readonly SourceDocument[] = [
  SI_2010_959,
  SI_1991_895,
  SI_2020_445,
  SI_2005_389,
  SI_2010_2571,
  SI_2006_1738,
  WT_2010,
  WT_2013,
  DFE_CIN_MEASURES,
  COMPLAINTS_COUNCILS,
  COMPLAINTS_CORAM_VOICE,
];
