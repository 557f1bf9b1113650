import { Button, Result } from 'antd';
import { isApiError } from '../api/api-error';
import { useI18n } from '../i18n/i18n-context';
import { errorText } from './error-text';

/** Full-area error for a failed load: 403 and 404 get their own pictures, everything else a retry. */
export function QueryErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const status = isApiError(error) ? error.status : 0;
  if (status === 403) {
    return <Result status="403" title={t('error.forbiddenTitle')} subTitle={errorText(error, t)} data-testid="error-forbidden" />;
  }
  if (status === 404) {
    return <Result status="404" title={t('error.notFoundTitle')} subTitle={errorText(error, t)} data-testid="error-not-found" />;
  }
  return (
    <Result
      status="error"
      title={t('error.loadFailed')}
      subTitle={errorText(error, t)}
      data-testid="error-load"
      extra={onRetry ? <Button onClick={onRetry}>{t('action.retry')}</Button> : undefined}
    />
  );
}
