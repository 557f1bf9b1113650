import dayjs, { type Dayjs } from 'dayjs';
import type { Attitude, Stakeholder, StakeholderInput, StakeholderLevel, StakeholderRole } from '../api/battle-map';
import { emptyToNull } from '../shared/form-values';

/** What the stakeholder drawer edits. */
export interface StakeholderFormValues {
  contactId: string | null;
  role: StakeholderRole;
  level: StakeholderLevel | null;
  reportsToId: string | null;
  attitude: Attitude;
  attitudeNote?: string | null;
  influence: number;
  relationshipOwnerId: string | null;
  lastContactAt: Dayjs | null;
  notes?: string | null;
}

export const STAKEHOLDER_FORM_FIELDS = [
  'contactId', 'role', 'level', 'reportsToId', 'attitude', 'attitudeNote', 'influence', 'relationshipOwnerId', 'lastContactAt', 'notes',
] as const;

export function toStakeholderFormValues(stakeholder: Stakeholder | null, defaults: { reportsToId?: string | null; ownerId?: string | null } = {}): StakeholderFormValues {
  if (!stakeholder) {
    return {
      contactId: null,
      role: 'influencer',
      level: null,
      reportsToId: defaults.reportsToId ?? null,
      attitude: 'neutral',
      influence: 3,
      relationshipOwnerId: defaults.ownerId ?? null,
      lastContactAt: null,
    };
  }
  return {
    contactId: stakeholder.contactId,
    role: stakeholder.role,
    level: stakeholder.level,
    reportsToId: stakeholder.reportsToId,
    attitude: stakeholder.attitude,
    influence: stakeholder.influence,
    relationshipOwnerId: stakeholder.relationshipOwnerId,
    lastContactAt: stakeholder.lastContactAt ? dayjs(stakeholder.lastContactAt) : null,
    notes: stakeholder.notes,
  };
}

/** The API payload: empty texts as null, the last contact as an ISO time. */
export function toStakeholderInput(values: StakeholderFormValues): StakeholderInput {
  return {
    contactId: values.contactId ?? '',
    role: values.role,
    level: values.level ?? null,
    reportsToId: values.reportsToId ?? null,
    attitude: values.attitude,
    attitudeNote: emptyToNull(values.attitudeNote),
    influence: values.influence,
    relationshipOwnerId: values.relationshipOwnerId ?? null,
    lastContactAt: values.lastContactAt ? values.lastContactAt.toISOString() : null,
    notes: emptyToNull(values.notes),
  };
}

/** A change of an existing stakeholder: only what differs, so an untouched reports-to line is not re-checked. */
export function stakeholderPatch(before: Stakeholder, values: StakeholderFormValues): Partial<Omit<StakeholderInput, 'contactId'>> {
  const { contactId: _contactId, ...input } = toStakeholderInput(values);
  const patch: Partial<Omit<StakeholderInput, 'contactId'>> = {};
  const current: Omit<StakeholderInput, 'contactId'> = {
    role: before.role,
    level: before.level,
    reportsToId: before.reportsToId,
    attitude: before.attitude,
    attitudeNote: null,
    influence: before.influence,
    relationshipOwnerId: before.relationshipOwnerId,
    lastContactAt: before.lastContactAt,
    notes: before.notes,
  };
  for (const key of Object.keys(input) as (keyof typeof input)[]) {
    if (key === 'attitudeNote') continue;
    const same = key === 'lastContactAt' ? sameInstant(input.lastContactAt, current.lastContactAt) : input[key] === current[key];
    if (!same) (patch as Record<string, unknown>)[key] = input[key];
  }
  if (patch.attitude && input.attitudeNote) patch.attitudeNote = input.attitudeNote;
  return patch;
}

const sameInstant = (a: string | null, b: string | null) => (a === null || b === null ? a === b : new Date(a).getTime() === new Date(b).getTime());
