import { SOURCES, PROCEDURE_SOURCES } from './sources';
import type { SourceRef } from '../engine/index';

/** The source of a rule (or of a rule under a profile: `ruleId@profile`), as found in the seeds. */
export function sourceOf(procedure: string, key: string): SourceRef {
  const s = SOURCES[procedure]?.[key];
  if (!s) throw new Error(`no source recorded for ${procedure}/${key}`);
  return { ...s };
}

/** The documents a procedure comes from. */
export function sourcesOf(procedure: string): SourceRef[] {
  return (PROCEDURE_SOURCES[procedure] ?? []).map((s) => ({ ...s }));
}
