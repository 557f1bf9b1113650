import { type PreparedParty } from './party';
import { type MatchReason } from './reasons';
import { editDistance } from './similarity';
import { WEIGHTS } from './weights';

const isPerson = (p: PreparedParty) => p.kind !== 'account';

function phoneWeight(a: PreparedParty, b: PreparedParty, mobile: boolean): number {
  if (!isPerson(a) && !isPerson(b)) return WEIGHTS.phone.account;
  if (isPerson(a) && isPerson(b)) return mobile ? WEIGHTS.phone.mobile : WEIGHTS.phone.sharedLine;
  return WEIGHTS.phone.personOnAccount;
}

/** One keystroke apart (a character mistyped, added or dropped, two neighbours swapped): the same contact point, mistyped. */
const mistyped = (x: string, y: string) => editDistance(x, y) === 1;

/**
 * Two people with their own addresses at the same company domain: colleagues, as one person
 * rarely has two mailboxes at one employer. Not when one address is the other mistyped; numbers
 * are no typo there (zhang.wei and zhang.wei2 are two 张伟). Elsewhere different e-mails prove
 * nothing (a work and a private address, a shared mail host).
 */
function colleagueEmails(a: PreparedParty, b: PreparedParty): boolean {
  const [x, y] = [a.email, b.email];
  if (!x || !y || !isPerson(a) || !isPerson(b) || x.role || y.role || x.address === y.address || x.domain !== y.domain || !a.domains.includes(x.domain)) return false;
  // One domain: the addresses differ where their mailboxes do.
  const letters = (address: string) => address.replace(/\d/g, '');
  return !(mistyped(x.address, y.address) && letters(x.address) !== letters(y.address));
}

const mobiles = (p: PreparedParty) => p.phones.filter((ph) => ph.mobile).map((ph) => ph.key);

/**
 * Two people whose mobile numbers are all different (a mobile number belongs to one person, and
 * people keep theirs), none of them the other's mistyped: the detail that says so, or null.
 */
function differentMobiles(a: PreparedParty, b: PreparedParty): string | null {
  if (!isPerson(a) || !isPerson(b)) return null;
  const [x, y] = [mobiles(a), mobiles(b)];
  if (x.length === 0 || y.length === 0 || x.some((key) => y.some((other) => other === key || mistyped(key, other)))) return null;
  return `${x.join(', ')} ≠ ${y.join(', ')}`;
}

/**
 * Exact keys: credit code, e-mail, phone, company domain; and between people, the contact points
 * that tell two people apart: their own addresses at one company, or different mobile numbers.
 */
export function identifierEvidence(a: PreparedParty, b: PreparedParty): MatchReason[] {
  const reasons: MatchReason[] = [];
  if (a.creditCode && b.creditCode) {
    reasons.push(
      a.creditCode === b.creditCode
        ? { code: 'SAME_CREDIT_CODE', weight: WEIGHTS.creditCode.same, detail: a.creditCode }
        : { code: 'DIFFERENT_CREDIT_CODE', weight: WEIGHTS.creditCode.different, detail: `${a.creditCode} ≠ ${b.creditCode}` },
    );
  }
  const sameEmail = a.email && b.email && a.email.address === b.email.address ? a.email : null;
  if (sameEmail) {
    reasons.push(
      sameEmail.role
        ? { code: 'SAME_ROLE_EMAIL', weight: WEIGHTS.email.sameRoleMailbox, detail: sameEmail.address }
        : { code: 'SAME_EMAIL', weight: WEIGHTS.email.same, detail: sameEmail.address },
    );
  }
  const phone = a.phones.find((p) => b.phones.some((q) => q.key === p.key));
  if (phone) {
    const mobile = phone.mobile || b.phones.some((q) => q.key === phone.key && q.mobile);
    reasons.push({ code: 'SAME_PHONE', weight: phoneWeight(a, b, mobile), detail: phone.key });
  } else {
    const mobilesApart = differentMobiles(a, b);
    if (mobilesApart) reasons.push({ code: 'DIFFERENT_MOBILE', weight: WEIGHTS.phone.differentMobiles, detail: mobilesApart });
  }
  if (colleagueEmails(a, b)) {
    // The shared domain is what colleagues have in common: it says nothing more.
    reasons.push({ code: 'COLLEAGUE_EMAILS', weight: WEIGHTS.email.colleagues, detail: `${a.email!.address} ≠ ${b.email!.address}` });
    return reasons;
  }
  const domain = a.domains.find((d) => b.domains.includes(d));
  if (domain && !sameEmail) reasons.push({ code: 'SAME_DOMAIN', weight: WEIGHTS.domain.same, detail: domain });
  return reasons;
}
