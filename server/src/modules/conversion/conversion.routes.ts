import { Type } from 'typebox';
import { ErrorResponse, IdParams, Money, Nullable, Uuid } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/types.js';
import { LeadSchema } from '../leads/leads.routes.js';
import { BantInput } from '../opportunities/opportunities.routes.js';
import { convertLead, opportunityCampaignTouches, previewConversion } from './lead-conversion.service.js';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const Level = Type.Union([Type.Literal('exact'), Type.Literal('strong'), Type.Literal('possible')]);
const AnyRecord = Type.Object({}, { additionalProperties: true });

const Candidate = Type.Object({
  id: Uuid,
  name: Type.String(),
  subtitle: Nullable(Type.String()),
  score: Type.Number(),
  level: Level,
  reasons: Type.Array(Type.Object({ code: Type.String(), weight: Type.Number(), detail: Type.String() })),
  sameCreditCode: Type.Boolean(),
  visible: Type.Boolean({ description: 'False: the account exists but the caller may not see it' }),
  ownerName: Nullable(Type.String()),
});

const ConvertBody = Type.Object({
  accountId: Type.Optional(Uuid),
  createAccount: Type.Optional(Type.Boolean({ description: 'Create a new account even if the company looks like an existing one' })),
  contactId: Type.Optional(Uuid),
  createOpportunity: Type.Optional(Type.Boolean()),
  opportunity: Type.Optional(Type.Object({
    name: Type.Optional(Type.String({ maxLength: 200 })),
    amount: Type.Optional(Nullable(Money)),
    closeDate: Type.Optional(Type.String({ format: 'date' })),
    processId: Type.Optional(Uuid),
    stageId: Type.Optional(Uuid),
    nextStep: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    bant: Type.Optional(BantInput),
    contactIsDecisionMaker: Type.Optional(Type.Boolean({ description: 'The lead\'s contact is a decision maker of the deal (BANT authority)' })),
  }, { additionalProperties: false })),
}, { additionalProperties: false });

/** Lead conversion (`POST /leads/{id}/convert`) and the attribution a deal keeps from its lead. */
export function registerConversionRoutes(app: App) {
  app.get('/api/v1/leads/:id/conversion', {
    schema: {
      tags: ['Leads'],
      summary: 'What converting the lead would do: the matched account or the candidates, and the contact',
      params: IdParams,
      response: {
        200: Type.Object({
          account: Type.Object({
            decision: Type.Union([Type.Literal('existing'), Type.Literal('ambiguous'), Type.Literal('new')]),
            accountId: Nullable(Uuid),
            by: Nullable(Type.Union([Type.Literal('credit_code'), Type.Literal('match')])),
            candidates: Type.Array(Candidate),
          }),
          contact: Nullable(AnyRecord),
          suggestedOpportunityName: Type.String(),
        }),
        ...errors,
      },
    },
  }, async (request) => previewConversion(request.ctx, request.params.id));

  app.post('/api/v1/leads/:id/convert', {
    schema: {
      tags: ['Leads'],
      summary: 'Convert a qualified lead into an account, a contact and optionally an opportunity',
      description:
        'One transaction. Without accountId the company is matched against existing accounts (credit code, company-name ' +
        'similarity): a sure match is used, uncertain candidates answer 409 ACCOUNT_MATCH_AMBIGUOUS with `details.candidates` ' +
        '(send accountId, or createAccount: true). A contact of the account with the same e-mail or phone is reused. ' +
        'A strict tenant refuses a deal without the BANT it requires (400 BANT_INCOMPLETE, nothing is kept): send `opportunity.bant`. ' +
        'The lead becomes read-only and links to what it became; publishes `leads.converted`.',
      params: IdParams,
      body: ConvertBody,
      response: {
        200: Type.Object({
          accountId: Uuid,
          contactId: Uuid,
          opportunityId: Nullable(Uuid),
          accountCreated: Type.Boolean(),
          contactCreated: Type.Boolean(),
          lead: LeadSchema,
        }),
        ...errors,
      },
    },
  }, async (request) => convertLead(request.ctx, request.params.id, request.body));

  app.get('/api/v1/opportunities/:id/campaign-touches', {
    schema: {
      tags: ['Opportunities'],
      summary: 'The campaign touches the deal keeps from the lead it was converted from, oldest first',
      params: IdParams,
      response: {
        200: Type.Object({
          data: Type.Array(Type.Object({
            id: Uuid,
            leadId: Uuid,
            campaignId: Nullable(Uuid),
            campaignName: Nullable(Type.String()),
            kind: Type.String(),
            at: Type.String(),
            details: AnyRecord,
          })),
        }),
        ...errors,
      },
    },
  }, async (request) => ({ data: await opportunityCampaignTouches(request.ctx, request.params.id) }));
}
