import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { requireLevel } from '../../platform/access/visibility.js';
import { appendAuditBatch } from '../../platform/audit/audit.service.js';
import { uuidv7 } from '../../platform/db/ids.js';
import { publishEvent } from '../../platform/events/publish.js';
import { fieldError } from '../../platform/http/errors.js';
import { EMPTY_BANT, bantMissing } from './bant.js';
import { ensureDealSetup } from './deal-settings.service.js';
import { fromMinor, toMinor } from './deal-money.js';
import { isTerminal } from './exit-criteria.js';
import { opportunities, opportunityLineItems, opportunityStageHistory } from './opportunities.schema.js';
import { defaultProcessForDeal, processForDeal, type SalesProcess, type Stage } from './sales-processes.service.js';

/** A past deal as a history import gives it: references already resolved, dates already read. */
export interface HistoricalDeal {
  name: string;
  accountId: string;
  ownerId: string;
  teamId: string | null;
  /** The stage as written in the file: a stage's key or name, or won / lost. */
  stage: string;
  currency: string;
  /** Decimal string, or null (then the product's list price, if any). */
  amount: string | null;
  createdAt: Date;
  /** Expected close date of an open deal, or the day a closed one closed (YYYY-MM-DD). */
  closeDate: string;
  /** When a closed deal closed. */
  closedAt: Date | null;
  lossReason: string | null;
  product: { id: string; name: string; code: string | null; productLineId: string | null; listPrice: string | null } | null;
}

export type HistoricalDealResult = { ok: true; id: string } | { ok: false; field: string; code: string; params?: Record<string, unknown> };

const WON_WORDS = new Set(['won', 'closed won', 'closedwon', 'win', '赢单', '成交']);
const LOST_WORDS = new Set(['lost', 'closed lost', 'closedlost', 'loss', '丢单', '输单']);
const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The stage of `process` a file's stage names (its key or name; won/lost words name the closing stages). */
export function stageNamed(process: SalesProcess, value: string, mapping: Record<string, string> = {}): Stage | null {
  const mapped = norm(mapping[value] ?? mapping[value.trim()] ?? value);
  const byName = process.stages.find((s) => norm(s.name) === mapped || (s.key !== null && norm(s.key) === mapped));
  if (byName) return byName;
  if (WON_WORDS.has(mapped)) return process.stages.find((s) => s.isWon) ?? null;
  if (LOST_WORDS.has(mapped)) return process.stages.find((s) => s.isLost) ?? null;
  return null;
}

/**
 * Writes past deals as they were: status, amounts, dates and a two-entry stage history (the
 * deal entered its first stage — or its open stage — when it was created, and the closing stage
 * when it closed), so velocity, win rates and forecast accuracy read them like live deals.
 * One product line item carries the product (unit price = the amount). Multi-row INSERTs, one
 * audit entry per deal and one `opportunities.history_imported` event per call. A deal the file
 * gets wrong (unknown stage, a bad amount) is returned as an error and not written.
 */
export async function importHistoricalDeals(
  ctx: RequestContext,
  deals: readonly HistoricalDeal[],
  opts: { processId?: string | null; stageMapping?: Record<string, string> } = {},
): Promise<HistoricalDealResult[]> {
  requireLevel(ctx, 'opportunities', 'create');
  await ensureDealSetup(ctx);
  return inTransaction(ctx, async (ctx) => {
    const process = opts.processId ? await processForDeal(ctx, opts.processId) : await defaultProcessForDeal(ctx);
    if (!process) throw fieldError('processId', 'REFERENCE_NOT_FOUND', { field: 'processId' });
    const firstOpen = process.stages.find((s) => !isTerminal(s))!;
    const results: HistoricalDealResult[] = [];
    const rows: (typeof opportunities.$inferInsert)[] = [];
    const items: (typeof opportunityLineItems.$inferInsert)[] = [];
    const history: (typeof opportunityStageHistory.$inferInsert)[] = [];
    const missing = bantMissing(EMPTY_BANT);

    for (const deal of deals) {
      const stage = stageNamed(process, deal.stage, opts.stageMapping);
      if (!stage) {
        results.push({ ok: false, field: 'stage', code: 'HISTORY_STAGE_UNKNOWN', params: { stage: deal.stage, process: process.name } });
        continue;
      }
      let amountMinor: bigint | null;
      try {
        amountMinor = deal.amount !== null ? toMinor(deal.amount) : deal.product?.listPrice ? toMinor(deal.product.listPrice) : null;
      } catch {
        results.push({ ok: false, field: 'amount', code: 'FIELD_INVALID' });
        continue;
      }
      if (amountMinor !== null && amountMinor < 0n) {
        results.push({ ok: false, field: 'amount', code: 'FIELD_INVALID' });
        continue;
      }
      const status = stage.isWon ? 'won' : stage.isLost ? 'lost' : 'open';
      const closedAt = status === 'open' ? null : (deal.closedAt ?? deal.createdAt);
      const id = uuidv7();
      const amount = amountMinor === null ? null : fromMinor(amountMinor);
      rows.push({
        tenantId: ctx.tenantId,
        id,
        createdAt: deal.createdAt,
        updatedAt: closedAt ?? deal.createdAt,
        name: deal.name,
        accountId: deal.accountId,
        processId: process.id,
        stageId: stage.id,
        status,
        currency: deal.currency,
        amount,
        closeDate: deal.closeDate,
        stageProbability: stage.probability,
        probability: stage.probability,
        stageForecastCategory: stage.forecastCategory,
        forecastCategory: stage.forecastCategory,
        bant: EMPTY_BANT,
        bantMissing: missing,
        qualified: false,
        ownerId: deal.ownerId,
        teamId: deal.teamId,
        stageEnteredAt: closedAt ?? deal.createdAt,
        closedAt,
        lossReason: status === 'lost' ? deal.lossReason : null,
      });
      if (deal.product && amount !== null) {
        items.push({
          tenantId: ctx.tenantId,
          id: uuidv7(),
          opportunityId: id,
          position: 1,
          productId: deal.product.id,
          productName: deal.product.name,
          productCode: deal.product.code,
          productLineId: deal.product.productLineId,
          quantity: '1.000',
          unitPrice: amount,
          currency: deal.currency,
          lineTotal: amount,
        });
      }
      const opening = status === 'open' ? stage : firstOpen;
      const entry = { tenantId: ctx.tenantId, opportunityId: id, actorId: ctx.actor.userId, overrideReason: null };
      history.push({
        ...entry, id: uuidv7(), action: 'create', fromStageId: null, fromStageName: null,
        toStageId: opening.id, toStageName: opening.name, status: 'open', probability: opening.probability, at: deal.createdAt,
      });
      if (closedAt) {
        history.push({
          ...entry, id: uuidv7(), action: 'close', fromStageId: opening.id, fromStageName: opening.name,
          toStageId: stage.id, toStageName: stage.name, status, probability: stage.probability, at: closedAt,
        });
      }
      results.push({ ok: true, id });
    }

    const exec = executor(ctx);
    for (let i = 0; i < rows.length; i += 500) await exec.insert(opportunities).values(rows.slice(i, i + 500));
    for (let i = 0; i < items.length; i += 500) await exec.insert(opportunityLineItems).values(items.slice(i, i + 500));
    for (let i = 0; i < history.length; i += 500) await exec.insert(opportunityStageHistory).values(history.slice(i, i + 500));
    await appendAuditBatch(ctx, rows.map((r) => ({
      action: 'import',
      object: 'opportunities',
      recordId: r.id!,
      changes: {
        name: { before: null, after: r.name }, status: { before: null, after: r.status },
        amount: { before: null, after: r.amount ?? null }, closeDate: { before: null, after: r.closeDate },
      },
    })));
    if (rows.length > 0) {
      await publishEvent(ctx, {
        type: 'opportunities.history_imported',
        object: 'opportunities',
        recordId: rows[0].id!,
        payload: { count: rows.length, processId: process.id },
      });
    }
    return results;
  });
}
