/**
 * How a source is shown. A rule (or a profile) cites a document of its
 * procedure's `sources` by `document`; results, the `rules` listing and the
 * procedure pages name that document by `documentLabel`.
 */
import type { Procedure, SourceDocument, SourceRef } from './schema';

/**
 * The name shown for a document, as a person reads it: its publisher and
 * title (`Blackpool Council, Our Children's Reviews procedure`), else its
 * title, else the name the rules cite it by. A local document's file name is
 * an identifier, kept in the cited reference's `file`, never its label.
 * @example documentLabel({ document: 'x', title: 'Our Children\'s Reviews procedure', publisher: 'Blackpool Council' })
 * // "Blackpool Council, Our Children's Reviews procedure"
 */
export function documentLabel(doc: SourceDocument): string {
  if (doc.title && doc.publisher) return `${doc.publisher}, ${doc.title}`;
  return doc.title ?? doc.document;
}

/** Per procedure, each source reference as shown: one object per reference, shared by all its results. */
const shown = new WeakMap<Procedure, Map<SourceRef, CitedSource>>();

/** A source as results show it: the document by its label, and the local document's file name as an identifier. */
export type CitedSource = SourceRef & { file?: string };

/**
 * A source reference as results show it: `document` becomes the label of the
 * document it names in the procedure's `sources` (the first entry naming it).
 *
 * @example
 * citeSource(getProcedure('lac-review'), { document: 'blackpool-reviews', section: 'Frequency of review meetings' })
 * // → { document: "Blackpool Council, Our Children's Reviews procedure", section: 'Frequency of review meetings', file: '004_22f6b4b0b53c9c78.txt' }
 */
export function citeSource(procedure: Procedure, ref: SourceRef): CitedSource {
  let refs = shown.get(procedure);
  const known = refs?.get(ref);
  if (known) return known;
  const doc = procedure.sources.find((d) => d.document === ref.document);
  const label = doc ? documentLabel(doc) : ref.document;
  const out: CitedSource = label === ref.document && !doc?.file ? ref : Object.freeze({ ...ref, document: label, ...(doc?.file ? { file: doc.file } : {}) });
  // Only a defined (frozen) procedure's references are remembered: they cannot change.
  if (Object.isFrozen(procedure) && Object.isFrozen(ref)) {
    if (!refs) shown.set(procedure, (refs = new Map()));
    refs.set(ref, out);
  }
  return out;
}
