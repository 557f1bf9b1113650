import { useCallback } from 'react';
import { App } from 'antd';
import { isApiError } from '../api/api-error';
import { useI18n } from '../i18n/i18n-context';
import { errorText } from './error-text';

/** Shows a failed call as a notification: the title says what failed, the body what the server said. */
export function useErrorFeedback(): (error: unknown, title?: string) => void {
  const { notification } = App.useApp();
  const { t } = useI18n();
  return useCallback(
    (error: unknown, title?: string) => {
      const code = isApiError(error) ? error.code : undefined;
      notification.error({
        key: code === 'VERSION_CONFLICT' ? 'version-conflict' : undefined,
        title: title ?? t('error.title'),
        description: errorText(error, t),
        placement: 'topRight',
      });
    },
    [notification, t],
  );
}
