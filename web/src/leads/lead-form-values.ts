import type { LeadInput, LeadRecord } from '../api/leads';

/** The lead form's values: what a person may type on a lead. */
export type LeadFormValues = { [K in keyof LeadInput]: LeadInput[K] | undefined };

export const LEAD_FORM_FIELDS = [
  'name', 'company', 'title', 'email', 'phone', 'industry', 'headcount', 'province', 'city', 'region', 'productInterest', 'source',
  'description',
] as const;

export function toLeadFormValues(lead: LeadRecord | null): LeadFormValues {
  return Object.fromEntries(LEAD_FORM_FIELDS.map((f) => [f, lead ? (lead[f] ?? undefined) : undefined])) as LeadFormValues;
}

const text = (v: string | null | undefined) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** Empty fields are sent as null; text is trimmed. */
export function toLeadInput(v: LeadFormValues): LeadInput {
  return {
    name: (v.name ?? '').trim(),
    company: text(v.company),
    title: text(v.title),
    email: text(v.email),
    phone: text(v.phone),
    industry: text(v.industry),
    headcount: typeof v.headcount === 'number' ? v.headcount : null,
    province: text(v.province),
    city: text(v.city),
    region: text(v.region),
    productInterest: text(v.productInterest),
    source: text(v.source),
    description: text(v.description),
  };
}
