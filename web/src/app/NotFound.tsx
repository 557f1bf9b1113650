import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n-context';

export function NotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('error.pageNotFoundTitle')}
      subTitle={t('error.pageNotFound')}
      data-testid="page-not-found"
      extra={
        <Button type="primary" onClick={() => void navigate('/dashboard')}>
          {t('action.backHome')}
        </Button>
      }
    />
  );
}
