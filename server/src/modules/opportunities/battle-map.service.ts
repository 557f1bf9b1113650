import { and, eq, inArray } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { uuidv7 } from '../../platform/db/ids.js';
import { AppError, fieldError, notFound } from '../../platform/http/errors.js';
import { trimmedOrNull } from '../../platform/normalize/text.js';
import { pgErrorCode, UNIQUE_VIOLATION } from '../../platform/records/pg-errors.js';
import { users } from '../../platform/tenancy/tenancy.schema.js';
import { contactStore } from '../customers/contacts.service.js';
import { analyseGaps, wouldCycle, type Attitude, type StakeholderLevel, type StakeholderRole } from './battle-map.js';
import { recordChildChange } from './child-records.js';
import { translate } from '../../platform/i18n/messages.js';
import {
  actionRow, actionsOf, attitudeHistoryOf, deleteActionRow, deleteStakeholderRow, insertAction, insertAttitudeChange,
  insertStakeholder, stakeholderRow, stakeholdersOf, toStakeholderFact, updateActionRow, updateStakeholderRow,
  type ActionRow, type StakeholderRow,
} from './opportunities.repository.js';
import { opportunityForUpdate, opportunityStore } from './opportunities.service.js';

export interface StakeholderAction {
  id: string;
  stakeholderId: string;
  description: string;
  visitorIds: string[];
  dueAt: string | null;
  done: boolean;
  doneAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Stakeholder {
  id: string;
  opportunityId: string;
  contactId: string;
  /** From the contact, when the caller can see it. */
  contactName: string | null;
  contactTitle: string | null;
  role: StakeholderRole;
  level: StakeholderLevel | null;
  reportsToId: string | null;
  attitude: Attitude;
  influence: number;
  relationshipOwnerId: string | null;
  lastContactAt: string | null;
  notes: string | null;
  actions: StakeholderAction[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface StakeholderInput {
  contactId?: string;
  role?: StakeholderRole;
  level?: StakeholderLevel | null;
  reportsToId?: string | null;
  attitude?: Attitude;
  /** Why the attitude changed (kept in the attitude history). */
  attitudeNote?: string | null;
  influence?: number;
  relationshipOwnerId?: string | null;
  lastContactAt?: string | null;
  notes?: string | null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

const toAction = (r: ActionRow): StakeholderAction => ({
  id: r.id,
  stakeholderId: r.stakeholderId,
  description: r.description,
  visitorIds: r.visitorIds,
  dueAt: iso(r.dueAt),
  done: r.done,
  doneAt: iso(r.doneAt),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  version: r.version,
});

function toStakeholder(r: StakeholderRow, actions: StakeholderAction[] = []): Stakeholder {
  return {
    id: r.id,
    opportunityId: r.opportunityId,
    contactId: r.contactId,
    contactName: null,
    contactTitle: null,
    role: r.role as StakeholderRole,
    level: r.level as StakeholderLevel | null,
    reportsToId: r.reportsToId,
    attitude: r.attitude as Attitude,
    influence: r.influence,
    relationshipOwnerId: r.relationshipOwnerId,
    lastContactAt: iso(r.lastContactAt),
    notes: r.notes,
    actions,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

/** What the audit log keeps of a stakeholder (the record without its actions and display names). */
const auditable = ({ actions: _a, contactName: _n, contactTitle: _t, ...s }: Stakeholder) => s;

async function withContacts(ctx: RequestContext, stakeholders: Stakeholder[]): Promise<Stakeholder[]> {
  const contacts = new Map((await contactStore.getMany(ctx, [...new Set(stakeholders.map((s) => s.contactId))])).map((c) => [c.id, c]));
  for (const s of stakeholders) {
    s.contactName = contacts.get(s.contactId)?.name ?? null;
    s.contactTitle = contacts.get(s.contactId)?.title ?? null;
  }
  return stakeholders;
}

/** The deal's battle map: every stakeholder with the contact's name and title and their planned actions. */
export async function listStakeholders(ctx: RequestContext, opportunityId: string): Promise<Stakeholder[]> {
  await opportunityStore.get(ctx, opportunityId);
  const rows = await stakeholdersOf(ctx, opportunityId);
  const actions = await actionsOf(ctx, opportunityId);
  return withContacts(ctx, rows.map((r) => toStakeholder(r, actions.filter((a) => a.stakeholderId === r.id).map(toAction))));
}

async function getStakeholder(ctx: RequestContext, opportunityId: string, id: string, lock = false): Promise<StakeholderRow> {
  const row = await stakeholderRow(ctx, opportunityId, id, lock);
  if (!row) throw notFound();
  return row;
}

async function checkUsers(ctx: RequestContext, field: string, ids: (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return;
  const found = await executor(ctx).select({ id: users.id }).from(users).where(and(eq(users.tenantId, ctx.tenantId), inArray(users.id, wanted)));
  if (found.length !== wanted.length) throw fieldError(field, 'REFERENCE_NOT_FOUND', { field });
}

async function checkReportsTo(ctx: RequestContext, opportunityId: string, id: string, reportsToId: string | null | undefined) {
  if (!reportsToId) return;
  const map = await stakeholdersOf(ctx, opportunityId);
  if (!map.some((s) => s.id === reportsToId)) throw fieldError('reportsToId', 'REFERENCE_NOT_FOUND', { field: 'reportsToId' });
  if (wouldCycle(id, reportsToId, new Map(map.map((s) => [s.id, s.reportsToId])))) throw fieldError('reportsToId', 'STAKEHOLDER_CYCLE');
}

async function insertUnique<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (pgErrorCode(err) === UNIQUE_VIOLATION) throw new AppError(409, 'ALREADY_EXISTS', { field: 'contactId' }, { field: 'contactId' });
    throw err;
  }
}

/** Draws a stakeholder on the battle map (a contact of the customers module, once per deal). */
export function addStakeholder(ctx: RequestContext, opportunityId: string, input: StakeholderInput): Promise<Stakeholder> {
  return inTransaction(ctx, async (ctx) => {
    await opportunityForUpdate(ctx, opportunityId);
    const [contact] = await contactStore.getMany(ctx, [input.contactId!]);
    if (!contact) throw fieldError('contactId', 'REFERENCE_NOT_FOUND', { field: 'contactId' });
    const id = uuidv7();
    await checkReportsTo(ctx, opportunityId, id, input.reportsToId);
    await checkUsers(ctx, 'relationshipOwnerId', [input.relationshipOwnerId]);
    const attitude = input.attitude ?? 'neutral';
    const row = await insertUnique(() => insertStakeholder(ctx, {
      id,
      opportunityId,
      contactId: contact.id,
      role: input.role!,
      level: input.level ?? null,
      reportsToId: input.reportsToId ?? null,
      attitude,
      influence: input.influence ?? 3,
      relationshipOwnerId: input.relationshipOwnerId ?? null,
      lastContactAt: input.lastContactAt ? new Date(input.lastContactAt) : null,
      notes: trimmedOrNull(input.notes) ?? null,
    }));
    await insertAttitudeChange(ctx, { stakeholderId: id, opportunityId, fromAttitude: null, toAttitude: attitude, note: trimmedOrNull(input.attitudeNote) ?? null });
    const stakeholder = toStakeholder(row);
    await recordChildChange(ctx, 'opportunity_stakeholders', 'created', id, null, auditable(stakeholder));
    return (await withContacts(ctx, [stakeholder]))[0];
  });
}

/** Changes a stakeholder; an attitude change is added to their attitude history with its note. */
export function updateStakeholder(
  ctx: RequestContext,
  opportunityId: string,
  id: string,
  patch: StakeholderInput,
  version?: number,
): Promise<Stakeholder> {
  return inTransaction(ctx, async (ctx) => {
    await opportunityForUpdate(ctx, opportunityId);
    const current = await getStakeholder(ctx, opportunityId, id, true);
    if (version !== undefined && version !== current.version) {
      throw new AppError(409, 'VERSION_CONFLICT', { current: current.version }, { currentVersion: current.version });
    }
    if (patch.reportsToId !== undefined) await checkReportsTo(ctx, opportunityId, id, patch.reportsToId);
    if (patch.relationshipOwnerId !== undefined) await checkUsers(ctx, 'relationshipOwnerId', [patch.relationshipOwnerId]);
    const values = Object.fromEntries(Object.entries({
      role: patch.role,
      level: patch.level,
      reportsToId: patch.reportsToId,
      attitude: patch.attitude,
      influence: patch.influence,
      relationshipOwnerId: patch.relationshipOwnerId,
      lastContactAt: patch.lastContactAt === undefined ? undefined : patch.lastContactAt ? new Date(patch.lastContactAt) : null,
      notes: trimmedOrNull(patch.notes),
    }).filter(([, v]) => v !== undefined));
    const row = await updateStakeholderRow(ctx, id, values);
    if (patch.attitude && patch.attitude !== current.attitude) {
      await insertAttitudeChange(ctx, {
        stakeholderId: id, opportunityId, fromAttitude: current.attitude, toAttitude: patch.attitude, note: trimmedOrNull(patch.attitudeNote) ?? null,
      });
    }
    await recordChildChange(ctx, 'opportunity_stakeholders', 'updated', id, auditable(toStakeholder(current)), auditable(toStakeholder(row)));
    const actions = (await actionsOf(ctx, opportunityId)).filter((a) => a.stakeholderId === id).map(toAction);
    return (await withContacts(ctx, [toStakeholder(row, actions)]))[0];
  });
}

export function removeStakeholder(ctx: RequestContext, opportunityId: string, id: string): Promise<void> {
  return inTransaction(ctx, async (ctx) => {
    await opportunityForUpdate(ctx, opportunityId);
    const current = await getStakeholder(ctx, opportunityId, id, true);
    await deleteStakeholderRow(ctx, id);
    await recordChildChange(ctx, 'opportunity_stakeholders', 'deleted', id, auditable(toStakeholder(current)), null);
  });
}

export async function attitudeHistory(ctx: RequestContext, opportunityId: string, id: string) {
  await opportunityStore.get(ctx, opportunityId);
  await getStakeholder(ctx, opportunityId, id);
  return (await attitudeHistoryOf(ctx, id)).map((r) => ({
    id: r.id,
    fromAttitude: r.fromAttitude,
    toAttitude: r.toAttitude,
    note: r.note,
    actorId: r.actorId,
    at: r.at.toISOString(),
  }));
}

export interface ActionInput {
  description?: string;
  visitorIds?: string[];
  dueAt?: string | null;
  done?: boolean;
}

/** Plans who of us visits the stakeholder, by when. */
export function addAction(ctx: RequestContext, opportunityId: string, stakeholderId: string, input: ActionInput): Promise<StakeholderAction> {
  return inTransaction(ctx, async (ctx) => {
    await opportunityForUpdate(ctx, opportunityId);
    await getStakeholder(ctx, opportunityId, stakeholderId);
    const visitorIds = [...new Set(input.visitorIds ?? [ctx.actor.userId!].filter(Boolean))];
    await checkUsers(ctx, 'visitorIds', visitorIds);
    const done = input.done ?? false;
    const row = await insertAction(ctx, {
      id: uuidv7(),
      opportunityId,
      stakeholderId,
      description: input.description!.trim(),
      visitorIds,
      dueAt: input.dueAt ? new Date(input.dueAt) : null,
      done,
      doneAt: done ? new Date() : null,
    });
    const action = toAction(row);
    await recordChildChange(ctx, 'stakeholder_actions', 'created', action.id, null, action as never);
    return action;
  });
}

export function updateAction(
  ctx: RequestContext,
  opportunityId: string,
  stakeholderId: string,
  id: string,
  patch: ActionInput,
  version?: number,
): Promise<StakeholderAction> {
  return inTransaction(ctx, async (ctx) => {
    await opportunityForUpdate(ctx, opportunityId);
    await getStakeholder(ctx, opportunityId, stakeholderId);
    const current = await actionRow(ctx, stakeholderId, id);
    if (!current) throw notFound();
    if (version !== undefined && version !== current.version) {
      throw new AppError(409, 'VERSION_CONFLICT', { current: current.version }, { currentVersion: current.version });
    }
    if (patch.visitorIds) await checkUsers(ctx, 'visitorIds', patch.visitorIds);
    const values = Object.fromEntries(Object.entries({
      description: patch.description?.trim(),
      visitorIds: patch.visitorIds ? [...new Set(patch.visitorIds)] : undefined,
      dueAt: patch.dueAt === undefined ? undefined : patch.dueAt ? new Date(patch.dueAt) : null,
      done: patch.done,
      doneAt: patch.done === undefined || patch.done === current.done ? undefined : patch.done ? new Date() : null,
    }).filter(([, v]) => v !== undefined));
    const row = await updateActionRow(ctx, id, values);
    await recordChildChange(ctx, 'stakeholder_actions', 'updated', id, toAction(current) as never, toAction(row) as never);
    return toAction(row);
  });
}

export function removeAction(ctx: RequestContext, opportunityId: string, stakeholderId: string, id: string): Promise<void> {
  return inTransaction(ctx, async (ctx) => {
    await opportunityForUpdate(ctx, opportunityId);
    const current = await actionRow(ctx, stakeholderId, id);
    if (!current || current.opportunityId !== opportunityId) throw notFound();
    await deleteActionRow(ctx, id);
    await recordChildChange(ctx, 'stakeholder_actions', 'deleted', id, toAction(current) as never, null);
  });
}

/** The battle map's warnings (stable codes), each with its message in the caller's language. */
export async function battleMapGaps(ctx: RequestContext, opportunityId: string) {
  await opportunityStore.get(ctx, opportunityId);
  const stakeholders = (await stakeholdersOf(ctx, opportunityId)).map(toStakeholderFact);
  return analyseGaps(stakeholders).map((gap) => ({ ...gap, severity: 'warning' as const, message: translate(ctx.locale, gap.code) }));
}
