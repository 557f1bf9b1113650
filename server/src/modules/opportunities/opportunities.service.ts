import { and, eq, inArray } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { ownerWithin, requireLevel } from '../../platform/access/visibility.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { uuidv7 } from '../../platform/db/ids.js';
import { AppError, fieldError, forbidden, ValidationError, type FieldError } from '../../platform/http/errors.js';
import { moneyFromColumns, type Money } from '../../platform/normalize/money.js';
import { trimmedOrNull } from '../../platform/normalize/text.js';
import { registerRecordType } from '../../platform/records/record-registry.js';
import { RecordStore, type ApiRecord } from '../../platform/records/record-store.js';
import { getTenantSettings } from '../../platform/tenancy/tenant-settings.service.js';
import { teams, users } from '../../platform/tenancy/tenancy.schema.js';
import { productsById, type Product } from '../catalog/catalog.service.js';
import { accountStore } from '../customers/accounts.service.js';
import { addAccountNames, contactStore } from '../customers/contacts.service.js';
import { bantMissing, EMPTY_BANT, mergeBant, qualification, type Bant, type BantInput, type BantPart } from './bant.js';
import { fromMinor, lineTotalMinor, sumMinor, toMinor, toScaled } from './deal-money.js';
import { ensureDealSetup, readDealSettings } from './deal-settings.service.js';
import { lossReasonLabels } from './loss-reasons.service.js';
import { fieldLabel } from './opportunities.messages.js';
import { insertStageHistory, lineItemsOf, pipelineTotals, replaceLineItems, type LineItemRow, type LineItemValues } from './opportunities.repository.js';
import { opportunities, salesStages, type ChecklistState, type ContactRole } from './opportunities.schema.js';
import {
  checkProbabilityOverride, resolveProbability, stageDefaults, type ForecastCategory, type OpportunityStatus,
} from './probability.js';
import { defaultProcessForDeal, processForDeal, type SalesProcess, type Stage } from './sales-processes.service.js';
import { isTerminal } from './exit-criteria.js';
import { requireGatePassed } from './stage-gates.js';

export interface LineItem {
  id: string;
  productId: string;
  productName: string;
  productCode: string | null;
  productLineId: string | null;
  quantity: number;
  unitPrice: Money;
  discountPercent: number;
  lineTotal: Money;
  description: string | null;
}

export interface Opportunity extends ApiRecord {
  name: string;
  accountId: string;
  accountName?: string | null;
  processId: string;
  stageId: string;
  stageName?: string | null;
  status: OpportunityStatus;
  currency: string;
  amount: Money | null;
  closeDate: string;
  probability: number;
  stageProbability: number;
  probabilityOverride: number | null;
  probabilityOverrideReason: string | null;
  forecastCategory: ForecastCategory;
  stageForecastCategory: ForecastCategory;
  forecastCategoryOverride: ForecastCategory | null;
  bant: Bant;
  bantMissing: BantPart[];
  qualified: boolean;
  contacts: ContactRole[];
  competitors: string[];
  nextStep: string | null;
  description: string | null;
  checklist: ChecklistState;
  lineItems: LineItem[];
  ownerId: string;
  ownerName?: string | null;
  teamId: string | null;
  leadId: string | null;
  stageEnteredAt: string;
  closedAt: string | null;
  lossReason: string | null;
  lossReasonLabel?: string | null;
  closeCompetitor: string | null;
  closeNote: string | null;
}

export interface LineItemInput {
  productId: string;
  quantity: number;
  unitPrice?: Money | null;
  discountPercent?: number;
  description?: string | null;
}

export interface OpportunityInput {
  name?: string;
  accountId?: string;
  processId?: string;
  stageId?: string;
  amount?: Money | null;
  closeDate?: string;
  probabilityOverride?: number | null;
  probabilityOverrideReason?: string | null;
  forecastCategoryOverride?: ForecastCategory | null;
  bant?: BantInput;
  lineItems?: LineItemInput[];
  contacts?: { contactId: string; role?: string | null }[];
  competitors?: string[];
  nextStep?: string | null;
  description?: string | null;
  ownerId?: string;
  teamId?: string | null;
  leadId?: string | null;
}

const nullable = <T>(v: unknown) => (v ?? null) as T | null;
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : null);

/** The columns a deal workflow writes through the store (the store adds tenant and bookkeeping). */
const COLUMNS = [
  'id', 'name', 'accountId', 'processId', 'stageId', 'status', 'currency', 'amount', 'closeDate',
  'stageProbability', 'probabilityOverride', 'probabilityOverrideReason', 'probability',
  'stageForecastCategory', 'forecastCategoryOverride', 'forecastCategory', 'bant', 'bantMissing', 'qualified',
  'contactRoles', 'competitors', 'nextStep', 'description', 'checklist', 'ownerId', 'teamId', 'leadId',
  'stageEnteredAt', 'closedAt', 'lossReason', 'closeCompetitor', 'closeNote',
] as const;

export const opportunityStore = new RecordStore<Opportunity>({
  object: 'opportunities',
  table: opportunities,
  ownerColumn: opportunities.ownerId,
  sortable: {
    createdAt: opportunities.createdAt,
    updatedAt: opportunities.updatedAt,
    name: opportunities.name,
    closeDate: opportunities.closeDate,
    probability: opportunities.probability,
    stageEnteredAt: opportunities.stageEnteredAt,
  },
  defaultSort: '-createdAt',
  filters: {
    status: opportunities.status,
    accountId: opportunities.accountId,
    processId: opportunities.processId,
    stageId: opportunities.stageId,
    ownerId: opportunities.ownerId,
    teamId: opportunities.teamId,
    forecastCategory: opportunities.forecastCategory,
    qualified: opportunities.qualified,
    leadId: opportunities.leadId,
    currency: opportunities.currency,
  },
  ranges: { closeDate: opportunities.closeDate, amount: opportunities.amount },
  searchColumns: [opportunities.name, opportunities.nextStep],
  references: { ownerId: { table: users }, teamId: { table: teams } },
  toApi: (r) => ({
    name: r.name as string,
    accountId: r.accountId as string,
    processId: r.processId as string,
    stageId: r.stageId as string,
    status: r.status as OpportunityStatus,
    currency: (r.currency as string).trim(),
    amount: moneyFromColumns(r.amount, r.currency),
    closeDate: r.closeDate as string,
    probability: r.probability as number,
    stageProbability: r.stageProbability as number,
    probabilityOverride: nullable(r.probabilityOverride),
    probabilityOverrideReason: nullable(r.probabilityOverrideReason),
    forecastCategory: r.forecastCategory as ForecastCategory,
    stageForecastCategory: r.stageForecastCategory as ForecastCategory,
    forecastCategoryOverride: nullable(r.forecastCategoryOverride),
    bant: r.bant as Bant,
    bantMissing: r.bantMissing as BantPart[],
    qualified: r.qualified as boolean,
    contacts: (r.contactRoles as ContactRole[]) ?? [],
    competitors: (r.competitors as string[]) ?? [],
    nextStep: nullable(r.nextStep),
    description: nullable(r.description),
    checklist: (r.checklist as ChecklistState) ?? {},
    lineItems: [],
    ownerId: r.ownerId as string,
    teamId: nullable(r.teamId),
    leadId: nullable(r.leadId),
    stageEnteredAt: (r.stageEnteredAt as Date).toISOString(),
    closedAt: iso(r.closedAt),
    lossReason: nullable(r.lossReason),
    closeCompetitor: nullable(r.closeCompetitor),
    closeNote: nullable(r.closeNote),
  }),
  toColumns: (input) => Object.fromEntries(COLUMNS.filter((k) => k in input).map((k) => [k, input[k]])),
  decorate: decorateOpportunities,
});

registerRecordType('opportunities', {
  store: opportunityStore,
  describe: (o) => ({ title: o.name, subtitle: [o.accountName, o.stageName].filter(Boolean).join(' · ') || undefined }),
});

export function toLineItem(row: LineItemRow): LineItem {
  const currency = row.currency.trim();
  return {
    id: row.id,
    productId: row.productId,
    productName: row.productName,
    productCode: row.productCode,
    productLineId: row.productLineId,
    quantity: Number(row.quantity),
    unitPrice: moneyFromColumns(row.unitPrice, currency)!,
    discountPercent: Number(row.discountPercent),
    lineTotal: moneyFromColumns(row.lineTotal, currency)!,
    description: row.description,
  };
}

/** Account, stage and loss-reason names and the line items, for a page of deals: one query each. */
async function decorateOpportunities(ctx: RequestContext, records: Opportunity[]) {
  if (records.length === 0) return;
  await addAccountNames(ctx, records);
  const items = await lineItemsOf(ctx, records.map((r) => r.id));
  const byDeal = new Map<string, LineItem[]>();
  for (const row of items) byDeal.set(row.opportunityId, [...(byDeal.get(row.opportunityId) ?? []), toLineItem(row)]);
  const stageNames = await stageNamesOf(ctx, [...new Set(records.map((r) => r.stageId))]);
  const labels = records.some((r) => r.lossReason) ? await lossReasonLabels(ctx) : new Map();
  for (const record of records) {
    record.lineItems = byDeal.get(record.id) ?? [];
    record.stageName = stageNames.get(record.stageId) ?? null;
    const label = record.lossReason ? labels.get(record.lossReason) : undefined;
    record.lossReasonLabel = record.lossReason ? (label?.[ctx.locale] ?? record.lossReason) : null;
  }
}

async function stageNamesOf(ctx: RequestContext, stageIds: string[]): Promise<Map<string, string>> {
  const rows = await executor(ctx)
    .select({ id: salesStages.id, name: salesStages.name })
    .from(salesStages)
    .where(and(eq(salesStages.tenantId, ctx.tenantId), inArray(salesStages.id, stageIds)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Count, amount and weighted amount (per currency) of the deals a list with these filters shows. */
export async function opportunityTotals(ctx: RequestContext, query: { filters?: Record<string, string>; q?: string }) {
  const totals = await pipelineTotals(ctx, opportunityStore.conditions(ctx, query));
  return { count: totals.reduce((n, t) => n + t.count, 0), totals };
}

/** The deal, if the caller may change it (update right at their level over its owner). */
export async function opportunityForUpdate(ctx: RequestContext, id: string): Promise<Opportunity> {
  const opportunity = await opportunityStore.get(ctx, id);
  const level = requireLevel(ctx, 'opportunities', 'update');
  if (!(await ownerWithin(ctx, level, opportunity.ownerId))) throw forbidden('opportunities', 'update');
  return opportunity;
}

export function requireOpen(opportunity: Opportunity) {
  if (opportunity.status !== 'open') throw new AppError(409, 'OPPORTUNITY_CLOSED', { status: opportunity.status }, { status: opportunity.status });
}

// --- Building blocks of the create and update workflows ---

/** The account must exist and be visible to the caller (through the customers module). */
async function checkAccount(ctx: RequestContext, accountId: string) {
  try {
    await accountStore.get(ctx, accountId);
  } catch (err) {
    if (err instanceof AppError && err.status === 404) throw fieldError('accountId', 'REFERENCE_NOT_FOUND', { field: 'accountId' });
    throw err;
  }
}

/** Every contact named (deal contacts, BANT decision makers) must exist and be visible. */
async function checkContacts(ctx: RequestContext, named: { field: string; id: string }[]) {
  if (named.length === 0) return;
  const found = new Set((await contactStore.getMany(ctx, [...new Set(named.map((n) => n.id))])).map((c) => c.id));
  const errors: FieldError[] = named
    .filter((n) => !found.has(n.id))
    .map((n) => ({ field: n.field, code: 'REFERENCE_NOT_FOUND', params: { field: n.field } }));
  if (errors.length > 0) throw new ValidationError(errors);
}

function namedContacts(input: OpportunityInput): { field: string; id: string }[] {
  return [
    ...(input.contacts ?? []).map((c, i) => ({ field: `contacts.${i}.contactId`, id: c.contactId })),
    ...(input.bant?.authority?.decisionMakerContactIds ?? []).map((id, i) => ({ field: `bant.authority.decisionMakerContactIds.${i}`, id })),
  ];
}

function normalizeContacts(contacts: OpportunityInput['contacts']): ContactRole[] | undefined {
  if (!contacts) return undefined;
  const seen = new Set<string>();
  return contacts.filter((c) => !seen.has(c.contactId) && seen.add(c.contactId)).map((c) => ({ contactId: c.contactId, role: c.role ?? null }));
}

const normalizeList = (values: string[] | undefined) =>
  values === undefined ? undefined : [...new Set(values.map((v) => v.trim()).filter(Boolean))];

function nonNegativeMinor(money: Money, field: string): bigint {
  const minor = toMinor(money.amount);
  if (minor < 0n) throw fieldError(field, 'FIELD_INVALID');
  return minor;
}

/**
 * Prices line items exactly: unit price (the product's list price unless given) × quantity ×
 * (1 − discount), each line rounded once to the minor unit, the deal amount their sum. Products
 * come from the catalog module; a product already on the deal may stay even if no longer sold.
 */
export function priceLineItems(
  inputs: LineItemInput[],
  products: Map<string, Product>,
  currency: string,
  alreadyOnDeal: ReadonlySet<string> = new Set(),
): { items: LineItemValues[]; totalMinor: bigint } {
  const errors: FieldError[] = [];
  const items: LineItemValues[] = [];
  const totals: bigint[] = [];
  inputs.forEach((input, i) => {
    const at = `lineItems.${i}`;
    const product = products.get(input.productId);
    if (!product) return errors.push({ field: `${at}.productId`, code: 'REFERENCE_NOT_FOUND', params: { field: 'productId' } });
    if (!product.active && !alreadyOnDeal.has(product.id)) return errors.push({ field: `${at}.productId`, code: 'PRODUCT_INACTIVE', params: { name: product.name } });
    const unitPrice = input.unitPrice ?? (product.listPrice?.currency === currency ? product.listPrice : null);
    if (!unitPrice) return errors.push({ field: `${at}.unitPrice`, code: 'UNIT_PRICE_REQUIRED', params: { name: product.name, currency } });
    if (unitPrice.currency !== currency) return errors.push({ field: `${at}.unitPrice.currency`, code: 'DEAL_CURRENCY_MISMATCH', params: { currency } });
    const unitPriceMinor = toMinor(unitPrice.amount);
    const quantityMilli = toScaled(input.quantity, 3);
    const discountBp = toScaled(input.discountPercent ?? 0, 2);
    if (unitPriceMinor < 0n) return errors.push({ field: `${at}.unitPrice.amount`, code: 'FIELD_INVALID' });
    if (quantityMilli === null || quantityMilli <= 0n) return errors.push({ field: `${at}.quantity`, code: 'FIELD_INVALID' });
    if (discountBp === null || discountBp < 0n || discountBp > 10_000n) return errors.push({ field: `${at}.discountPercent`, code: 'FIELD_INVALID' });
    const total = lineTotalMinor({ unitPriceMinor, quantityMilli, discountBp });
    totals.push(total);
    items.push({
      id: uuidv7(),
      productId: product.id,
      productName: product.name,
      productCode: product.code,
      productLineId: product.productLineId,
      quantity: (Number(quantityMilli) / 1000).toFixed(3),
      unitPrice: fromMinor(unitPriceMinor),
      currency,
      discountPercent: (Number(discountBp) / 100).toFixed(2),
      lineTotal: fromMinor(total),
      description: trimmedOrNull(input.description) ?? null,
    });
  });
  if (errors.length > 0) throw new ValidationError(errors);
  return { items, totalMinor: sumMinor(totals) };
}

/** The owner's team, the default team of a deal. */
async function teamOf(ctx: RequestContext, userId: string): Promise<string | null> {
  const [row] = await executor(ctx).select({ teamId: users.teamId }).from(users).where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, userId)));
  return row?.teamId ?? null;
}

function bantColumns(bant: Bant, required: BantPart[]) {
  const missing = bantMissing(bant);
  return { bant, bantMissing: missing, ...qualification(missing, required) };
}

function bantRefused(missingRequired: BantPart[], locale: RequestContext['locale']): AppError {
  return new AppError(400, 'BANT_INCOMPLETE', { parts: missingRequired.map((p) => fieldLabel(p, locale)).join(', ') }, { missing: missingRequired });
}

async function auditLineItems(ctx: RequestContext, opportunityId: string, before: LineItem[], after: LineItem[]) {
  const strip = (items: LineItem[]) => items.map(({ id: _id, ...rest }) => rest);
  if (JSON.stringify(strip(before)) === JSON.stringify(strip(after))) return;
  await appendAudit(ctx, { action: 'update', object: 'opportunities', recordId: opportunityId, changes: { lineItems: { before: strip(before), after: strip(after) } } });
}

function stageOf(process: SalesProcess, stageId: string | undefined): Stage {
  const open = process.stages.filter((s) => !isTerminal(s));
  if (stageId === undefined) return open[0];
  const stage = process.stages.find((s) => s.id === stageId);
  if (!stage) throw fieldError('stageId', 'STAGE_NOT_IN_PROCESS');
  if (isTerminal(stage)) throw fieldError('stageId', 'STAGE_IS_TERMINAL');
  return stage;
}

// --- Workflows ---

/**
 * Creates a deal: checks the account and contacts through the customers module, qualifies it
 * by BANT under the tenant's strictness, prices its line items, starts it at the first stage
 * of its process (or a later one whose earlier gates hold) and records the first stage entry.
 * One transaction: if any step fails nothing is kept.
 */
export async function createOpportunity(ctx: RequestContext, input: OpportunityInput): Promise<Opportunity> {
  requireLevel(ctx, 'opportunities', 'create');
  await ensureDealSetup(ctx);
  return inTransaction(ctx, async (ctx) => {
    const settings = await readDealSettings(ctx);
    await checkAccount(ctx, input.accountId!);
    await checkContacts(ctx, namedContacts(input));

    const process = input.processId ? await processForDeal(ctx, input.processId) : await defaultProcessForDeal(ctx);
    if (!process) throw fieldError('processId', 'REFERENCE_NOT_FOUND', { field: 'processId' });
    if (!process.active) throw fieldError('processId', 'PROCESS_INACTIVE');
    const stage = stageOf(process, input.stageId);

    const bant = bantColumns(mergeBant(EMPTY_BANT, input.bant), settings.bantRequired);
    if (settings.bantMode === 'strict' && !bant.qualified) throw bantRefused(bant.missingRequired, ctx.locale);

    const lineInputs = input.lineItems ?? [];
    const products = await productsById(ctx, lineInputs.map((l) => l.productId));
    const currency = input.amount?.currency
      ?? lineInputs.find((l) => l.unitPrice)?.unitPrice?.currency
      ?? products.get(lineInputs[0]?.productId ?? '')?.listPrice?.currency
      ?? (await getTenantSettings(ctx)).currency;
    const priced = priceLineItems(lineInputs, products, currency);
    const amountMinor = lineInputs.length > 0 ? priced.totalMinor : input.amount ? nonNegativeMinor(input.amount, 'amount') : null;
    if (lineInputs.length > 0 && input.amount && (input.amount.currency !== currency || toMinor(input.amount.amount) !== priced.totalMinor)) {
      throw fieldError('amount', 'AMOUNT_FOLLOWS_LINE_ITEMS');
    }

    const override = checkProbabilityOverride(input.probabilityOverride ?? null, input.probabilityOverrideReason);
    if (!override.ok) throw fieldError(override.field, override.code);
    const defaults = stageDefaults(stage);
    const resolved = resolveProbability({
      status: 'open',
      stageProbability: defaults.probability,
      stageForecastCategory: defaults.forecastCategory,
      probabilityOverride: input.probabilityOverride ?? null,
      forecastCategoryOverride: input.forecastCategoryOverride ?? null,
    });
    const ownerId = input.ownerId ?? ctx.actor.userId!;
    const contacts = normalizeContacts(input.contacts) ?? [];
    const competitors = normalizeList(input.competitors) ?? [];

    // Starting past the first stage: the gates of the stages skipped must hold (no override here).
    const first = process.stages.find((s) => !isTerminal(s))!;
    requireGatePassed(ctx, process, first.id, stage, {
      opportunity: {
        amountMinor, closeDate: input.closeDate ?? null, nextStep: trimmedOrNull(input.nextStep) ?? null, competitors,
        contactCount: contacts.length, lineItemCount: lineInputs.length, bant: bant.bant,
      },
      stakeholders: [],
      documents: [],
      checklist: {},
    }, null);

    const id = uuidv7();
    const now = new Date();
    const created = await opportunityStore.create(ctx, {
      id,
      name: trimmedOrNull(input.name),
      accountId: input.accountId,
      processId: process.id,
      stageId: stage.id,
      status: 'open',
      currency,
      amount: amountMinor === null ? null : fromMinor(amountMinor),
      closeDate: input.closeDate,
      stageProbability: defaults.probability,
      probabilityOverride: input.probabilityOverride ?? null,
      probabilityOverrideReason: input.probabilityOverride == null ? null : trimmedOrNull(input.probabilityOverrideReason),
      probability: resolved.probability,
      stageForecastCategory: defaults.forecastCategory,
      forecastCategoryOverride: input.forecastCategoryOverride ?? null,
      forecastCategory: resolved.forecastCategory,
      bant: bant.bant,
      bantMissing: bant.bantMissing,
      qualified: bant.qualified,
      contactRoles: contacts,
      competitors,
      nextStep: trimmedOrNull(input.nextStep),
      description: trimmedOrNull(input.description),
      checklist: {},
      ownerId,
      teamId: input.teamId !== undefined ? input.teamId : await teamOf(ctx, ownerId),
      leadId: input.leadId ?? null,
      stageEnteredAt: now,
    });
    const lineItems = (await replaceLineItems(ctx, id, priced.items)).map(toLineItem);
    await auditLineItems(ctx, id, [], lineItems);
    await insertStageHistory(ctx, {
      opportunityId: id,
      action: 'create',
      fromStageId: null,
      fromStageName: null,
      toStageId: stage.id,
      toStageName: stage.name,
      status: 'open',
      probability: resolved.probability,
      at: now,
    });
    return { ...created, lineItems };
  });
}

/**
 * Changes an open deal. Line items, when given, replace the deal's and the amount follows them;
 * BANT parts given replace those parts and re-qualify the deal (a strict tenant refuses a change
 * that leaves it unqualified); a probability override needs a reason and stays apart from the
 * stage's value. Stage and status change only through advance, close and reopen.
 */
export function updateOpportunity(ctx: RequestContext, id: string, patch: OpportunityInput, version: number | undefined): Promise<Opportunity> {
  if (version === undefined) throw new AppError(428, 'VERSION_REQUIRED');
  return inTransaction(ctx, async (ctx) => {
    const current = await opportunityForUpdate(ctx, id);
    requireOpen(current);
    const settings = await readDealSettings(ctx);
    if (patch.accountId && patch.accountId !== current.accountId) await checkAccount(ctx, patch.accountId);
    await checkContacts(ctx, namedContacts(patch));

    const columns: Record<string, unknown> = {
      name: trimmedOrNull(patch.name),
      accountId: patch.accountId,
      closeDate: patch.closeDate,
      contactRoles: normalizeContacts(patch.contacts),
      competitors: normalizeList(patch.competitors),
      nextStep: trimmedOrNull(patch.nextStep),
      description: trimmedOrNull(patch.description),
      ownerId: patch.ownerId,
      teamId: patch.teamId,
      leadId: patch.leadId,
    };
    if (patch.ownerId && patch.ownerId !== current.ownerId && patch.teamId === undefined) columns.teamId = await teamOf(ctx, patch.ownerId);

    if (patch.bant) {
      const bant = bantColumns(mergeBant(current.bant, patch.bant), settings.bantRequired);
      if (settings.bantMode === 'strict' && !bant.qualified) throw bantRefused(bant.missingRequired, ctx.locale);
      Object.assign(columns, { bant: bant.bant, bantMissing: bant.bantMissing, qualified: bant.qualified });
    }

    // Amount and line items: the amount follows the line items whenever there are any.
    let lineItems: LineItem[] | undefined;
    const keepsLines = patch.lineItems === undefined ? current.lineItems.length > 0 : patch.lineItems.length > 0;
    const lineCurrency = patch.lineItems !== undefined ? (patch.amount?.currency ?? current.currency) : current.currency;
    if (patch.lineItems !== undefined) {
      const products = await productsById(ctx, patch.lineItems.map((l) => l.productId));
      const priced = priceLineItems(patch.lineItems, products, lineCurrency, new Set(current.lineItems.map((l) => l.productId)));
      lineItems = (await replaceLineItems(ctx, id, priced.items)).map(toLineItem);
      await auditLineItems(ctx, id, current.lineItems, lineItems);
      if (lineItems.length > 0) Object.assign(columns, { amount: fromMinor(priced.totalMinor), currency: lineCurrency });
    }
    if (patch.amount !== undefined) {
      if (keepsLines) {
        const follows = sumMinor((lineItems ?? current.lineItems).map((l) => toMinor(l.lineTotal.amount)));
        if (!patch.amount || patch.amount.currency !== lineCurrency || toMinor(patch.amount.amount) !== follows) {
          throw fieldError('amount', 'AMOUNT_FOLLOWS_LINE_ITEMS');
        }
      } else if (patch.amount) {
        Object.assign(columns, { amount: fromMinor(nonNegativeMinor(patch.amount, 'amount')), currency: patch.amount.currency });
      } else {
        columns.amount = null;
      }
    }

    // Probability: what a person sets is kept apart from the stage's value, and needs a reason.
    const overrideGiven = patch.probabilityOverride !== undefined;
    const nextOverride = overrideGiven ? patch.probabilityOverride ?? null : current.probabilityOverride;
    const overrideChanged = overrideGiven && nextOverride !== current.probabilityOverride;
    const nextReason = nextOverride === null
      ? null
      : patch.probabilityOverrideReason !== undefined ? trimmedOrNull(patch.probabilityOverrideReason) ?? null
      : overrideChanged ? null : current.probabilityOverrideReason;
    const check = checkProbabilityOverride(nextOverride, nextReason);
    if (!check.ok) throw fieldError(check.field, check.code);
    const nextForecastOverride = patch.forecastCategoryOverride !== undefined ? patch.forecastCategoryOverride : current.forecastCategoryOverride;
    const resolved = resolveProbability({
      status: current.status,
      stageProbability: current.stageProbability,
      stageForecastCategory: current.stageForecastCategory,
      probabilityOverride: nextOverride,
      forecastCategoryOverride: nextForecastOverride,
    });
    Object.assign(columns, {
      probabilityOverride: nextOverride,
      probabilityOverrideReason: nextReason,
      forecastCategoryOverride: nextForecastOverride,
      probability: resolved.probability,
      forecastCategory: resolved.forecastCategory,
    });

    const defined = Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
    const updated = await opportunityStore.update(ctx, id, defined, version);
    return lineItems ? { ...updated, lineItems } : updated;
  });
}
