/**
 * The `window` rule kind: each anchor → a window from `earliest` to `latest`
 * (or open-ended) → the first completing event → met-early before it opens,
 * met within it, met-late after it closes (C7).
 */
import { eventsOf, resolveAnchors } from '../anchors';
import type { CaseContext } from '../context';
import type { PreparedEvent } from '../events';
import { judge } from '../judge';
import { addOffset, momentOf } from '../moment';
import type { Result } from '../result';
import type { WindowRule } from '../schema';
import { completionSince, endedLine, endedOpen, findCompletion, higherThan, inScope, scopedAsOf, priorMissing, scopeOf, timingFor, type ChosenVersion } from './shared';

export function evaluateWindow(ctx: CaseContext, rule: WindowRule, earlierResults: ReadonlyMap<string, Result[]>): Result[] {
  const { math, kase } = ctx;
  const anchors = resolveAnchors(ctx.anchorContext(rule, earlierResults), rule.anchor);
  const candidates = eventsOf(kase, rule.completion.event, rule.completion.where);
  const results: Result[] = [];
  for (const anchor of anchors) {
    if (ctx.stoppedAt(anchor.moment)) continue;
    const scope = scopeOf(ctx, rule, anchor.moment.day);
    if (scope === null) continue;
    const lines = [...anchor.lines];
    const chosen: ChosenVersion = { applies: true };
    const timing = timingFor(rule, anchor.moment.day, anchor.source, undefined, lines, chosen);
    if (!chosen.applies) continue;
    const missing = priorMissing(ctx, rule.requiresPrior, anchor.moment, scope, lines);
    if (missing === 'skip') continue;
    const opens = addOffset(math, anchor.moment, timing.earliest);
    lines.push(`window opens: ${opens.lines.join('; ')}`);
    const closes = timing.latest ? addOffset(math, anchor.moment, timing.latest, { roll: timing.roll }) : undefined;
    if (closes) lines.push(`window closes: ${closes.lines.join('; ')}`);
    const higher = rule.completion.higher;
    const eligible = scope || higher ? (event: PreparedEvent) => inScope(scope, event) && higherThan(higher, anchor.origin, event) : undefined;
    const completer = missing ? undefined : findCompletion(candidates, completionSince(ctx, rule.completion.since, anchor.moment, anchor.origin), eligible);
    // With the prior event missing, nothing meets the rule: due when the window opens, overdue after.
    const due = missing ? closes?.moment ?? opens.moment : closes?.moment;
    if (!completer && ctx.stoppedBefore(due ?? opens.moment)) continue;
    const completed = completer ? { event: completer.type, moment: momentOf(completer) } : undefined;
    const { asOf, ended } = completed ? { asOf: ctx.effectiveAsOf(), ended: false } : scopedAsOf(ctx.effectiveAsOf(), scope);
    if (ended) lines.push(endedLine(scope!));
    const judgement = judge({
      cal: math.calendar,
      explain: math.explain,
      asOf,
      dueSoon: ctx.options.dueSoon,
      anchor: anchor.moment,
      earliest: missing ? undefined : opens.moment,
      due,
      completion: completed,
    });
    if (endedOpen(judgement, ended)) continue;
    const result = ctx.result(rule, results.length + 1, anchor, judgement, { earliest: opens.moment, due, completed, source: chosen.version?.source }, lines, scope?.period.ref);
    ctx.setOrigin(result, anchor.origin);
    results.push(result);
  }
  return results;
}
