/**
 * The documents the built-in procedures follow, each described once. A
 * procedure lists the ones it follows in its `sources` (with the part it
 * follows, `section`); each rule cites one inline:
 * `source: { document, section, quote }`.
 *
 * - The five local documents (seeds) are other people's prose and are not in
 *   the repository (fixtures/reference/README.md). `file` is the name of the
 *   plain-text copy that `npm run check:sources -- DIR` looks for in DIR;
 *   every `quote` and every heading of a `section` citing one of them occurs
 *   there word for word (whitespace runs collapsed to one space). Seed 003
 *   (board minutes on the IRO annual report 2018-2019) sets no timescale: no
 *   rule cites it, so it is not declared here.
 * - National guidance and legislation are cited by the title they are known
 *   by (the edition's year included), in our own words; their quotes are the
 *   well-known wording, or are left out where we could not check the words.
 * - A `section` is the heading as the document writes it; nested headings are
 *   joined with " > ". Seed 004 has lost most of its numbered headings: its
 *   rules name the section the seed itself names in a cross-reference (e.g.
 *   "Section 12, Review Decisions") or, failing that, the chapter title "Our
 *   Children's Reviews".
 *
 * Where a seed and the specification disagree, or a seed is ambiguous or
 * silent: docs/interpretations-notes.md.
 */
import type { SourceDocument } from '../engine/index';

/** Seed 000: the nursery's procedure (its name is taken from the setting's email address in the text; reviewed March 2023). */
export const NURSERY_IPR: SourceDocument = {
  document: 'nursery-ipr',
  title: 'Integrated Progress Reviews for 2 year olds - Procedure',
  publisher: 'School House Nursery (Lewes and Uckfield, East Sussex)',
  date: '2023-03',
  file: '000_cec6294edd911497.txt',
};

/** Seed 001: a chapter of the pan-Sussex procedures manual (undated; it cites Working Together 2010). */
export const SUSSEX_ICS: SourceDocument = {
  document: 'sussex-ics',
  title: "1.2.5 Integrated Children's System (ICS)",
  publisher: 'Sussex Child Protection and Safeguarding Procedures',
  file: '001_aa2acc05bf62cfcc.txt',
};

/** Seed 002: the board's combined action plan after a serious case review (undated; its latest entries are of mid-2012). */
export const RBWM_SCR_ACTION_PLAN: SourceDocument = {
  document: 'rbwm-scr-action-plan',
  title: 'Serious case review: combined action plan (monitoring version)',
  publisher: 'Windsor and Maidenhead Local Safeguarding Children Board',
  file: '002_ec582cd5a6ee9def.txt',
};

/** Seed 004: a chapter of Blackpool's children's services procedures: reviews, IRO visits and issues resolution ("Last Updated: April 26, 2024"). */
export const BLACKPOOL_REVIEWS: SourceDocument = {
  document: 'blackpool-reviews',
  title: "Our Children's Reviews procedure",
  publisher: 'Blackpool Council',
  date: '2024-04-26',
  file: '004_22f6b4b0b53c9c78.txt',
};

export const WORKING_TOGETHER_2010: SourceDocument = {
  document: 'working-together-2010',
  title: 'Working Together to Safeguard Children 2010',
  publisher: 'HM Government',
  date: '2010-03',
};

export const CARE_PLANNING_REGULATIONS_2010: SourceDocument = {
  document: 'care-planning-regulations-2010',
  title: 'Care Planning, Placement and Case Review (England) Regulations 2010',
  date: '2010',
};

export const REVIEW_REGULATIONS_1991: SourceDocument = {
  document: 'review-regulations-1991',
  title: "Review of Children's Cases Regulations 1991",
  date: '1991',
};

export const IRO_HANDBOOK_2010: SourceDocument = {
  document: 'iro-handbook-2010',
  title: 'IRO Handbook 2010',
  publisher: 'Department for Children, Schools and Families',
  date: '2010-03',
};
