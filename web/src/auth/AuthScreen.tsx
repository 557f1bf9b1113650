import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { useI18n } from '../i18n/i18n-context';

/** The frame of the signed-out pages: brand, language switch, one card. */
export function AuthScreen({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="l2c-auth-screen">
      <div className="l2c-auth-top">
        <span className="l2c-brand-mark">L2C</span>
        <LanguageSwitch />
      </div>
      <Card className="l2c-auth-card">
        <Typography.Title level={2} className="l2c-auth-product">
          Lead2Cash
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.tagline')}</Typography.Paragraph>
        <Typography.Title level={4}>{title}</Typography.Title>
        {children}
      </Card>
    </div>
  );
}
