import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { normalizePhone } from '../../platform/normalize/phone';

/** Mailboxes shared by a team: the same address says "same company", not "same person". */
const ROLE_MAILBOXES = new Set(
  `info sales contact contactus admin support office hr service services marketing hello enquiries inquiries
   team mail webmaster noreply no-reply billing finance accounts kefu bd business`.split(/\s+/),
);

/** Mail and web hosts many unrelated people share: a shared domain there says nothing. */
const SHARED_DOMAINS = new Set(
  `qq.com vip.qq.com foxmail.com 163.com 126.com yeah.net vip.163.com sina.com sina.cn sohu.com 139.com 189.cn
   aliyun.com gmail.com googlemail.com outlook.com hotmail.com live.com msn.com yahoo.com icloud.com me.com
   aol.com proton.me protonmail.com gmx.de gmx.net web.de mail.ru yandex.ru naver.com`.split(/\s+/),
);

export interface Email {
  /** Lower-case, without a +tag; Gmail addresses also without dots, as Gmail ignores them. */
  address: string;
  domain: string;
  role: boolean;
}

export function normalizeEmail(input: string): Email | null {
  const text = input.trim().toLowerCase().replace(/^mailto:/, '');
  const at = text.lastIndexOf('@');
  if (at < 1 || at === text.length - 1 || /\s/.test(text)) return null;
  let local = text.slice(0, at).replace(/\+.*$/, '');
  const domain = text.slice(at + 1).replace(/^googlemail\.com$/, 'gmail.com');
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return { address: `${local}@${domain}`, domain, role: ROLE_MAILBOXES.has(local) };
}

/** A company's own domain from a website or e-mail domain; null for shared mail hosts. */
export function companyDomain(input: string): string | null {
  const host = input
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^[^@/]*@/, '')
    .split(/[/?#:]/)[0]
    .replace(/^www\./, '');
  return host.includes('.') && !SHARED_DOMAINS.has(host) ? host : null;
}

export interface Phone {
  /** E.164 when the number is valid; otherwise "#" and its digits, so odd numbers still compare. */
  key: string;
  /** Mobile numbers belong to a person; fixed lines are often a company's switchboard. */
  mobile: boolean;
}

const MIN_DIGITS = 7;

export function normalizePhoneNumber(input: string, region: CountryCode): Phone | null {
  const e164 = normalizePhone(input, region);
  if (e164) {
    const type = parsePhoneNumberFromString(e164)?.getType();
    return { key: e164, mobile: type === 'MOBILE' };
  }
  const digits = input.replace(/\D/g, '');
  return digits.length >= MIN_DIGITS ? { key: `#${digits}`, mobile: false } : null;
}
