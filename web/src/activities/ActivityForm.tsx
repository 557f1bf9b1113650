import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { queryKeys } from '../api/query-keys';
import { activitiesApi } from '../api/resources';
import type { Activity, ActivityType } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { RecordFormDrawer } from '../shared/RecordFormDrawer';
import { ACTIVITY_FORM_FIELDS, newActivityValues, toActivityInput, type ActivityFormValues } from './activity-form-values';
import { ActivityInputs } from './ActivityInputs';

interface ActivityFormProps {
  open: boolean;
  /** The account the activity is logged on; null for an activity without account. */
  accountId: string | null;
  /** The deal the activity is logged on (its activities tab). */
  opportunityId?: string;
  defaultType?: ActivityType;
  onClose: () => void;
  onSaved?: (activity: Activity) => void;
}

/** "Log activity": a visit, call, meeting, e-mail or task, with outcome and next step. */
export function ActivityForm({ open, accountId, opportunityId, defaultType = 'call', onClose, onSaved }: ActivityFormProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  // Fresh "now" each time the drawer opens.
  const initialValues = useMemo(() => newActivityValues(defaultType, dayjs().second(0).millisecond(0)), [defaultType, open]);

  return (
    <RecordFormDrawer<ActivityFormValues, Activity>
      open={open}
      title={t('activity.log')}
      testId="activity-form"
      initialValues={initialValues}
      fieldNames={ACTIVITY_FORM_FIELDS}
      onSubmit={(values) => activitiesApi.create({ ...toActivityInput(values, accountId), ...(opportunityId ? { opportunityId } : {}) })}
      onSaved={(activity) => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.all('activities') });
        if (activity.accountId) {
          void queryClient.invalidateQueries({ queryKey: queryKeys.accountTimeline(activity.accountId) });
        }
        onSaved?.(activity);
        onClose();
      }}
      onClose={onClose}
    >
      <ActivityInputs fixedAccountId={accountId} />
    </RecordFormDrawer>
  );
}
