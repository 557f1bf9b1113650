import { type PreparedParty } from './party';
import { type MatchReason } from './reasons';
import { WEIGHTS } from './weights';

const isPerson = (p: PreparedParty) => p.kind !== 'account';

function phoneWeight(a: PreparedParty, b: PreparedParty, mobile: boolean): number {
  if (!isPerson(a) && !isPerson(b)) return WEIGHTS.phone.account;
  if (isPerson(a) && isPerson(b)) return mobile ? WEIGHTS.phone.mobile : WEIGHTS.phone.sharedLine;
  return WEIGHTS.phone.personOnAccount;
}

/** Exact keys: credit code, e-mail, phone, company domain. Different e-mails or phones prove nothing. */
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
  }
  const domain = a.domains.find((d) => b.domains.includes(d));
  if (domain && !sameEmail) reasons.push({ code: 'SAME_DOMAIN', weight: WEIGHTS.domain.same, detail: domain });
  return reasons;
}
