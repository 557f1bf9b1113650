/** Duplicate detection for leads, contacts and accounts: pure functions, no database. */
export { blockingKeys, keyEvidence, type KeyEvidence, MAX_KEY_RECORDS, peopleShareEnough, preparedBlockingKeys } from './blocking';
export { type CompanyName, parseCompanyName } from './company-name';
export { type CompanyNameComparison, compareCompanyNames } from './company-name-similarity';
export {
  type MatchLevel,
  type MatchResult,
  bitsFromScore,
  LEVEL_THRESHOLDS,
  matchPrepared,
  matchRecords,
  scoreFromBits,
} from './match';
export { type MatchOptions, type PartyKind, type PartyRecord, type PreparedParty, prepareParty, preparedCreditCode } from './party';
export {
  type PersonName,
  type PersonNameComparison,
  type PersonNameInput,
  comparePersonNames,
  parsePersonName,
} from './person';
export { type MatchReason, type ReasonCode, REASON_CODES } from './reasons';
