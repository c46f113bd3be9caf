/**
 * The `window` rule kind: each anchor → a window from `earliest` to `latest`
 * (or open-ended) → the first completing event → met-early before it opens,
 * met within it, met-late after it closes (C7).
 */
import { eventsOf, resolveAnchors } from '../anchors';
import type { CaseContext } from '../context';
import { judge } from '../judge';
import { addOffset, momentOf } from '../moment';
import type { Result } from '../result';
import type { WindowRule } from '../schema';
import { completionSince, findCompletion, hasPrior, timingFor } from './shared';

export function evaluateWindow(ctx: CaseContext, rule: WindowRule, earlierResults: ReadonlyMap<string, Result[]>): Result[] {
  const { math, kase } = ctx;
  const anchors = resolveAnchors(ctx.anchorContext(rule, earlierResults), rule.anchor);
  const candidates = eventsOf(kase, rule.completion.event, rule.completion.where);
  const results: Result[] = [];
  for (const anchor of anchors) {
    if (ctx.stoppedAt(anchor.moment)) continue;
    const lines = [...anchor.lines];
    if (rule.requiresPrior && !hasPrior(ctx, rule.requiresPrior, anchor.moment)) continue;
    const timing = timingFor(rule, anchor.moment.day, anchor.source, undefined, lines);
    const opens = addOffset(math, anchor.moment, timing.earliest);
    lines.push(`window opens: ${opens.lines.join('; ')}`);
    const closes = timing.latest ? addOffset(math, anchor.moment, timing.latest, { roll: timing.roll }) : undefined;
    if (closes) lines.push(`window closes: ${closes.lines.join('; ')}`);
    const completer = findCompletion(candidates, completionSince(ctx, rule.completion.since, anchor.moment));
    if (!completer && ctx.stoppedBefore(closes?.moment ?? opens.moment)) continue;
    const completed = completer ? { event: completer.type, moment: momentOf(completer) } : undefined;
    const judgement = judge({
      cal: math.calendar,
      explain: math.explain,
      asOf: ctx.effectiveAsOf(),
      dueSoon: ctx.options.dueSoon,
      anchor: anchor.moment,
      earliest: opens.moment,
      due: closes?.moment,
      completion: completed,
    });
    results.push(ctx.result(rule, results.length + 1, anchor, judgement, { earliest: opens.moment, due: closes?.moment, completed }, lines));
  }
  return results;
}
