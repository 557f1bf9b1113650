import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { requireLevel } from '../../platform/access/visibility.js';
import { AppError, fieldError } from '../../platform/http/errors.js';
import { RecordStore, type ApiRecord } from '../../platform/records/record-store.js';
import { teams } from '../../platform/tenancy/tenancy.schema.js';
import type { AssignmentCriteria, AssignmentStrategy } from './assignment-criteria.js';
import './assignment.messages.js';
import { assignmentRules } from './assignment.schema.js';
import { minorUnits, type RoutingRule } from './route-lead.js';

export interface AssignmentRule extends ApiRecord {
  name: string;
  description: string | null;
  position: number;
  active: boolean;
  criteria: AssignmentCriteria;
  /** null: the rule's leads go to the manual routing queue. */
  teamId: string | null;
  teamName?: string | null;
  strategy: AssignmentStrategy;
}

export const ruleStore = new RecordStore<AssignmentRule>({
  object: 'assignment_rules',
  table: assignmentRules,
  sortable: { position: assignmentRules.position, createdAt: assignmentRules.createdAt, name: assignmentRules.name },
  defaultSort: 'position',
  filters: { active: assignmentRules.active, teamId: assignmentRules.teamId, strategy: assignmentRules.strategy },
  searchColumns: [assignmentRules.name, assignmentRules.description],
  references: { teamId: { table: teams } },
  toApi: (r) => ({
    name: r.name as string,
    description: (r.description as string | null) ?? null,
    position: r.position as number,
    active: r.active as boolean,
    criteria: (r.criteria as AssignmentCriteria) ?? {},
    teamId: (r.teamId as string | null) ?? null,
    strategy: r.strategy as AssignmentStrategy,
  }),
  toColumns: (input) => ({
    name: typeof input.name === 'string' ? input.name.trim() : undefined,
    description: input.description,
    position: input.position,
    active: input.active,
    criteria: input.criteria,
    teamId: input.teamId,
    strategy: input.strategy,
  }),
  async validate(_ctx, next) {
    validateCriteria(next.criteria as AssignmentCriteria | undefined);
  },
  decorate: addTeamNames,
});

/** Ranges must not be upside down; the schema checked the shapes already. */
export function validateCriteria(criteria: AssignmentCriteria | undefined, prefix = 'criteria') {
  if (!criteria) return;
  for (const key of ['headcount', 'score'] as const) {
    const range = criteria[key];
    if (range?.min !== undefined && range.max !== undefined && range.min > range.max) {
      throw fieldError(`${prefix}.${key}`, 'RANGE_INVALID');
    }
  }
  const capital = criteria.registeredCapital;
  if (capital?.min !== undefined && capital.max !== undefined && minorUnits(capital.min) > minorUnits(capital.max)) {
    throw fieldError(`${prefix}.registeredCapital`, 'RANGE_INVALID');
  }
}

async function addTeamNames(ctx: RequestContext, records: AssignmentRule[]) {
  const ids = [...new Set(records.map((r) => r.teamId).filter((v): v is string => v !== null))];
  if (ids.length === 0) return;
  const rows = await executor(ctx)
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(eq(teams.tenantId, ctx.tenantId), inArray(teams.id, ids)));
  const names = new Map(rows.map((r) => [r.id, r.name]));
  for (const record of records) record.teamName = record.teamId ? (names.get(record.teamId) ?? null) : null;
}

/** A new rule goes last unless it names its position. */
export function createRule(ctx: RequestContext, input: Record<string, unknown>): Promise<AssignmentRule> {
  return inTransaction(ctx, async (ctx) => {
    requireLevel(ctx, 'assignment_rules', 'create');
    let position = input.position as number | undefined;
    if (position === undefined) {
      const [row] = await executor(ctx)
        .select({ max: sql<number | null>`max(${assignmentRules.position})` })
        .from(assignmentRules)
        .where(eq(assignmentRules.tenantId, ctx.tenantId));
      position = Number(row?.max ?? 0) + 1;
    }
    return ruleStore.create(ctx, { criteria: {}, strategy: 'round_robin', ...input, position });
  });
}

/** Every rule of the tenant in evaluation order. */
export async function orderedRules(ctx: RequestContext): Promise<AssignmentRule[]> {
  const rules: AssignmentRule[] = [];
  for await (const rule of ruleStore.iterate(ctx, { sort: 'position' })) rules.push(rule);
  return rules;
}

/** The rules as the pure routing engine takes them. */
export const toRoutingRules = (rules: readonly AssignmentRule[]): RoutingRule[] =>
  rules.map((r) => ({ id: r.id, name: r.name, active: r.active, criteria: r.criteria, teamId: r.teamId, strategy: r.strategy }));

/**
 * Puts the rules in the given order (every rule exactly once). Each rule whose position
 * changes is updated through the store, so the reorder is audited rule by rule.
 */
export function reorderRules(ctx: RequestContext, ids: string[]): Promise<AssignmentRule[]> {
  return inTransaction(ctx, async (ctx) => {
    requireLevel(ctx, 'assignment_rules', 'update');
    const rows = await executor(ctx)
      .select({ id: assignmentRules.id, position: assignmentRules.position, version: assignmentRules.version })
      .from(assignmentRules)
      .where(eq(assignmentRules.tenantId, ctx.tenantId))
      .orderBy(asc(assignmentRules.position))
      .for('update');
    const current = new Map(rows.map((r) => [r.id, r]));
    if (ids.length !== rows.length || new Set(ids).size !== ids.length || ids.some((id) => !current.has(id))) {
      throw new AppError(400, 'RULE_ORDER_MISMATCH', { count: rows.length }, { count: rows.length });
    }
    for (const [index, id] of ids.entries()) {
      const row = current.get(id)!;
      if (row.position !== index + 1) await ruleStore.update(ctx, id, { position: index + 1 }, row.version);
    }
    return orderedRules(ctx);
  });
}
