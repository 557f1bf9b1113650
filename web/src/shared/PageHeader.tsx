import type { ReactNode } from 'react';
import { Button, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n-context';

interface PageHeaderProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Where the back arrow leads; no arrow when absent. */
  backTo?: string;
  actions?: ReactNode;
  testId?: string;
}

export function PageHeader({ title, subtitle, backTo, actions, testId }: PageHeaderProps) {
  const navigate = useNavigate();
  const { t } = useI18n();
  return (
    <div className="l2c-page-header" data-testid={testId}>
      <div className="l2c-page-header-title">
        {backTo ? (
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label={t('action.back')}
            onClick={() => void navigate(backTo)}
            data-testid="page-back"
          />
        ) : null}
        <div className="l2c-page-header-text">
          <Typography.Title level={3} className="l2c-page-title">
            {title}
          </Typography.Title>
          {subtitle ? <div className="l2c-page-subtitle">{subtitle}</div> : null}
        </div>
      </div>
      {actions ? <div className="l2c-page-header-actions">{actions}</div> : null}
    </div>
  );
}
