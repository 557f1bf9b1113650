import { sql } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { requireLevel } from '../../platform/access/visibility.js';
import { AppError, fieldError, ValidationError, type FieldError } from '../../platform/http/errors.js';
import { isLocale, type Locale } from '../../platform/i18n/locale.js';
import { translate } from '../../platform/i18n/messages.js';
import { trimmedOrNull } from '../../platform/normalize/text.js';
import { registerRecordType } from '../../platform/records/record-registry.js';
import { RecordStore, type ApiRecord } from '../../platform/records/record-store.js';
import { leadStore, type Lead } from '../leads/leads.service.js';
import { buildEmail, TEMPLATE_VARIABLES, unknownVariables, type TemplateValues } from './email-render.js';
import './nurture.messages.js';
import { emailTemplates, nurturePrograms } from './nurture.schema.js';
import { getNurtureSettings } from './settings.service.js';

export interface EmailTemplate extends ApiRecord {
  name: string;
  subject: string;
  bodyHtml: string;
  bodyText: string | null;
  locale: Locale;
  description: string | null;
  createdBy: string | null;
}

const nullable = <T>(v: unknown) => (v ?? null) as T | null;

export const emailTemplateStore = new RecordStore<EmailTemplate>({
  object: 'email_templates',
  table: emailTemplates,
  sortable: { createdAt: emailTemplates.createdAt, updatedAt: emailTemplates.updatedAt, name: emailTemplates.name },
  defaultSort: 'name',
  filters: { locale: emailTemplates.locale },
  searchColumns: [emailTemplates.name, emailTemplates.subject],
  toApi: (r) => ({
    name: r.name as string,
    subject: r.subject as string,
    bodyHtml: r.bodyHtml as string,
    bodyText: nullable(r.bodyText),
    locale: (isLocale(r.locale) ? r.locale : 'zh-CN') as Locale,
    description: nullable(r.description),
    createdBy: nullable(r.createdBy),
  }),
  toColumns: (input) => ({
    name: trimmedOrNull(input.name),
    subject: input.subject,
    bodyHtml: input.bodyHtml,
    bodyText: typeof input.bodyText === 'string' ? input.bodyText.trim() || null : input.bodyText,
    locale: input.locale,
    description: trimmedOrNull(input.description),
    createdBy: input.createdBy,
  }),
  validate: async (_ctx, next) => validateTemplate(next),
});

registerRecordType('email_templates', {
  store: emailTemplateStore,
  describe: (t) => ({ title: t.name, subtitle: t.subject }),
});

function validateTemplate(next: Record<string, unknown>) {
  const errors: FieldError[] = [];
  for (const field of ['subject', 'bodyHtml', 'bodyText'] as const) {
    const text = next[field];
    if (typeof text !== 'string') continue;
    const unknown = unknownVariables(text);
    if (unknown.length > 0) {
      errors.push({ field, code: 'NURTURE_UNKNOWN_VARIABLE', params: { name: unknown[0], available: TEMPLATE_VARIABLES.join(', ') } });
    }
  }
  if (!isLocale(next.locale)) errors.push({ field: 'locale', code: 'FIELD_INVALID' });
  if (errors.length > 0) throw new ValidationError(errors);
}

export function createEmailTemplate(ctx: RequestContext, input: Record<string, unknown>): Promise<EmailTemplate> {
  return emailTemplateStore.create(ctx, { ...input, createdBy: ctx.actor.userId });
}

/** A template's variables filled from a lead (the personalisation part of sending). */
export function templateValues(lead: Pick<Lead, 'name' | 'company' | 'title' | 'email' | 'phone' | 'industry' | 'province' | 'city'>, sender: { name: string | null; email: string | null }): TemplateValues {
  return {
    'lead.name': lead.name,
    'lead.company': lead.company,
    'lead.title': lead.title,
    'lead.email': lead.email,
    'lead.phone': lead.phone,
    'lead.industry': lead.industry,
    'lead.province': lead.province,
    'lead.city': lead.city,
    'sender.name': sender.name,
    'sender.email': sender.email,
  };
}

const SAMPLE_LEADS: Record<Locale, Parameters<typeof templateValues>[0]> = {
  'zh-CN': { name: '王建国', company: '星河智造（北京）科技有限公司', title: '采购总监', email: 'wang@example.com', phone: null, industry: '制造业', province: '北京市', city: '北京市' },
  'en-US': { name: 'Jane Doe', company: 'Acme Manufacturing Inc.', title: 'Head of Procurement', email: 'jane@example.com', phone: null, industry: 'Manufacturing', province: null, city: 'Chicago' },
};

export interface TemplatePreviewInput {
  subject: string;
  bodyHtml: string;
  bodyText?: string | null;
  locale: Locale;
  leadId?: string;
}

/**
 * The e-mail as a lead would get it, from unsaved template content: with one of the caller's
 * leads, or a sample person. Links keep their targets (no tracking) so the preview is safe to click.
 */
export async function previewTemplate(ctx: RequestContext, input: TemplatePreviewInput) {
  requireLevel(ctx, 'email_templates', 'read');
  validateTemplate({ ...input });
  const lead = input.leadId ? await leadStore.get(ctx, input.leadId) : SAMPLE_LEADS[input.locale];
  const settings = await getNurtureSettings(ctx);
  const unsubscribe = `${settings.effectivePublicUrl}/u/preview`;
  const built = buildEmail(
    { subject: input.subject, bodyHtml: input.bodyHtml, bodyText: input.bodyText ?? null },
    templateValues(lead, { name: settings.fromName, email: settings.fromAddress }),
    { unsubscribe, footerText: translate(input.locale, 'NURTURE_FOOTER_UNSUBSCRIBE') },
  );
  return built;
}

export async function getTemplateOrFieldError(ctx: RequestContext, id: string, field: string): Promise<EmailTemplate> {
  const [template] = await emailTemplateStore.getMany(ctx, [id]);
  if (!template) throw fieldError(field, 'NURTURE_TEMPLATE_NOT_FOUND');
  return template;
}

/** Deletes a template, unless a program (other than an archived one) still sends it. */
export function deleteEmailTemplate(ctx: RequestContext, id: string, version?: number): Promise<void> {
  return inTransaction(ctx, async (ctx) => {
    await emailTemplateStore.get(ctx, id);
    const [row] = await executor(ctx)
      .select({ count: sql<number>`count(*)::int` })
      .from(nurturePrograms)
      .where(sql`${nurturePrograms.tenantId} = ${ctx.tenantId} AND ${nurturePrograms.status} <> 'archived'
        AND ${nurturePrograms.steps} @> ${JSON.stringify([{ templateId: id }])}::jsonb`);
    if (Number(row.count) > 0) throw new AppError(409, 'HAS_DEPENDENTS', { count: row.count, object: 'nurture_programs' });
    await emailTemplateStore.remove(ctx, id, version);
  });
}
