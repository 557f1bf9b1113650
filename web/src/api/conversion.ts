import { request } from './http-client';
import type { BantInput } from './opportunities';
import type { Contact, Money } from './types';

/** Lead conversion (issue 4): what converting would do, and the conversion itself. */

export type CandidateLevel = 'exact' | 'strong' | 'possible';

export interface AccountCandidate {
  id: string;
  name: string;
  subtitle: string | null;
  score: number;
  level: CandidateLevel;
  reasons: { code: string; weight: number; detail: string }[];
  sameCreditCode: boolean;
  /** False: the account exists but belongs to someone whose accounts the caller cannot see. */
  visible: boolean;
  ownerName: string | null;
}

export interface ConversionPreview {
  account: {
    decision: 'existing' | 'ambiguous' | 'new';
    accountId: string | null;
    by: 'credit_code' | 'match' | null;
    candidates: AccountCandidate[];
  };
  contact: Contact | null;
  suggestedOpportunityName: string;
}

export interface ConvertInput {
  accountId?: string;
  createAccount?: boolean;
  contactId?: string;
  createOpportunity?: boolean;
  opportunity?: {
    name?: string;
    amount?: Money | null;
    closeDate?: string;
    processId?: string;
    /** As `POST /opportunities` takes it: a strict tenant requires its parts. */
    bant?: BantInput;
    /** The lead's contact is a decision maker of the deal. */
    contactIsDecisionMaker?: boolean;
  };
}

export interface ConversionResult {
  accountId: string;
  contactId: string;
  opportunityId: string | null;
  accountCreated: boolean;
  contactCreated: boolean;
}

/** A campaign touch of the lead a deal came from (kept for attribution), oldest first. */
export interface AttributionTouch {
  id: string;
  leadId: string;
  campaignId: string | null;
  campaignName: string | null;
  kind: string;
  at: string;
  details: Record<string, unknown>;
}

const leadPath = (id: string, rest: string) => `/leads/${encodeURIComponent(id)}${rest}`;

export const conversionApi = {
  preview: (leadId: string, signal?: AbortSignal) => request<ConversionPreview>('GET', leadPath(leadId, '/conversion'), { signal }),
  convert: (leadId: string, input: ConvertInput) => request<ConversionResult>('POST', leadPath(leadId, '/convert'), { body: input }),
  /** The campaign touches a deal keeps from the lead it was converted from. */
  campaignTouches: (opportunityId: string, signal?: AbortSignal) =>
    request<{ data: AttributionTouch[] }>('GET', `/opportunities/${encodeURIComponent(opportunityId)}/campaign-touches`, { signal }),
};
