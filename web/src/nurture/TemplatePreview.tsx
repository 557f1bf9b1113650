import { useState } from 'react';
import { Button, Form, Modal, Tabs, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { emailTemplatesApi, type EmailTemplateInput, type TemplatePreview as Preview } from '../api/nurture';
import { useI18n } from '../i18n/i18n-context';
import { useErrorFeedback } from '../shared/use-error-feedback';
import './nurture.css';

/**
 * Inside the template form: renders what is typed (not yet saved) as a sample lead would get
 * it. The HTML shows in a sandboxed frame, so the template's own markup cannot run anything.
 */
export function TemplatePreviewButton() {
  const { t } = useI18n();
  const form = Form.useFormInstance<EmailTemplateInput>();
  const showError = useErrorFeedback();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [loading, setLoading] = useState(false);

  const open = async () => {
    const v = form.getFieldsValue();
    setLoading(true);
    try {
      setPreview(await emailTemplatesApi.preview({
        subject: v.subject ?? '',
        bodyHtml: v.bodyHtml ?? '',
        bodyText: v.bodyText?.trim() ? v.bodyText : null,
        locale: v.locale,
      }));
    } catch (error) {
      showError(error, t('nurture.template.previewFailed'));
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <Button icon={<EyeOutlined />} loading={loading} onClick={() => void open()} data-testid="nurture-template-preview">
        {t('nurture.template.preview')}
      </Button>
      <Modal open={preview !== null} title={t('nurture.template.preview')} footer={null} width={760} onCancel={() => setPreview(null)}>
        {preview ? (
          <div data-testid="nurture-template-preview-modal">
            <Typography.Paragraph>
              <Typography.Text type="secondary">{t('nurture.template.subject')}: </Typography.Text>
              <Typography.Text strong data-testid="nurture-template-preview-subject">{preview.subject}</Typography.Text>
            </Typography.Paragraph>
            <Tabs
              items={[
                {
                  key: 'html',
                  label: 'HTML',
                  children: <iframe title={t('nurture.template.preview')} sandbox="" srcDoc={preview.html} className="l2c-email-preview" />,
                },
                { key: 'text', label: t('nurture.template.text'), children: <div className="l2c-email-text">{preview.text}</div> },
              ]}
            />
            {preview.links.length > 0 ? (
              <Typography.Paragraph type="secondary">
                {t('nurture.template.trackedLinks', { count: preview.links.length })}
              </Typography.Paragraph>
            ) : null}
          </div>
        ) : null}
      </Modal>
    </>
  );
}
