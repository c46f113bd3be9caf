/**
 * How a source is shown. A rule (or a profile) cites a document of its
 * procedure's `sources` by `document`; results, the `rules` listing and the
 * procedure pages name that document by `documentLabel`.
 */
import type { Procedure, SourceDocument, SourceRef } from './schema';

/**
 * The name shown for a document: its file name when it has one (the local
 * documents the maintainers check quotes against), else its title, else the
 * name the rules cite it by.
 */
function documentLabel(doc: SourceDocument): string {
  return doc.file ?? doc.title ?? doc.document;
}

/** Per procedure, each source reference as shown: one object per reference, shared by all its results. */
const shown = new WeakMap<Procedure, Map<SourceRef, SourceRef>>();

/**
 * A source reference as results show it: `document` becomes the label of the
 * document it names in the procedure's `sources` (the first entry naming it).
 *
 * @example
 * citeSource(getProcedure('lac-review'), { document: 'blackpool-reviews', section: 'Frequency of review meetings' })
 * // → { document: '004_22f6b4b0b53c9c78.txt', section: 'Frequency of review meetings' }
 */
export function citeSource(procedure: Procedure, ref: SourceRef): SourceRef {
  let refs = shown.get(procedure);
  const known = refs?.get(ref);
  if (known) return known;
  const doc = procedure.sources.find((d) => d.document === ref.document);
  const label = doc ? documentLabel(doc) : ref.document;
  const out = label === ref.document ? ref : Object.freeze({ ...ref, document: label });
  // Only a defined (frozen) procedure's references are remembered: they cannot change.
  if (Object.isFrozen(procedure) && Object.isFrozen(ref)) {
    if (!refs) shown.set(procedure, (refs = new Map()));
    refs.set(ref, out);
  }
  return out;
}
