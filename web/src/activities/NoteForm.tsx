import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { isApiError } from '../api/api-error';
import { queryKeys } from '../api/query-keys';
import { notesApi } from '../api/resources';
import type { Note } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { requiredRule } from '../shared/form-rules';
import { useErrorFeedback } from '../shared/use-error-feedback';

interface NoteFormProps {
  open: boolean;
  /** The record the note is about: `accounts`, `contacts`… */
  object: string;
  recordId: string;
  onClose: () => void;
  onSaved?: (note: Note) => void;
}

export function NoteForm({ open, object, recordId, onClose, onSaved }: NoteFormProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ body: string }>();
  const queryClient = useQueryClient();
  const showError = useErrorFeedback();
  const [saving, setSaving] = useState(false);

  const handleOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    try {
      const note = await notesApi.create({ body: values.body.trim(), object, recordId });
      void queryClient.invalidateQueries({ queryKey: queryKeys.all('notes') });
      if (object === 'accounts') void queryClient.invalidateQueries({ queryKey: queryKeys.accountTimeline(recordId) });
      void message.success(t('note.saved'));
      form.resetFields();
      onSaved?.(note);
      onClose();
    } catch (error) {
      const bodyError = isApiError(error) ? error.fieldErrors.find((item) => item.field === 'body') : undefined;
      if (bodyError) form.setFields([{ name: 'body', errors: [bodyError.message] }]);
      else showError(error, t('error.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('note.add')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void handleOk()} data-testid="note-form-submit">
            {t('action.save')}
          </Button>
        </Space>
      }
      data-testid="note-form"
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="body" label={t('note.body')} rules={[requiredRule(t)]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} autoFocus data-testid="note-form-body" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
