import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Form, Input, List, Space, Typography } from 'antd';
import { DeleteOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { opportunitiesApi, type Opportunity } from '../api/opportunities';
import { queryKeys } from '../api/query-keys';
import { useCan } from '../auth/session-context';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { urlRule } from '../shared/form-rules';
import { useErrorFeedback } from '../shared/use-error-feedback';

/** Documents attached to the deal (by link); stage gates ask for documents by kind or name. */
export function DealDocuments({ deal }: { deal: Opportunity }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const showError = useErrorFeedback();
  const canUpdate = useCan('opportunities', 'update') && deal.status === 'open';
  const [form] = Form.useForm<{ name: string; kind?: string; url?: string }>();
  const documents = useQuery({ queryKey: queryKeys.dealDocuments(deal.id), queryFn: ({ signal }) => opportunitiesApi.documents(deal.id, signal) });
  // Documents count for the gate: refresh everything under the deal.
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.detail('opportunities', deal.id) });

  const add = async (values: { name: string; kind?: string; url?: string }) => {
    try {
      await opportunitiesApi.addDocument(deal.id, { name: values.name.trim(), kind: values.kind?.trim() || null, url: values.url?.trim() || null });
      form.resetFields();
      await refresh();
    } catch (error) {
      showError(error, t('error.saveFailed'));
    }
  };

  return (
    <div data-testid="deal-documents">
      {(documents.data?.data.length ?? 0) === 0 ? (
        <Empty description={t('deal.documents.empty')} />
      ) : (
        <List
          dataSource={documents.data?.data}
          renderItem={(doc) => (
            <List.Item
              data-testid="deal-document"
              actions={
                canUpdate
                  ? [
                      <Button
                        key="remove"
                        size="small"
                        icon={<DeleteOutlined />}
                        aria-label={t('action.delete')}
                        onClick={() => void opportunitiesApi.removeDocument(deal.id, doc.id).then(refresh, (error: unknown) => showError(error))}
                      />,
                    ]
                  : undefined
              }
            >
              <Space wrap>
                <PaperClipOutlined />
                {doc.url ? (
                  <a href={doc.url} target="_blank" rel="noreferrer noopener">
                    {doc.name}
                  </a>
                ) : (
                  doc.name
                )}
                {doc.kind ? <Typography.Text type="secondary">{doc.kind}</Typography.Text> : null}
                <Typography.Text type="secondary">{formatDate(doc.createdAt, locale)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      {canUpdate ? (
        <Form form={form} layout="vertical" onFinish={(values) => void add(values)} className="l2c-section-action">
          <Space wrap align="start">
            <Form.Item name="name" label={t('deal.documents.name')} rules={[{ required: true, whitespace: true, message: t('deal.required') }]}>
              <Input maxLength={200} data-testid="deal-document-name" />
            </Form.Item>
            <Form.Item name="kind" label={t('deal.documents.kind')} tooltip={t('deal.documents.kindHint')}>
              <Input maxLength={50} data-testid="deal-document-kind" />
            </Form.Item>
            <Form.Item name="url" label={t('deal.documents.url')} rules={[urlRule(t)]}>
              <Input maxLength={1000} data-testid="deal-document-url" />
            </Form.Item>
            <Form.Item label=" ">
              <Button htmlType="submit" icon={<PlusOutlined />} data-testid="deal-document-add">
                {t('deal.documents.add')}
              </Button>
            </Form.Item>
          </Space>
        </Form>
      ) : null}
    </div>
  );
}
