import { Button, Result } from 'antd';
import { RocketOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n-context';
import { PageHeader } from '../shared/PageHeader';
import type { NavItem } from './nav-items';

/** The page of a module that is planned but not built yet: it says what the module will do. */
export function ComingSoon({ item }: { item: NavItem }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const name = t(item.labelKey);
  return (
    <div data-testid={`coming-soon-${item.key}`}>
      <PageHeader title={name} />
      <Result
        icon={<RocketOutlined />}
        title={t('comingSoon.title', { module: name })}
        subTitle={t(item.descriptionKey)}
        extra={
          <Button type="primary" onClick={() => void navigate('/accounts')}>
            {t('comingSoon.goToAccounts')}
          </Button>
        }
      />
    </div>
  );
}
