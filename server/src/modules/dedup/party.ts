import { type CountryCode } from 'libphonenumber-js/max';
import { isValidCreditCode, normalizeCreditCode } from '../customers/credit-code';
import { type Address, parseAddress } from './address';
import { type CompanyName, parseCompanyName } from './company-name';
import { type Email, type Phone, companyDomain, normalizeEmail, normalizePhoneNumber } from './contact-points';
import { type PersonName, parsePersonName } from './person';
import { placeOf } from './places-cn';

export type PartyKind = 'lead' | 'contact' | 'account';

/** The fields of a lead, contact or account that duplicate detection looks at. */
export interface PartyRecord {
  kind: PartyKind;
  /** A person's full name (lead, contact), or the account's name. */
  name?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  /** The company a lead or contact works for; an account's name when `name` is empty. */
  company?: string | null;
  /** 统一社会信用代码 */
  creditCode?: string | null;
  email?: string | null;
  phones?: readonly string[] | null;
  website?: string | null;
  address?: string | null;
  city?: string | null;
  /** State or province. */
  region?: string | null;
  postcode?: string | null;
  /** ISO 3166-1 alpha-2; phone numbers without a country code are read as this country's. */
  country?: string | null;
  /** YYYY-MM-DD or YYYYMMDD. */
  birthDate?: string | null;
}

export interface MatchOptions {
  /** Region for phone numbers when the record has no country; the tenant's country. Default CN. */
  defaultRegion?: CountryCode;
}

/** A record parsed once, so that comparing it with many candidates does not parse it again. */
export interface PreparedParty {
  kind: PartyKind;
  person: PersonName | null;
  company: CompanyName | null;
  /** Normalised, and only when its check character is valid. */
  creditCode: string | null;
  email: Email | null;
  phones: Phone[];
  /** The company's own web or mail domain (not qq.com, gmail.com…). */
  domains: string[];
  address: Address | null;
  city: string | null;
  region: string | null;
  postcode: string | null;
  birthDate: string | null;
}

const text = (value: string | null | undefined) => value?.normalize('NFKC').replace(/\s+/g, ' ').trim() || null;

/** City or region without 市/省 and case, so 上海市 = 上海 and "New York" = "new york". */
const place = (value: string | null | undefined) => {
  const t = text(value)?.toLowerCase();
  return t ? (placeOf(t) ?? t) : null;
};

const isRegion = (code: string): code is CountryCode => /^[A-Z]{2}$/.test(code);

/** A credit code normalised, and only when its check character is valid. */
export function preparedCreditCode(value: string | null | undefined): string | null {
  const code = value ? normalizeCreditCode(value) : null;
  return code && isValidCreditCode(code) ? code : null;
}

export function prepareParty(record: PartyRecord, options: MatchOptions = {}): PreparedParty {
  const country = text(record.country)?.toUpperCase();
  const region = country && isRegion(country) ? country : (options.defaultRegion ?? 'CN');
  const companyText = text(record.kind === 'account' ? (record.name ?? record.company) : record.company);
  const email = record.email ? normalizeEmail(record.email) : null;
  const domains = [record.website, email?.domain]
    .map((d) => (d ? companyDomain(d) : null))
    .filter((d): d is string => d !== null);
  const birthDigits = record.birthDate?.replace(/\D/g, '') ?? '';
  return {
    kind: record.kind,
    person: record.kind === 'account' ? null : parsePersonName(record),
    company: companyText ? parseCompanyName(companyText) : null,
    creditCode: preparedCreditCode(record.creditCode),
    email,
    phones: (record.phones ?? []).flatMap((p) => normalizePhoneNumber(p, region) ?? []),
    domains: [...new Set(domains)],
    address: text(record.address) ? parseAddress(record.address ?? '') : null,
    city: place(record.city),
    region: place(record.region),
    postcode: text(record.postcode)?.replace(/\s/g, '').toUpperCase() ?? null,
    birthDate: birthDigits.length === 8 ? birthDigits : null,
  };
}
