import { useMemo } from 'react';
import type { ActivityStatus, ActivityType } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';

const TYPE_KEYS: Record<ActivityType, MessageKey> = {
  visit: 'activity.type.visit',
  call: 'activity.type.call',
  meeting: 'activity.type.meeting',
  email: 'activity.type.email',
  task: 'activity.type.task',
};

const STATUS_KEYS: Record<ActivityStatus, MessageKey> = {
  planned: 'activity.status.planned',
  done: 'activity.status.done',
  cancelled: 'activity.status.cancelled',
};

export function useActivityLabels() {
  const { t } = useI18n();
  return useMemo(
    () => ({
      type: (type: ActivityType) => (TYPE_KEYS[type] ? t(TYPE_KEYS[type]) : type),
      status: (status: ActivityStatus) => (STATUS_KEYS[status] ? t(STATUS_KEYS[status]) : status),
    }),
    [t],
  );
}
