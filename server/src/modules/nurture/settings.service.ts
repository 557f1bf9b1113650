import { eq } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { requireLevel } from '../../platform/access/visibility.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import type { Executor } from '../../platform/db/client.js';
import { uuidv7 } from '../../platform/db/ids.js';
import { AppError } from '../../platform/http/errors.js';
import { diffRecords } from '../../platform/records/diff.js';
import './nurture.messages.js';
import { nurtureSettings } from './nurture.schema.js';
import type { PoolThresholds } from './pools.js';
import { decryptSecret, encryptSecret } from './secret-key.js';

/** The sender settings as the API shows them: the password never leaves the server. */
export interface NurtureSettings extends PoolThresholds {
  version: number;
  updatedAt: string | null;
  smtpHost: string | null;
  smtpPort: number;
  smtpSecure: boolean;
  smtpUser: string | null;
  hasPassword: boolean;
  fromName: string | null;
  fromAddress: string | null;
  replyTo: string | null;
  /** This tenant's override of L2C_PUBLIC_URL, or null. */
  publicBaseUrl: string | null;
  /** The base of every tracking and unsubscribe link actually used. */
  effectivePublicUrl: string;
}

export interface NurtureSettingsInput {
  smtpHost?: string | null;
  smtpPort?: number;
  smtpSecure?: boolean;
  smtpUser?: string | null;
  /** A new password; null removes it; absent keeps the stored one. */
  smtpPassword?: string | null;
  fromName?: string | null;
  fromAddress?: string | null;
  replyTo?: string | null;
  publicBaseUrl?: string | null;
  warmMinScore?: number;
  coldInactiveDays?: number;
}

/** What the sender needs, with the password decrypted: for jobs only, never for the API. */
export interface SenderConfig {
  host: string | null;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  passwordUnreadable: boolean;
  fromName: string | null;
  fromAddress: string | null;
  replyTo: string | null;
  publicUrl: string;
  thresholds: PoolThresholds;
}

type Row = typeof nurtureSettings.$inferSelect;

/** `L2C_PUBLIC_URL`, or http://localhost:<PORT> — where recipients' clicks and pixels reach this server. */
export function defaultPublicUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.L2C_PUBLIC_URL || `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, '');
}

const DEFAULTS = { smtpPort: 587, smtpSecure: false, warmMinScore: 50, coldInactiveDays: 90 };

function toApi(row: Row | undefined): NurtureSettings {
  const publicBaseUrl = row?.publicBaseUrl ?? null;
  return {
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    smtpHost: row?.smtpHost ?? null,
    smtpPort: row?.smtpPort ?? DEFAULTS.smtpPort,
    smtpSecure: row?.smtpSecure ?? DEFAULTS.smtpSecure,
    smtpUser: row?.smtpUser ?? null,
    hasPassword: Boolean(row?.smtpPasswordEnc),
    fromName: row?.fromName ?? null,
    fromAddress: row?.fromAddress ?? null,
    replyTo: row?.replyTo ?? null,
    publicBaseUrl,
    effectivePublicUrl: (publicBaseUrl ?? defaultPublicUrl()).replace(/\/+$/, ''),
    warmMinScore: row?.warmMinScore ?? DEFAULTS.warmMinScore,
    coldInactiveDays: row?.coldInactiveDays ?? DEFAULTS.coldInactiveDays,
  };
}

async function loadRow(exec: Executor, tenantId: string, lock = false): Promise<Row | undefined> {
  const query = exec.select().from(nurtureSettings).where(eq(nurtureSettings.tenantId, tenantId));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

export async function getNurtureSettings(ctx: RequestContext): Promise<NurtureSettings> {
  requireLevel(ctx, 'email_templates', 'read');
  return toApi(await loadRow(executor(ctx), ctx.tenantId));
}

/** Pool thresholds, for anyone who may see the pools. */
export async function poolThresholds(ctx: RequestContext): Promise<PoolThresholds> {
  const { warmMinScore, coldInactiveDays } = toApi(await loadRow(executor(ctx), ctx.tenantId));
  return { warmMinScore, coldInactiveDays };
}

/**
 * Changes the settings (those who manage e-mail templates). `version` guards concurrent edits
 * like on records; the audit entry records that the password changed, never the password.
 */
export function updateNurtureSettings(ctx: RequestContext, input: NurtureSettingsInput, version?: number): Promise<NurtureSettings> {
  requireLevel(ctx, 'email_templates', 'update');
  return inTransaction(ctx, async (ctx) => {
    const exec = executor(ctx);
    // The first change creates the row; until then the settings are the defaults at version 0.
    const created = await exec
      .insert(nurtureSettings)
      .values({ tenantId: ctx.tenantId, id: uuidv7() })
      .onConflictDoNothing()
      .returning({ id: nurtureSettings.id });
    const row = (await loadRow(exec, ctx.tenantId, true))!;
    const expected = created.length > 0 ? 0 : row.version;
    if (version !== undefined && version !== expected) {
      throw new AppError(409, 'VERSION_CONFLICT', { current: row.version }, { currentVersion: row.version });
    }
    const { smtpPassword, ...rest } = input;
    const values: Partial<Row> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    for (const key of ['smtpHost', 'smtpUser', 'fromName', 'fromAddress', 'replyTo', 'publicBaseUrl'] as const) {
      if (typeof values[key] === 'string') values[key] = (values[key] as string).trim() || null;
    }
    if (values.publicBaseUrl) values.publicBaseUrl = values.publicBaseUrl.replace(/\/+$/, '');
    if (smtpPassword !== undefined) values.smtpPasswordEnc = smtpPassword ? encryptSecret(smtpPassword) : null;
    const [after] = await exec
      .update(nurtureSettings)
      .set({ ...values, version: created.length > 0 ? 1 : row.version + 1, updatedAt: new Date() })
      .where(eq(nurtureSettings.tenantId, ctx.tenantId))
      .returning();
    const { version: _v1, updatedAt: _u1, ...before } = toApi(created.length > 0 ? undefined : row);
    const { version: _v2, updatedAt: _u2, ...now } = toApi(after);
    const changes = diffRecords(before, now);
    if (smtpPassword !== undefined && row.smtpPasswordEnc !== after.smtpPasswordEnc) {
      changes.smtpPassword = { before: row.smtpPasswordEnc ? '••••' : null, after: after.smtpPasswordEnc ? '••••' : null };
    }
    if (Object.keys(changes).length > 0) {
      await appendAudit(ctx, { action: 'update', object: 'nurture_settings', recordId: row.id, changes });
    }
    return toApi(after);
  });
}

/** The tenant's sender with the password decrypted, for the sending job. */
export async function loadSenderConfig(exec: Executor, tenantId: string): Promise<SenderConfig> {
  const row = await loadRow(exec, tenantId);
  const api = toApi(row);
  const password = row?.smtpPasswordEnc ? decryptSecret(row.smtpPasswordEnc) : null;
  return {
    host: api.smtpHost,
    port: api.smtpPort,
    secure: api.smtpSecure,
    user: api.smtpUser,
    password,
    passwordUnreadable: Boolean(row?.smtpPasswordEnc) && password === null,
    fromName: api.fromName,
    fromAddress: api.fromAddress,
    replyTo: api.replyTo,
    publicUrl: api.effectivePublicUrl,
    thresholds: { warmMinScore: api.warmMinScore, coldInactiveDays: api.coldInactiveDays },
  };
}
