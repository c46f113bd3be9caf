/**
 * Source documents by the names a reader knows them by: "Blackpool Council,
 * Our Children's Reviews procedure" rather than the file name a result cites.
 */
import type { Procedure, SourceDocument, SourceRef } from '../engine/index';

/** The document of the procedure's `sources` a result's source names (by file name, title or declared name). */
export function sourceDocument(procedure: Procedure, ref: Pick<SourceRef, 'document'>): SourceDocument | undefined {
  return procedure.sources.find((d) => d.document === ref.document || d.file === ref.document || d.title === ref.document);
}

/**
 * A document's title for a reader: publisher and title when declared, else
 * the name it is cited by.
 *
 * @example
 * sourceTitle(getProcedure('lac-review'), { document: 'blackpool-reviews' }) // "Blackpool Council, Our Children's Reviews procedure"
 */
export function sourceTitle(procedure: Procedure, ref: Pick<SourceRef, 'document'>): string {
  const doc = sourceDocument(procedure, ref);
  if (!doc) return ref.document;
  return documentTitle(doc);
}

/** "Publisher, Title (date)" of a declared document, as much of it as is declared. */
export function documentTitle(doc: SourceDocument): string {
  const title = doc.title ?? doc.document;
  return `${doc.publisher ? `${doc.publisher}, ` : ''}${title}${doc.date ? ` (${doc.date})` : ''}`;
}
