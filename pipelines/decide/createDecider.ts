// The decision for each refund request: its context from the held week, request risk, the policy's first matching rule,
// reasons.
import { applyCalibrator } from '../../models/calibration/calibrator.ts';
import { ReasonWriter } from '../../models/explain/reasonWriter.ts';
import { ruleEvaluator } from '../simulate/policy/evaluateRules.ts';
import type { Policy, PolicyAction } from '../simulate/policy/policySchema.ts';
import type { DeciderState } from './deciderState.ts';
import { requestContext, type RequestContext } from './requestContext.ts';
import { REQUEST_FEATURES, requestFeatureValues } from './requestFeatures.ts';
import {
  parseRequest,
  parseRequestLine,
  type DecideRequest,
  type InputProblem,
  type ParsedRequest,
} from './requestInput.ts';

export interface Decision {
  /** 1-based line of the input (NDJSON and batch input). */
  line?: number;
  request_id: string;
  action: PolicyAction;
  /** Name of the rule that fired (its index when unnamed), "default" when none did. */
  rule: string;
  rule_index: number;
  request_risk: number | null;
  buyer_risk: number | null;
  merchant_trust: number | null;
  buyer_tier: string | null;
  merchant_tier: string | null;
  /** Up to three plain sentences: what raised this request's risk most. */
  reasons: string[];
  /** The scored week whose scores decided it. */
  scores_as_of: string;
  /** What the decision could not see (an order outside the warehouse, no request model). */
  notes?: string[];
}

export interface DecisionError {
  line?: number;
  request_id: string | null;
  /** The first problem's field, value and rule; `problems` lists them all. */
  field: string | null;
  value: unknown;
  rule: string;
  problems: InputProblem[];
}

export type DecisionLine = Decision | DecisionError;

/** The part of a policy a decider applies. */
export type DecisionPolicy = Pick<Policy, 'name' | 'rules' | 'default' | 'settings'>;

export interface Decider {
  readonly scoresAsOf: string;
  readonly policyName: string;
  /** What it was created from: decide's worker threads each create their own decider from the same. */
  readonly state: DeciderState;
  readonly policy: DecisionPolicy;
  /**
   * True when a request's decision depends on nothing decided before it, so lines may be decided in any order or
   * apart: false when the policy spends a weekly review capacity (first come, first served) on reviews.
   */
  readonly orderIndependent: boolean;
  /** Decides validated requests; request risk is predicted for the whole batch at once. */
  decideRequests(requests: readonly DecideRequest[]): Decision[];
  /** Validates and decides NDJSON lines: one decision or error per line, in order; blank lines are skipped. */
  decideLines(lines: readonly string[], firstLine?: number): DecisionLine[];
  /** Validates and decides parsed JSON values; in a batch each result carries its 1-based position as `line`. */
  decideValues(values: readonly unknown[], batch: boolean): DecisionLine[];
}

const WEEK_MS = 7 * 86_400_000;
const MAX_REASONS = 3;

function errorLine(line: number | undefined, request_id: string | null, problems: InputProblem[]): DecisionError {
  const first = problems[0]!;
  return {
    ...(line === undefined ? {} : { line }),
    request_id,
    field: first.field,
    value: first.value,
    rule: first.rule,
    problems,
  };
}

/**
 * A decider over one held week and one policy. Review capacity (reviewCapacityPerWeek) is spent first come, first
 * served per week from the scored week's date: the replay ranks a week's reviews by risk, which a live decision
 * cannot know; beyond capacity the policy's overflowAction applies. Merchant deadlines act after the decision.
 */
export function createDecider(state: DeciderState, policy: DecisionPolicy): Decider {
  const evaluate = ruleEvaluator(policy);
  const ruleName = (i: number) => (i < 0 ? 'default' : (policy.rules[i]!.name ?? `rule ${i + 1}`));
  const capacity = policy.settings.reviewCapacityPerWeek;
  const reviewsByWeek = new Map<number, number>();
  const weekStart = Date.parse(`${state.scoresAsOf}T00:00:00Z`);
  const model = state.requestModel;
  const all = new Float64Array(REQUEST_FEATURES.length);
  const contributions = new Float64Array(model?.entries.length ?? 0);

  const reasonWriter = model
    ? new ReasonWriter({
        typical: model.typical,
        entries: model.entries,
        templates: model.artifact.spec.reasonTemplates,
        exclude: model.artifact.spec.notReasons,
        onlyWhen: model.artifact.spec.reasonOnlyWhen,
        max: MAX_REASONS,
      })
    : null;
  /** One request's model input at a time, as the forest reads it (float32): explained and given reasons from. */
  const row = new Float32Array(model?.gather.length ?? 0);

  /** `lineOf(i)`: the 1-based line of request i, written first in its decision; none when undefined. */
  function decideAll(requests: readonly DecideRequest[], lineOf?: (i: number) => number | undefined): Decision[] {
    const n = requests.length;
    const F = model?.gather.length ?? 0;
    // Each request's features go into the model input as its context is built: only the rule context and notes are
    // kept to the end of the batch, so the rest dies young (garbage collection was the largest cost of a batch).
    const columns: Float32Array[] = [];
    for (let f = 0; f < F; f++) columns.push(new Float32Array(n));
    const contexts: RequestContext['ctx'][] = new Array(n);
    const notesOf: string[][] = new Array(n);
    /** Per request, its row in the model input; -1 when it has none (its order is not held, or no model). */
    const slot = new Int32Array(n).fill(-1);
    let scored = 0;
    for (let i = 0; i < n; i++) {
      const { facts, ctx, notes } = requestContext(state, requests[i]!);
      contexts[i] = ctx;
      notesOf[i] = notes;
      if (!model) notes.push('no request-risk model trained on or before the scored week: request risk unknown');
      else if (facts) {
        const j = (slot[i] = scored++);
        requestFeatureValues(facts, all);
        for (let f = 0; f < F; f++) columns[f]![j] = all[model.gather[f]!]!;
      }
    }
    const risks = new Float64Array(n).fill(NaN);
    if (model && scored > 0) {
      const input = scored === n ? columns : columns.map((c) => c.subarray(0, scored));
      const p = applyCalibrator(model.artifact.calibration, model.forest.predictProba(input));
      for (let i = 0; i < n; i++) if (slot[i]! >= 0) risks[i] = p[slot[i]!]!;
    }
    const out: Decision[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const r = requests[i]!;
      const ctx = contexts[i]!;
      const notes = notesOf[i]!;
      const j = slot[i]!;
      const request_risk = j < 0 ? null : risks[i]!;
      // Set in place (the context is this request's own): a copy by spread costs more than the rule evaluation.
      (ctx as { request_risk?: number | null }).request_risk = request_risk;
      const match = evaluate(ctx);
      let action = match.action;
      let rule = ruleName(match.index);
      if (action === 'manual_review' && capacity !== undefined) {
        const week = Math.floor((r.requestedMs - weekStart) / WEEK_MS);
        const used = reviewsByWeek.get(week) ?? 0;
        if (used >= capacity) {
          action = policy.settings.overflowAction!;
          rule = `${rule} (review capacity of ${capacity} this week used up)`;
        } else reviewsByWeek.set(week, used + 1);
      }
      let reasons: string[] = [];
      if (model && reasonWriter && j >= 0) {
        for (let f = 0; f < F; f++) row[f] = columns[f]![j]!;
        model.explainer.explain(row, contributions);
        reasons = reasonWriter.sentences(contributions, row);
      }
      const line = lineOf?.(i);
      const buyer_risk = (ctx.buyer_risk as number | null | undefined) ?? null;
      const merchant_trust = (ctx.merchant_trust as number | null | undefined) ?? null;
      const buyer_tier = (ctx.buyer_tier as string | null | undefined) ?? null;
      const merchant_tier = (ctx.merchant_tier as string | null | undefined) ?? null;
      // Literals, not a spread of `line` over a decision: the keys' order is the output's, and a spread copies.
      const d: Decision =
        line === undefined
          ? {
              request_id: r.request_id,
              action,
              rule,
              rule_index: match.index,
              request_risk,
              buyer_risk,
              merchant_trust,
              buyer_tier,
              merchant_tier,
              reasons,
              scores_as_of: state.scoresAsOf,
            }
          : {
              line,
              request_id: r.request_id,
              action,
              rule,
              rule_index: match.index,
              request_risk,
              buyer_risk,
              merchant_trust,
              buyer_tier,
              merchant_tier,
              reasons,
              scores_as_of: state.scoresAsOf,
            };
      if (notes.length) d.notes = notes;
      out[i] = d;
    }
    return out;
  }

  function decideParsed(parsed: ParsedRequest[], lineOf: (i: number) => number | undefined): DecisionLine[] {
    const valid: number[] = [];
    const requests: DecideRequest[] = [];
    parsed.forEach((p, i) => {
      if (!p.ok) return;
      valid.push(i);
      requests.push(p.request);
    });
    const decided = decideAll(requests, (j) => lineOf(valid[j]!));
    const out: DecisionLine[] = new Array(parsed.length);
    valid.forEach((i, j) => (out[i] = decided[j]!));
    parsed.forEach((p, i) => {
      if (!p.ok) out[i] = errorLine(lineOf(i), p.request_id, p.problems);
    });
    return out;
  }

  return {
    scoresAsOf: state.scoresAsOf,
    policyName: policy.name,
    state,
    policy,
    orderIndependent:
      capacity === undefined ||
      (policy.default !== 'manual_review' && policy.rules.every((r) => r.action !== 'manual_review')),
    decideRequests: (requests) => decideAll(requests),
    decideLines(lines, firstLine = 1) {
      const kept: { text: string; line: number }[] = [];
      lines.forEach((text, i) => {
        if (text.trim() !== '') kept.push({ text, line: firstLine + i });
      });
      return decideParsed(
        kept.map((k) => parseRequestLine(k.text)),
        (i) => kept[i]!.line,
      );
    },
    decideValues(values, batch) {
      return decideParsed(values.map(parseRequest), (i) => (batch ? i + 1 : undefined));
    },
  };
}
