/**
 * Evidence weights in bits: log2 of how much likelier a value agreement (or disagreement) is
 * between two records of the same party than between two different ones (Fellegi–Sunter).
 * They are set from how often values collide by chance, not fitted to any one dataset:
 * a surname is shared by ~1 in 30–100 pairs (5 bits), a birth date by ~1 in 25 000 (capped at 8),
 * a personal e-mail address almost never (18).
 */

/** A similarity in [0, 1] turned into a weight: `disagree` at or below `lo`, `agree` at or above `hi`, linear between. */
export interface Grade {
  lo: number;
  hi: number;
  disagree: number;
  agree: number;
}

export function graded(similarity: number, g: Grade): number {
  if (similarity >= g.hi) return g.agree;
  if (similarity <= g.lo) return g.disagree;
  return g.disagree + ((g.agree - g.disagree) * (similarity - g.lo)) / (g.hi - g.lo);
}

export const WEIGHTS = {
  creditCode: { same: 20, different: -20 },
  /** `colleagues`: two people's own addresses at one company domain (one person rarely has two). */
  email: { same: 18, sameRoleMailbox: 4, colleagues: -10 },
  phone: {
    /** Two people with the same mobile number. */
    mobile: 12,
    /** Two accounts with the same number: the same premises, or a shared switchboard. */
    account: 10,
    /** A fixed line between people is often the company's switchboard. */
    sharedLine: 4,
    /** A person's phone on an account record. */
    personOnAccount: 6,
    /** Two people whose mobile numbers all differ: many have a second one, few share theirs. */
    differentMobiles: -4,
  },
  domain: { same: 6 },
  /** An account is its company: the name carries most of the evidence. */
  accountCompany: { lo: 0.65, hi: 0.92, disagree: -10, agree: 14, sameEntity: 16 },
  /** For a person the company is context: people change jobs, colleagues share it. */
  personCompany: { lo: 0.65, hi: 0.92, disagree: -3, agree: 5, sameEntity: 6 },
  /** Per name part (given, family). */
  personNamePart: { lo: 0.75, hi: 0.95, disagree: -3, agree: 5 },
  /** People move and have home and work addresses: a different address is weak evidence. */
  personAddress: { lo: 0.5, hi: 0.9, disagree: -3, agree: 6 },
  /** A business at another street address is usually another branch or outlet. */
  accountAddress: { lo: 0.5, hi: 0.9, disagree: -5, agree: 6 },
  city: { lo: 0.8, hi: 0.92, disagree: -1, agree: 2.5 },
  region: { same: 0.5, different: -1 },
  postcode: { same: 4, oneEdit: 1, different: -2 },
  birthDate: { same: 8, oneEdit: 2, different: -5 },
} as const;

/** Bits of evidence at which the score is 0.5: the prior odds of a blocked candidate pair. */
export const PRIOR_BITS = 12;

/**
 * For an account, phone, address, city, region and postcode all describe one fact, its premises,
 * so their agreement counts at most this much. Companies share premises (business centres,
 * registration agents, outlets in one hotel): it takes a matching name to go beyond "possible".
 */
export const ACCOUNT_PREMISES_CAP = 12;
