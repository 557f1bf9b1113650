import { and, eq } from 'drizzle-orm';
import { systemContext } from '../../platform/auth/context-loader.js';
import type { AppDb, Executor } from '../../platform/db/client.js';
import type { DomainEvent } from '../../platform/events/events.schema.js';
import { subscribe } from '../../platform/events/subscribers.js';
import { AppError } from '../../platform/http/errors.js';
import { enqueue } from '../../platform/jobs/enqueue.js';
import { defineJob } from '../../platform/jobs/registry.js';
import { schedule } from '../../platform/jobs/schedules.js';
import { leadStore } from '../leads/leads.service.js';
import { DAY_MS } from './rules/decay.js';
import { FIT_FIELDS, type EngagementKind } from './rules/rule-types.js';
import {
  deleteLeadEngagement, leadsEngagedSince, recordEngagementEvent, tenantsEngagedSince,
} from './engagement-events.service.js';
import { paging, rescoreLeads, scoredLeadsPage } from './lead-scoring.service.js';
import { scoringNow } from './scoring-clock.js';
import { readScoringSettings } from './scoring-settings.service.js';
import { scoringRescoreRequests } from './scoring.schema.js';

const ALL = '*';
const ACTOR = 'scoring';

/*
 * Rescoring runs in jobs, requested by subscribers. A request row per lead (or `*` for the
 * tenant) coalesces a burst: while a lead's job waits, more changes add nothing; the job
 * deletes the row when it starts, so later changes get a job of their own.
 */

export const rescoreLeadJob = defineJob<{ tenantId: string; leadId: string }>('scoring.rescore', async ({ tenantId, leadId }, { db }) => {
  await takeRequest(db, tenantId, leadId);
  const ctx = systemContext(db, tenantId, ACTOR);
  await rescoreLeads(ctx, await leadStore.getMany(ctx, [leadId]));
});

/** Every scored lead of the tenant, a page per job run, each run enqueuing the next. */
export const rescoreTenantJob = defineJob<{ tenantId: string; cursor: string | null }>(
  'scoring.rescore-tenant',
  async ({ tenantId, cursor }, { db }) => {
    if (!cursor) await takeRequest(db, tenantId, ALL);
    const ctx = systemContext(db, tenantId, ACTOR);
    const page = await scoredLeadsPage(ctx, cursor);
    await rescoreLeads(ctx, page.data);
    if (page.nextCursor) await enqueue(db, { type: rescoreTenantJob.type, tenantId, payload: { tenantId, cursor: page.nextCursor } });
  },
);

/** A list of leads (the nightly decay pass). */
export const rescoreLeadsJob = defineJob<{ tenantId: string; leadIds: string[] }>('scoring.rescore-leads', async ({ tenantId, leadIds }, { db }) => {
  const ctx = systemContext(db, tenantId, ACTOR);
  await rescoreLeads(ctx, await leadStore.getMany(ctx, leadIds));
});

/** Days past the window still rescored at night, so a lead whose last engagement left the window drops to its fit. */
const DECAY_MARGIN_DAYS = 7;

/**
 * Nightly: engagement decays with time alone, so every lead with engagement inside its
 * tenant's window (plus a margin) is rescored, in batches.
 */
export const nightlyDecayJob = defineJob<Record<string, never>>('scoring.decay', async (_payload, { db }) => {
  const now = scoringNow();
  const widest = new Date(now.getTime() - (3650 + DECAY_MARGIN_DAYS) * DAY_MS);
  for (const tenantId of await tenantsEngagedSince(db, widest)) {
    const ctx = systemContext(db, tenantId, ACTOR);
    const settings = await readScoringSettings(ctx);
    const since = new Date(now.getTime() - (settings.engagementWindowDays + DECAY_MARGIN_DAYS) * DAY_MS);
    const leadIds = await leadsEngagedSince(ctx, since);
    for (let i = 0; i < leadIds.length; i += paging.batchSize) {
      await enqueue(db, { type: rescoreLeadsJob.type, tenantId, payload: { tenantId, leadIds: leadIds.slice(i, i + paging.batchSize) } });
    }
  }
});

export const NIGHTLY_DECAY_SCHEDULE = 'scoring.decay';

/** Installs the nightly decay pass (idempotent: run on every start). */
export const scheduleScoringJobs = (exec: Executor) =>
  schedule(exec, { name: NIGHTLY_DECAY_SCHEDULE, cron: '23 2 * * *', type: nightlyDecayJob.type, payload: {} });

/** Asks for a rescore of one lead, or of the whole tenant with `*`, unless one is already waiting. */
export async function requestRescore(db: AppDb, tenantId: string, target: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [request] = await tx
      .insert(scoringRescoreRequests)
      .values({ tenantId, target })
      .onConflictDoNothing()
      .returning();
    if (!request) return false;
    await (target === ALL
      ? enqueue(tx, { type: rescoreTenantJob.type, tenantId, payload: { tenantId, cursor: null } })
      : enqueue(tx, { type: rescoreLeadJob.type, tenantId, payload: { tenantId, leadId: target } }));
    return true;
  });
}

async function takeRequest(db: AppDb, tenantId: string, target: string) {
  await db
    .delete(scoringRescoreRequests)
    .where(and(eq(scoringRescoreRequests.tenantId, tenantId), eq(scoringRescoreRequests.target, target)));
}

const SCORED_FIELDS = new Set<string>(Object.keys(FIT_FIELDS));

/**
 * Whether an update of a lead calls for a rescore: a field rules read changed, or the lead was
 * reopened (back to `new`, where the MQL bar applies again). Score-only updates — ours — never do.
 */
export function updateAffectsScore(event: Pick<DomainEvent, 'payload'>): boolean {
  const changes = (event.payload as { changes?: Record<string, { after?: unknown }> } | null)?.changes ?? {};
  return Object.keys(changes).some((field) => SCORED_FIELDS.has(field)) || changes.status?.after === 'new';
}

/** An import's leads are scored by the import, a chunk at a time (imports' imported-leads job). */
const fromImport = (event: Pick<DomainEvent, 'payload'>) => Boolean((event.payload as { importId?: string } | null)?.importId);

subscribe('scoring.lead-created', 'leads.created', async (event, { db }) => {
  if (event.recordId && !fromImport(event)) await requestRescore(db, event.tenantId, event.recordId);
});

subscribe('scoring.lead-updated', 'leads.updated', async (event, { db }) => {
  if (event.recordId && updateAffectsScore(event)) await requestRescore(db, event.tenantId, event.recordId);
});

subscribe('scoring.lead-engaged', 'leads.engaged', async (event, { db }) => {
  if (event.recordId) await requestRescore(db, event.tenantId, event.recordId);
});

/** Merged duplicates: the survivor now has their engagement (moved by the merge) and maybe new fields. */
subscribe('scoring.lead-merged', 'leads.merged', async (event, { db }) => {
  if (event.recordId) await requestRescore(db, event.tenantId, event.recordId);
});

subscribe('scoring.lead-deleted', 'leads.deleted', async (event, { db }) => {
  if (!event.recordId) return;
  await deleteLeadEngagement(systemContext(db, event.tenantId, ACTOR), event.recordId);
  await takeRequest(db, event.tenantId, event.recordId);
});

subscribe('scoring.rules-changed', 'scoring_rules.*', async (event, { db }) => {
  await requestRescore(db, event.tenantId, ALL);
});

subscribe('scoring.settings-changed', 'scoring_settings.updated', async (event, { db }) => {
  await requestRescore(db, event.tenantId, ALL);
});

/** Campaign touches (leads module) that are engagement, as engagement kinds. */
const TOUCH_KINDS: Record<string, EngagementKind> = {
  registered: 'event_registration',
  attended: 'event_attendance',
  responded: 'form_submit',
  form: 'form_submit',
  form_submit: 'form_submit',
};

/** A campaign touch (form response, registration, attendance) is engagement too; recorded once per touch. */
subscribe('scoring.lead-touched', 'leads.touched', async (event, { db }) => {
  const payload = event.payload as { touchId?: string; campaignId?: string | null; kind?: string };
  const kind = payload.kind ? TOUCH_KINDS[payload.kind] : undefined;
  if (!event.recordId || !kind || !payload.touchId) return;
  try {
    await recordEngagementEvent(systemContext(db, event.tenantId, ACTOR), {
      leadId: event.recordId,
      kind,
      at: event.occurredAt,
      details: payload.campaignId ? { campaignId: payload.campaignId } : {},
      externalId: `touch:${payload.touchId}`,
    });
  } catch (err) {
    // The lead was deleted since: nothing to score.
    if (!(err instanceof AppError && err.status === 404)) throw err;
  }
});
