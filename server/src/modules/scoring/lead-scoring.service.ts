import { inTransaction, type RequestContext } from '../../platform/access/context.js';
import { requireLevel } from '../../platform/access/visibility.js';
import { AppError, fieldError, ValidationError } from '../../platform/http/errors.js';
import { applyLeadAction, applyLeadActionMany, leadStore, setLeadScores, setLeadScoresMany, type Lead } from '../leads/leads.service.js';
import { DAY_MS } from './rules/decay.js';
import { toNumber } from './rules/match-condition.js';
import { shouldPromote } from './rules/mql-decision.js';
import { applyRuleChanges, GradeMatrix, type GradeMove } from './rules/rule-changes.js';
import { scoreLead } from './rules/rule-engine.js';
import type { EngagementEvent, FiredRule, Grade, LeadFacts, ScoreResult, ScoringRuleDef } from './rules/rule-types.js';
import { validateRule } from './rules/rule-validation.js';
import { engagementSince } from './engagement-events.service.js';
import { scoringNow } from './scoring-clock.js';
import { loadRules, ruleDefFromInput } from './scoring-rules.service.js';
import { assertValidSettings, readScoringSettings, type ScoringSettingsInput } from './scoring-settings.service.js';

/** Statuses whose score is kept up to date; a converted lead keeps the score it converted with. */
export const SCORED_STATUSES = ['new', 'mql', 'accepted', 'sql', 'recycled', 'disqualified'] as const;
/** Leads per page of a batch pass (the record store's largest page); tests lower it to cross pages cheaply. */
export const paging = { batchSize: 200 };

/** A lead's fields as rules read them; registered capital is its amount. */
export function leadFacts(lead: Lead): LeadFacts {
  return {
    industry: lead.industry,
    headcount: lead.headcount,
    registeredCapital: lead.registeredCapital ? toNumber(lead.registeredCapital.amount) : null,
    title: lead.title,
    company: lead.company,
    province: lead.province,
    city: lead.city,
    region: lead.region,
    productInterest: lead.productInterest,
    source: lead.source,
    email: lead.email,
    website: lead.website,
    campaignId: lead.campaignId,
  };
}

const windowStart = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

export interface LeadScoreExplanation extends ScoreResult {
  leadId: string;
  mqlThreshold: number;
  gradeA: number;
  gradeB: number;
  gradeC: number;
  /** The instant decay was measured at. */
  computedAt: string;
}

/** The lead's score under the current rules, now, with every rule that fired and its points. */
export async function explainLeadScore(ctx: RequestContext, leadId: string): Promise<LeadScoreExplanation> {
  const lead = await leadStore.get(ctx, leadId);
  const now = scoringNow();
  const [rules, settings] = await Promise.all([loadRules(ctx), readScoringSettings(ctx)]);
  const events = await engagementSince(ctx, [lead.id], windowStart(now, settings.engagementWindowDays));
  const result = scoreLead(rules, leadFacts(lead), events.get(lead.id) ?? [], now, settings);
  return {
    leadId: lead.id,
    ...result,
    mqlThreshold: settings.mqlThreshold,
    gradeA: settings.gradeA,
    gradeB: settings.gradeB,
    gradeC: settings.gradeC,
    computedAt: now.toISOString(),
  };
}

export interface RescoreOutcome {
  scored: number;
  changed: number;
  promoted: string[];
}

/** The new scores of the open leads (one read of rules, settings and engagement for them all), and whether each now qualifies as an MQL. */
async function computeScores(ctx: RequestContext, leads: readonly Lead[], now: Date) {
  const open = leads.filter((l) => l.status !== 'converted');
  if (open.length === 0) return { settings: null, scored: [] };
  const [rules, settings] = await Promise.all([loadRules(ctx), readScoringSettings(ctx)]);
  const events = await engagementSince(ctx, open.map((l) => l.id), windowStart(now, settings.engagementWindowDays));
  const scored = open.map((lead) => {
    const result = scoreLead(rules, leadFacts(lead), events.get(lead.id) ?? [], now, settings);
    const scores = { score: result.total, grade: result.grade, fitScore: result.fit, engagementScore: result.engagement };
    const promote = shouldPromote({ status: lead.status, previousTotal: lead.score, total: result.total, mqlThreshold: settings.mqlThreshold });
    return { lead, scores, total: result.total, promote };
  });
  return { settings, scored };
}

/**
 * Recomputes and stores the rule scores of `leads` (one read of rules, settings and engagement
 * for the batch), and promotes to MQL those the bar now qualifies. Each lead is written in its
 * own transaction, so one lead's conflict does not undo the batch's work. Run as the system.
 */
export async function rescoreLeads(ctx: RequestContext, leads: readonly Lead[], now = scoringNow()): Promise<RescoreOutcome> {
  const outcome: RescoreOutcome = { scored: 0, changed: 0, promoted: [] };
  const { settings, scored } = await computeScores(ctx, leads, now);
  for (const { lead, scores, total, promote } of scored) {
    outcome.scored++;
    // Most leads of a tenant-wide or nightly pass do not move: no write, no transaction.
    if (!promote && (Object.keys(scores) as (keyof typeof scores)[]).every((k) => lead[k] === scores[k])) continue;
    const write = () => inTransaction(ctx, async (ctx) => {
      const { before, after } = await setLeadScores(ctx, lead.id, scores);
      if (after !== before) outcome.changed++;
      if (shouldPromote({ status: before.status, previousTotal: before.score, total, mqlThreshold: settings!.mqlThreshold })) {
        await applyLeadAction(ctx, lead.id, 'promote');
        outcome.promoted.push(lead.id);
      }
    });
    // Someone saved the lead between our read and our write: once more, on the fresh version.
    // (If they changed a scored field, their change asks for its own rescore.)
    await write().catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'VERSION_CONFLICT') return write();
      throw err;
    });
  }
  return outcome;
}

/**
 * rescoreLeads for a batch written together (an import's chunk of new leads), in the caller's
 * transaction: the scores in one UPDATE, the promotions in a few statements. Same results as
 * one lead at a time. `eventPayload` goes with the promotions' events (the batch routes them itself).
 */
export async function rescoreLeadBatch(
  ctx: RequestContext,
  leads: readonly Lead[],
  opts: { now?: Date; eventPayload?: Record<string, unknown> } = {},
): Promise<RescoreOutcome> {
  return inTransaction(ctx, async (ctx) => {
    const { scored } = await computeScores(ctx, leads, opts.now ?? scoringNow());
    const written = await setLeadScoresMany(ctx, scored);
    const promoted = scored.filter((s) => s.promote).map((s) => s.lead.id);
    await applyLeadActionMany(ctx, promoted, 'promote', { eventPayload: opts.eventPayload });
    return { scored: scored.length, changed: written.length, promoted };
  });
}

/**
 * One page of the tenant's scored leads, oldest first, as the caller sees them. Pages go by id
 * (UUIDv7: creation order), whose cursor is exact: a createdAt cursor keeps milliseconds while
 * PostgreSQL stores microseconds, and an import's leads may share one created_at.
 */
export function scoredLeadsPage(ctx: RequestContext, cursor?: string | null) {
  return leadStore.list(ctx, {
    filters: { status: SCORED_STATUSES.join(',') },
    sort: 'id',
    limit: paging.batchSize,
    cursor: cursor ?? undefined,
  });
}

/** A proposed edit of the rules and settings, as the editor sends it for a preview. */
export interface PreviewInput {
  added?: Record<string, unknown>[];
  changed?: (Record<string, unknown> & { id: string })[];
  removed?: string[];
  settings?: Partial<ScoringSettingsInput>;
  sampleSize?: number;
}

export interface PreviewSample {
  leadId: string;
  name: string;
  company: string | null;
  status: string;
  fromGrade: Grade;
  toGrade: Grade;
  fromTotal: number;
  toTotal: number;
  /** The rules that fired under the proposal. */
  fired: FiredRule[];
}

export interface PreviewResult {
  evaluated: number;
  gradeChanged: number;
  scoreChanged: number;
  /** Leads the proposal would promote to MQL that the current rules would not. */
  wouldPromote: number;
  matrix: GradeMove[];
  sample: PreviewSample[];
  computedAt: string;
}

/** The proposed rule set, validated against the current one (ids must exist). */
function proposedRules(current: ScoringRuleDef[], input: PreviewInput): ScoringRuleDef[] {
  const byId = new Map(current.map((r) => [r.id, r]));
  const problems: { field: string; code: string; params?: Record<string, unknown> }[] = [];
  const added = (input.added ?? []).map((rule, i) => {
    for (const p of validateRule(rule)) problems.push({ ...p, field: `added[${i}].${p.field}` });
    return ruleDefFromInput(`new-${i + 1}`, rule);
  });
  const changed = (input.changed ?? []).flatMap((patch, i) => {
    const existing = byId.get(patch.id);
    if (!existing) {
      problems.push({ field: `changed[${i}].id`, code: 'REFERENCE_NOT_FOUND', params: { field: 'id' } });
      return [];
    }
    const merged = { ...existing, ...patch };
    for (const p of validateRule(merged)) problems.push({ ...p, field: `changed[${i}].${p.field}` });
    return [ruleDefFromInput(patch.id, merged)];
  });
  (input.removed ?? []).forEach((id, i) => {
    if (!byId.has(id)) problems.push({ field: `removed[${i}]`, code: 'REFERENCE_NOT_FOUND', params: { field: 'id' } });
  });
  if (problems.length > 0) throw new ValidationError(problems);
  return applyRuleChanges(current, { added, changed, removed: input.removed ?? [] });
}

/**
 * What a proposed change of rules (and settings) would do to the leads, without saving
 * anything: how many would change grade (the from→to matrix), change score or become MQLs,
 * and a sample. Both sides are computed now with the same engagement, so decay since the last
 * rescore does not count as a change. Reads the leads a page at a time (three queries per 200 leads).
 */
export async function previewRuleChanges(ctx: RequestContext, input: PreviewInput): Promise<PreviewResult> {
  requireLevel(ctx, 'scoring_rules', 'update');
  const now = scoringNow();
  const [current, settings] = await Promise.all([loadRules(ctx), readScoringSettings(ctx)]);
  const proposed = proposedRules(current, input);
  const nextSettings: ScoringSettingsInput = { ...settings, ...input.settings };
  assertValidSettings(nextSettings, 'settings.');
  if (nextSettings.engagementWindowDays < 1) throw fieldError('settings.engagementWindowDays', 'FIELD_INVALID');
  const sampleSize = input.sampleSize ?? 20;
  const currentSince = windowStart(now, settings.engagementWindowDays);
  const nextSince = windowStart(now, nextSettings.engagementWindowDays);
  const since = currentSince < nextSince ? currentSince : nextSince;
  const within = (events: EngagementEvent[], from: Date) => events.filter((e) => e.at >= from);

  const matrix = new GradeMatrix();
  const result: PreviewResult = { evaluated: 0, gradeChanged: 0, scoreChanged: 0, wouldPromote: 0, matrix: [], sample: [], computedAt: now.toISOString() };
  let cursor: string | null = null;
  do {
    const page = await scoredLeadsPage(ctx, cursor);
    const events = await engagementSince(ctx, page.data.map((l) => l.id), since);
    for (const lead of page.data) {
      const facts = leadFacts(lead);
      const leadEvents = events.get(lead.id) ?? [];
      const before = scoreLead(current, facts, within(leadEvents, currentSince), now, settings);
      const after = scoreLead(proposed, facts, within(leadEvents, nextSince), now, nextSettings);
      matrix.add(before.grade, after.grade);
      result.evaluated++;
      if (before.total !== after.total) result.scoreChanged++;
      const promotedBefore = shouldPromote({ status: lead.status, previousTotal: lead.score, total: before.total, mqlThreshold: settings.mqlThreshold });
      const promotedAfter = shouldPromote({ status: lead.status, previousTotal: lead.score, total: after.total, mqlThreshold: nextSettings.mqlThreshold });
      if (promotedAfter && !promotedBefore) result.wouldPromote++;
      if (before.grade !== after.grade && result.sample.length < sampleSize) {
        result.sample.push({
          leadId: lead.id,
          name: lead.name,
          company: lead.company,
          status: lead.status,
          fromGrade: before.grade,
          toGrade: after.grade,
          fromTotal: before.total,
          toTotal: after.total,
          fired: after.fired,
        });
      }
    }
    cursor = page.nextCursor;
  } while (cursor);
  result.matrix = matrix.cells();
  result.gradeChanged = matrix.changed();
  return result;
}
