import type { FieldError } from '../../platform/http/errors.js';
import { normalizePhone } from '../../platform/normalize/phone.js';

/**
 * The public registration form of a campaign: which fields it shows and requires, whether it
 * takes responses, and how a submission is read and checked. Pure, so the rules are tested apart.
 */
export const FORM_FIELDS = ['email', 'phone', 'company', 'title', 'city', 'productInterest', 'message'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** Fields that land on the lead; `message` is kept with the response and the touch only. */
export const LEAD_FORM_FIELDS = ['email', 'phone', 'company', 'title', 'city', 'productInterest'] as const;

/** The form field a bot fills in and a person never sees. */
export const HONEYPOT_FIELD = 'website_url';

export interface FormSettings {
  /** Whether the form takes responses (a running campaign is also required). */
  open: boolean;
  /** Shown above the form; the campaign name when empty. */
  title: string | null;
  description: string | null;
  /** Shown fields besides the name, which is always asked. */
  fields: FormField[];
  requiredFields: FormField[];
  consentRequired: boolean;
  /** The consent statement the person agrees to; kept with each response. */
  consentText: string | null;
  thankYouMessage: string | null;
}

export const DEFAULT_FORM: FormSettings = {
  open: true,
  title: null,
  description: null,
  fields: ['email', 'phone', 'company', 'title', 'message'],
  requiredFields: [],
  consentRequired: false,
  consentText: null,
  thankYouMessage: null,
};

const blankToNull = (v: unknown) => (typeof v === 'string' ? v.trim() || null : null);
const ordered = (fields: readonly string[]) => FORM_FIELDS.filter((f) => fields.includes(f));

/**
 * Applies a change to the form settings: required fields are always shown, the form must ask for
 * an e-mail or a phone, and asking for consent needs the consent text.
 */
export function mergeFormSettings(
  base: FormSettings,
  patch: Partial<FormSettings>,
): { ok: true; settings: FormSettings } | { ok: false; errors: FieldError[] } {
  const merged = { ...base, ...patch };
  const requiredFields = ordered(merged.requiredFields ?? []);
  const settings: FormSettings = {
    open: merged.open ?? true,
    title: blankToNull(merged.title),
    description: blankToNull(merged.description),
    fields: ordered([...(merged.fields ?? []), ...requiredFields]),
    requiredFields,
    consentRequired: merged.consentRequired ?? false,
    consentText: blankToNull(merged.consentText),
    thankYouMessage: blankToNull(merged.thankYouMessage),
  };
  const errors: FieldError[] = [];
  if (!settings.fields.includes('email') && !settings.fields.includes('phone')) {
    errors.push({ field: 'form.fields', code: 'FORM_NEEDS_EMAIL_OR_PHONE' });
  }
  if (settings.consentRequired && !settings.consentText) errors.push({ field: 'form.consentText', code: 'FIELD_REQUIRED' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, settings };
}

export interface Submission {
  name?: string;
  email?: string;
  phone?: string;
  company?: string;
  title?: string;
  city?: string;
  productInterest?: string;
  message?: string;
  consent?: boolean;
  [HONEYPOT_FIELD]?: string;
}

export interface ReadSubmission {
  /** Values for the lead: trimmed, e-mail lower-cased, phone in E.164; only the form's fields. */
  lead: { name: string } & Partial<Record<(typeof LEAD_FORM_FIELDS)[number], string>>;
  message: string | null;
  consent: boolean;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A filled honeypot: a bot. It gets a normal-looking answer and nothing is stored. */
export const isBot = (body: Submission) => typeof body[HONEYPOT_FIELD] === 'string' && body[HONEYPOT_FIELD].trim() !== '';

/** Reads a submission against the form: every problem at once, each on its field. */
export function readSubmission(settings: FormSettings, body: Submission): { ok: true; value: ReadSubmission } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const shown = new Set<string>(settings.fields);
  const text = (field: FormField | 'name') => (field === 'name' || shown.has(field) ? blankToNull(body[field]) : null);

  const name = text('name');
  if (!name) errors.push({ field: 'name', code: 'FIELD_REQUIRED' });
  for (const field of settings.requiredFields) {
    if (!text(field)) errors.push({ field, code: 'FIELD_REQUIRED' });
  }

  const email = text('email')?.toLowerCase() ?? null;
  if (email && !EMAIL_RE.test(email)) errors.push({ field: 'email', code: 'FIELD_FORMAT_EMAIL' });
  const rawPhone = text('phone');
  const phone = rawPhone ? normalizePhone(rawPhone) : null;
  if (rawPhone && !phone) errors.push({ field: 'phone', code: 'INVALID_PHONE', params: { phone: rawPhone } });
  if (!email && !rawPhone && !errors.some((e) => e.field === 'email' || e.field === 'phone')) {
    for (const field of ['email', 'phone'] as const) {
      if (shown.has(field)) errors.push({ field, code: 'FORM_EMAIL_OR_PHONE' });
    }
  }

  const consent = body.consent === true;
  if (settings.consentRequired && !consent) errors.push({ field: 'consent', code: 'CONSENT_REQUIRED' });
  if (errors.length > 0) return { ok: false, errors };

  const lead: ReadSubmission['lead'] = { name: name! };
  for (const field of LEAD_FORM_FIELDS) {
    const value = field === 'email' ? email : field === 'phone' ? phone : text(field);
    if (value) lead[field] = value;
  }
  return { ok: true, value: { lead, message: text('message'), consent } };
}
