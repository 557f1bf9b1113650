import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Stakeholder } from '../api/battle-map';
import { stakeholderPatch, toStakeholderFormValues, toStakeholderInput } from './stakeholder-form-values';

const cio: Stakeholder = {
  id: 's1',
  opportunityId: 'o1',
  contactId: 'c1',
  contactName: '王建国',
  contactTitle: 'CIO',
  role: 'power_sponsor',
  level: 'c_level',
  reportsToId: null,
  attitude: 'neutral',
  influence: 5,
  relationshipOwnerId: 'u1',
  lastContactAt: '2025-09-01T02:00:00.000Z',
  notes: null,
  actions: [],
  createdAt: '2025-09-01T02:00:00.000Z',
  updatedAt: '2025-09-01T02:00:00.000Z',
  version: 1,
};

describe('stakeholder form values', () => {
  it('starts a new stakeholder neutral, of middling influence, owned by the given user', () => {
    expect(toStakeholderFormValues(null, { ownerId: 'me', reportsToId: 's9' })).toMatchObject({
      attitude: 'neutral', influence: 3, relationshipOwnerId: 'me', reportsToId: 's9', contactId: null,
    });
  });

  it('round-trips a stakeholder to the payload, blanks as null', () => {
    const values = { ...toStakeholderFormValues(cio), notes: '  ', attitudeNote: '' };
    expect(toStakeholderInput(values)).toEqual({
      contactId: 'c1', role: 'power_sponsor', level: 'c_level', reportsToId: null, attitude: 'neutral', attitudeNote: null,
      influence: 5, relationshipOwnerId: 'u1', lastContactAt: '2025-09-01T02:00:00.000Z', notes: null,
    });
  });

  it('patches only what changed, with the note of an attitude change', () => {
    expect(stakeholderPatch(cio, toStakeholderFormValues(cio))).toEqual({});
    const values = { ...toStakeholderFormValues(cio), attitude: 'support' as const, attitudeNote: '看过演示后认可', influence: 4 };
    expect(stakeholderPatch(cio, values)).toEqual({ attitude: 'support', attitudeNote: '看过演示后认可', influence: 4 });
    // A note without an attitude change is not history.
    expect(stakeholderPatch(cio, { ...toStakeholderFormValues(cio), attitudeNote: 'no change' })).toEqual({});
    expect(stakeholderPatch(cio, { ...toStakeholderFormValues(cio), lastContactAt: dayjs('2025-10-01T00:00:00Z') })).toEqual({
      lastContactAt: '2025-10-01T00:00:00.000Z',
    });
  });
});
