import { Button } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useCan } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';

/** "Import" on the lead list: opens the import wizard for roles that may import. */
export function ImportButton() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const canImport = useCan('imports', 'create');
  if (!canImport) return null;
  return (
    <Button icon={<UploadOutlined />} onClick={() => void navigate('/leads/imports/new')} data-testid="lead-import">
      {t('imports.button')}
    </Button>
  );
}
