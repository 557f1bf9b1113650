/** Record shapes of the Lead2Cash API (all JSON, camelCase). */

export type Locale = 'zh-CN' | 'en-US';

export type AccessLevel = 'all' | 'team' | 'own' | 'none';
export type PermissionAction = 'create' | 'read' | 'update' | 'delete';
export type ObjectPermissions = Partial<Record<PermissionAction, AccessLevel>>;
export type PermissionMap = Record<string, ObjectPermissions>;

/** Fields every stored record has. */
export interface BaseRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface OwnedRecord extends BaseRecord {
  ownerId: string | null;
  ownerName?: string | null;
}

export interface Page<T> {
  data: T[];
  nextCursor?: string | null;
}

export interface Money {
  /** Decimal string, never a float: "1234.50". */
  amount: string;
  currency: string;
}

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  locale: Locale | null;
  roleId: string;
  roleKey: string;
  teamId: string | null;
}

export interface Tenant {
  id: string;
  name: string;
  timezone: string;
  currency: string;
  locale: Locale;
  fiscalYearStartMonth?: number;
}

export interface Me {
  user: SessionUser;
  tenant: Tenant;
  permissions: PermissionMap;
}

export interface Account extends OwnedRecord {
  name: string;
  creditCode: string | null;
  industry: string | null;
  registeredCapital: Money | null;
  headcount: number | null;
  province: string | null;
  city: string | null;
  region: string | null;
  address: string | null;
  website: string | null;
  phone: string | null;
  parentAccountId: string | null;
  parentAccountName?: string | null;
  segment: AccountSegment | null;
}

export type AccountSegment = 'key' | 'mid_market' | 'smb';

export interface AccountInput {
  name: string;
  creditCode: string | null;
  industry: string | null;
  registeredCapital: Money | null;
  headcount: number | null;
  province: string | null;
  city: string | null;
  region: string | null;
  address: string | null;
  website: string | null;
  phone: string | null;
  /** Absent: the creator owns the record. Every record has an owner, so it cannot be cleared. */
  ownerId?: string;
  parentAccountId: string | null;
  segment: AccountSegment | null;
}

export interface Contact extends OwnedRecord {
  accountId: string | null;
  accountName?: string | null;
  name: string;
  title: string | null;
  department?: string | null;
  phones: string[];
  email: string | null;
  wechat: string | null;
  reportsToId: string | null;
  reportsToName?: string | null;
}

export interface ContactInput {
  accountId: string | null;
  name: string;
  title: string | null;
  department: string | null;
  phones: string[];
  email: string | null;
  wechat: string | null;
  reportsToId: string | null;
  /** Absent: the creator owns the record. */
  ownerId?: string;
}

export const ACTIVITY_TYPES = ['visit', 'call', 'meeting', 'email', 'task'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const ACTIVITY_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export interface CheckIn {
  lat: number;
  lng: number;
  at: string;
  address?: string;
}

export interface Activity extends OwnedRecord {
  type: ActivityType;
  subject: string;
  accountId: string | null;
  accountName?: string | null;
  contactIds: string[];
  opportunityId: string | null;
  leadId: string | null;
  startAt: string | null;
  endAt: string | null;
  dueAt: string | null;
  /** When the owner is reminded in the app; null: no reminder. */
  remindAt?: string | null;
  status: ActivityStatus;
  outcome: string | null;
  nextStep: string | null;
  checkIn: CheckIn | null;
}

export interface ActivityInput {
  type: ActivityType;
  subject: string;
  accountId: string | null;
  contactIds: string[];
  /** The deal the activity is about. */
  opportunityId?: string | null;
  startAt: string | null;
  endAt: string | null;
  dueAt: string | null;
  status: ActivityStatus;
  outcome: string | null;
  nextStep: string | null;
  checkIn?: CheckIn | null;
  /** Left out: the server's default reminder (15 minutes before dueAt); null: none. */
  remindAt?: string | null;
}

export interface Note extends OwnedRecord {
  body: string;
  object: string;
  recordId: string;
  authorName?: string | null;
}

export interface NoteInput {
  body: string;
  object: string;
  recordId: string;
}

export type TimelineKind = 'activity' | 'note' | 'change' | 'contact';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface TimelineEntry {
  id: string;
  kind: TimelineKind;
  at: string;
  actorName: string | null;
  title: string;
  body?: string | null;
  activityType?: ActivityType | null;
  /** Activity status, for activity entries. */
  status?: string | null;
  /** create / update / delete, for change entries. */
  action?: string | null;
  changes?: FieldChange[] | null;
  recordId: string;
  object: string;
}

export interface TimelinePage {
  data: TimelineEntry[];
  /** Pass as `before` for older entries; null at the end. */
  nextBefore: string | null;
}

export interface User extends BaseRecord {
  name: string;
  email: string;
  roleId: string;
  roleName?: string | null;
  teamId: string | null;
  teamName?: string | null;
  locale: Locale | null;
  active: boolean;
}

export interface UserInput {
  name: string;
  email: string;
  roleId: string;
  teamId: string | null;
  locale?: Locale;
  /** Updates only: a new user is always active. */
  active?: boolean;
  /** Creates only: the first password. */
  password?: string;
}

export interface Team extends BaseRecord {
  name: string;
  parentId: string | null;
}

export interface TeamInput {
  name: string;
  parentId: string | null;
}

export interface Role extends BaseRecord {
  key: string;
  name: string;
  permissions: PermissionMap;
}

export interface RoleInput {
  key: string;
  name: string;
  permissions: PermissionMap;
}

export interface ApiKey extends OwnedRecord {
  name: string;
  /** The first characters of the key, safe to show. */
  prefix: string;
  lastUsedAt: string | null;
}

export interface CreatedApiKey {
  id: string;
  name: string;
  /** The secret key, returned once at creation. */
  key: string;
}

export interface Webhook extends BaseRecord {
  url: string;
  /** Event patterns: `accounts.created`, `contacts.*`, `*`. */
  events: string[];
  active: boolean;
  description: string | null;
  /** The last characters of the signing secret. */
  secretHint?: string;
  /** Returned only by create and rotate-secret. */
  secret?: string;
}

export interface WebhookInput {
  url: string;
  events: string[];
  active: boolean;
  description: string | null;
}

export type WebhookDeliveryStatus = 'pending' | 'retrying' | 'succeeded' | 'failed';

export interface WebhookDelivery {
  id: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  responseSnippet: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorKind?: string;
  actorName: string | null;
  action: string;
  object: string;
  recordId: string | null;
  changes: FieldChange[] | Record<string, unknown> | null;
  ip: string | null;
  userAgent?: string | null;
  hash?: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  firstBrokenSeq?: number | null;
  firstBrokenId?: string | null;
  checked: number;
  /** Why the chain is broken, in the server's words. */
  reason?: string;
}

export interface SearchHit {
  object: string;
  id: string;
  title: string;
  subtitle?: string | null;
}

export interface SignUpInput {
  tenantName: string;
  name: string;
  email: string;
  password: string;
  locale?: Locale;
}

// Campaigns

export const CAMPAIGN_TYPES = [
  'seo', 'sem', 'content', 'webinar', 'email', 'sponsorship', 'seminar', 'conference', 'trade_show', 'other',
] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];
export const CAMPAIGN_STATUSES = ['planned', 'active', 'completed', 'aborted'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_ACTIONS = ['activate', 'complete', 'abort'] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];
export const MEMBER_STATUSES = ['invited', 'registered', 'attended', 'responded'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const COST_CATEGORIES = [
  'media', 'venue', 'catering', 'travel', 'materials', 'agency', 'sponsorship', 'software', 'staff', 'other',
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];
/** Fields a campaign's public form may show besides the name, which it always asks. */
export const FORM_FIELDS = ['email', 'phone', 'company', 'title', 'city', 'productInterest', 'message'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export interface CampaignGoals {
  leads: number | null;
  mqls: number | null;
  pipeline: Money | null;
}

export interface CampaignFormSettings {
  open: boolean;
  title: string | null;
  description: string | null;
  fields: FormField[];
  requiredFields: FormField[];
  consentRequired: boolean;
  consentText: string | null;
  thankYouMessage: string | null;
}

export interface Campaign extends OwnedRecord {
  name: string;
  type: CampaignType;
  status: CampaignStatus;
  statusChangedAt: string;
  /** YYYY-MM-DD */
  startDate: string;
  endDate: string | null;
  description: string | null;
  budget: Money | null;
  goals: CampaignGoals;
  /** The public form is at /f/{formKey}. */
  formKey: string;
  form: CampaignFormSettings;
  actualCost?: Money | null;
  memberCount?: number;
}

export interface CampaignInput {
  name: string;
  type: CampaignType;
  /** Creates only: a campaign starts planned or active; later it moves by actions. */
  status?: 'planned' | 'active';
  startDate: string;
  endDate: string | null;
  description: string | null;
  budget: Money | null;
  goals: CampaignGoals;
  form?: Partial<CampaignFormSettings>;
  ownerId?: string;
}

export interface CampaignCost extends BaseRecord {
  campaignId: string;
  /** YYYY-MM-DD */
  date: string;
  category: CostCategory;
  amount: Money;
  note: string | null;
}

export interface CampaignCostInput {
  date: string;
  category: CostCategory;
  amount: Money;
  note: string | null;
}

export interface CampaignMember extends BaseRecord {
  campaignId: string;
  leadId: string | null;
  contactId: string | null;
  /** Null when the caller cannot see the lead or contact. */
  name: string | null;
  email: string | null;
  company: string | null;
  status: MemberStatus;
  statusChangedAt: string;
  invitedAt: string | null;
  registeredAt: string | null;
  attendedAt: string | null;
  respondedAt: string | null;
  source: 'manual' | 'form' | 'api';
}

export interface CampaignMemberInput {
  leadId?: string | null;
  contactId?: string | null;
  status?: MemberStatus;
}

export interface GoalProgress {
  target: number | null;
  actual: number;
  /** Whole percent of the target reached; null without a target. */
  percent: number | null;
}

export interface CampaignSummary {
  campaignId: string;
  members: {
    total: number;
    byStatus: Record<MemberStatus, number>;
    reached: Record<Exclude<MemberStatus, 'invited'>, number>;
  };
  responses: number;
  leads: { created: number; mqls: number; touched: number; touches: number };
  cost: { budget: Money | null; actual: Money | null; remaining: Money | null; percentOfBudget: number | null; entries: number };
  goals: { leads: GoalProgress; mqls: GoalProgress; pipeline: { target: Money | null } };
}

/** A response entered by hand (or through the public form): the person as they gave themselves. */
export interface ResponseSubmission {
  name: string;
  email?: string;
  phone?: string;
  company?: string;
  title?: string;
  city?: string;
  productInterest?: string;
  message?: string;
  consent?: boolean;
}

export interface ResponseResult {
  responseId: string;
  leadId: string;
  leadCreated: boolean;
  memberId: string;
  memberStatus: MemberStatus;
  duplicate: boolean;
}

export interface PublicForm {
  formKey: string;
  title: string;
  description: string | null;
  open: boolean;
  fields: { name: 'name' | FormField; required: boolean }[];
  consentRequired: boolean;
  consentText: string | null;
  thankYouMessage: string;
}
