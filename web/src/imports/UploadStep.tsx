import { useState } from 'react';
import { Spin, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { importsApi, type ImportPreview } from '../api/imports';
import { useI18n } from '../i18n/i18n-context';
import { useErrorFeedback } from '../shared/use-error-feedback';

/** Step 1: drop or pick a CSV/XLSX file; the server stores it and reads its columns. */
export function UploadStep({ onUploaded }: { onUploaded: (preview: ImportPreview) => void }) {
  const { t } = useI18n();
  const showError = useErrorFeedback();
  const [uploading, setUploading] = useState<string | null>(null);

  const send = async (file: File) => {
    setUploading(file.name);
    try {
      onUploaded(await importsApi.upload(file));
    } catch (error) {
      showError(error);
    } finally {
      setUploading(null);
    }
  };

  return (
    <Spin spinning={uploading !== null} description={uploading ? t('imports.upload.uploading', { name: uploading }) : undefined}>
      <Upload.Dragger
        accept=".csv,.txt,.tsv,.xlsx"
        multiple={false}
        showUploadList={false}
        disabled={uploading !== null}
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
        data-testid="import-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <Typography.Paragraph strong>{t('imports.upload.title')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('imports.upload.hint')}</Typography.Paragraph>
      </Upload.Dragger>
    </Spin>
  );
}
