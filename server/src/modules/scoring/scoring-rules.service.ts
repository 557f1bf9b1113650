import { eq } from 'drizzle-orm';
import { executor, type RequestContext } from '../../platform/access/context.js';
import { ValidationError } from '../../platform/http/errors.js';
import { trimmedOrNull } from '../../platform/normalize/text.js';
import { RecordStore, type ApiRecord } from '../../platform/records/record-store.js';
import { orderedRules } from './rules/rule-engine.js';
import type { Operator, RuleCategory, ScoringRuleDef } from './rules/rule-types.js';
import { validateRule } from './rules/rule-validation.js';
import './scoring.messages.js';
import { scoringRules } from './scoring.schema.js';

export interface ScoringRule extends ApiRecord {
  name: string;
  category: RuleCategory;
  field: string | null;
  eventKind: string | null;
  operator: Operator | null;
  value: unknown;
  points: number;
  cap: number | null;
  halfLifeDays: number | null;
  active: boolean;
  order: number;
}

type Row = Record<string, unknown>;

function toRuleDef(r: Row): ScoringRuleDef {
  return {
    id: r.id as string,
    name: r.name as string,
    category: r.category as RuleCategory,
    field: (r.field as string | null) ?? null,
    eventKind: (r.eventKind as string | null) ?? null,
    operator: (r.operator as Operator | null) ?? null,
    value: r.value ?? null,
    points: r.points as number,
    cap: (r.cap as number | null) ?? null,
    halfLifeDays: (r.halfLifeDays as number | null) ?? null,
    active: r.active as boolean,
    order: r.sortOrder as number,
  };
}

/** Throws the problems of a rule as a 400 naming each field (prefixed, e.g. `added[0].`). */
export function assertValidRule(rule: Row, prefix = ''): void {
  const problems = validateRule(rule);
  if (problems.length > 0) throw new ValidationError(problems.map((p) => ({ ...p, field: `${prefix}${p.field}` })));
}

/** Scoring rules: an admin's or marketing's to manage, everyone's to read; every change audited. */
export const scoringRuleStore = new RecordStore<ScoringRule>({
  object: 'scoring_rules',
  table: scoringRules,
  sortable: { order: scoringRules.sortOrder, name: scoringRules.name, createdAt: scoringRules.createdAt, updatedAt: scoringRules.updatedAt },
  defaultSort: 'order',
  filters: { category: scoringRules.category, active: scoringRules.active, eventKind: scoringRules.eventKind, field: scoringRules.field },
  searchColumns: [scoringRules.name],
  toApi: (r) => {
    const { id: _id, ...def } = toRuleDef(r);
    return def;
  },
  toColumns: ({ order, ...input }) => ({
    ...input,
    name: trimmedOrNull(input.name),
    sortOrder: order,
  }),
  async validate(_ctx, next) {
    assertValidRule(next);
  },
});

/** Every rule of the tenant (active or not), in order, as the engine reads them. */
export async function loadRules(ctx: RequestContext): Promise<ScoringRuleDef[]> {
  const rows = await executor(ctx).select().from(scoringRules).where(eq(scoringRules.tenantId, ctx.tenantId));
  return orderedRules(rows.map((r) => toRuleDef(r as Row)));
}

/** A rule as the API receives it (create), with the defaults of absent optional fields. */
export function ruleDefFromInput(id: string, input: Row): ScoringRuleDef {
  return toRuleDef({
    id,
    field: null,
    eventKind: null,
    operator: null,
    value: null,
    cap: null,
    halfLifeDays: null,
    active: true,
    ...input,
    name: typeof input.name === 'string' ? input.name.trim() : input.name,
    sortOrder: (input.order as number | undefined) ?? 0,
  });
}
