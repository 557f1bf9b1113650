import { useState } from 'react';
import { App, Alert, Button, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { CopyOutlined, ExportOutlined, ReloadOutlined } from '@ant-design/icons';
import { campaignsApi } from '../api/resources';
import type { Campaign } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { formTakesResponses, isRunning, publicFormUrl } from './campaign-rules';
import { useCampaignLabels } from './use-campaign-labels';
import { useCampaignCache } from './use-campaign-cache';

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain http (no clipboard API): the classic hidden textarea.
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

/** The public registration form's link: copy it, open it, see whether it takes registrations, replace it. */
export function FormLinkCard({ campaign, canUpdate }: { campaign: Campaign; canUpdate: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const labels = useCampaignLabels();
  const showError = useErrorFeedback();
  const refresh = useCampaignCache();
  const [rotating, setRotating] = useState(false);
  const url = publicFormUrl(window.location.origin, campaign.formKey);
  const open = formTakesResponses(campaign);

  const rotate = async () => {
    setRotating(true);
    try {
      refresh(campaign.id, await campaignsApi.rotateFormKey(campaign.id, campaign.version));
    } catch (error) {
      showError(error, t('error.saveFailed'));
    } finally {
      setRotating(false);
    }
  };

  return (
    <div className="l2c-form-link" data-testid="campaign-form-link-card">
      <Space wrap>
        <Typography.Text strong>{t('formLink.title')}</Typography.Text>
        <Tag color={open ? 'green' : 'default'} data-testid="campaign-form-state" data-open={open}>
          {open ? t('formLink.isOpen') : t('formLink.isClosed')}
        </Tag>
      </Space>
      <Typography.Paragraph type="secondary" className="l2c-form-link-help">
        {t('formLink.help')}
      </Typography.Paragraph>
      {!isRunning(campaign.status) ? (
        <Alert type="info" showIcon className="l2c-form-alert" title={t('formLink.closedByStatus', { status: labels.status(campaign.status) })} />
      ) : null}
      <Space.Compact block>
        <Input readOnly value={url} data-testid="campaign-form-url" onFocus={(event) => event.target.select()} />
        <Button
          icon={<CopyOutlined />}
          onClick={() =>
            void copyText(url).then(
              () => void message.success(t('formLink.copied')),
              (error: unknown) => showError(error),
            )
          }
          data-testid="campaign-form-copy"
        >
          <span className="l2c-hide-phone">{t('formLink.copy')}</span>
        </Button>
        <Button icon={<ExportOutlined />} href={url} target="_blank" rel="noreferrer noopener" data-testid="campaign-form-open">
          <span className="l2c-hide-phone">{t('formLink.open')}</span>
        </Button>
      </Space.Compact>
      {canUpdate ? (
        <Popconfirm title={t('formLink.rotateConfirm')} okText={t('formLink.rotate')} cancelText={t('action.cancel')} onConfirm={() => rotate()}>
          <Button type="link" size="small" icon={<ReloadOutlined />} loading={rotating} className="l2c-form-link-rotate" data-testid="campaign-form-rotate">
            {t('formLink.rotate')}
          </Button>
        </Popconfirm>
      ) : null}
    </div>
  );
}
