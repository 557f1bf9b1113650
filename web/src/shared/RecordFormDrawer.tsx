import { useState, type ReactNode } from 'react';
import { Alert, Button, Drawer, Form, Space } from 'antd';
import { isApiError } from '../api/api-error';
import { useI18n } from '../i18n/i18n-context';
import { mapFieldErrors } from './form-errors';
import { useErrorFeedback } from './use-error-feedback';
import { useIsPhone } from './use-is-phone';

export interface RecordFormDrawerProps<TValues extends object, TResult> {
  open: boolean;
  title: string;
  /** Prefix of the test ids: `<testId>`, `<testId>-submit`, `<testId>-cancel`, `<testId>-conflict`. */
  testId: string;
  initialValues: Partial<TValues>;
  /** Form field names; server errors on other fields are shown in a notification instead. */
  fieldNames: readonly string[];
  /** Server field paths to show on another form field, e.g. `registeredCapital` → `registeredCapital.amount`. */
  fieldAliases?: Readonly<Record<string, string>>;
  onSubmit: (values: TValues) => Promise<TResult>;
  onSaved: (result: TResult) => void;
  onClose: () => void;
  /** After a 409 VERSION_CONFLICT: fetch the latest record and return its form values. */
  onReload?: () => Promise<Partial<TValues>>;
  submitLabel?: string;
  children: ReactNode;
}

/**
 * Create/edit form in a drawer (full screen on phones). Client validation comes from the inputs'
 * rules; server VALIDATION_FAILED errors are put on their fields; a version conflict offers a reload.
 */
export function RecordFormDrawer<TValues extends object, TResult>(props: RecordFormDrawerProps<TValues, TResult>) {
  const isPhone = useIsPhone();
  return (
    <Drawer
      open={props.open}
      title={props.title}
      onClose={props.onClose}
      destroyOnHidden
      size={isPhone ? '100%' : 640}
      data-testid={props.testId}
    >
      {props.open ? <RecordFormBody {...props} /> : null}
    </Drawer>
  );
}

function RecordFormBody<TValues extends object, TResult>({
  testId,
  initialValues,
  fieldNames,
  fieldAliases,
  onSubmit,
  onSaved,
  onClose,
  onReload,
  submitLabel,
  children,
}: RecordFormDrawerProps<TValues, TResult>) {
  const [form] = Form.useForm<TValues>();
  const { t } = useI18n();
  const showError = useErrorFeedback();
  const [submitting, setSubmitting] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);

  const handleFinish = async (values: TValues) => {
    setSubmitting(true);
    setConflict(false);
    try {
      const result = await onSubmit(values);
      onSaved(result);
    } catch (error) {
      if (isApiError(error) && error.is('VALIDATION_FAILED')) {
        const { fields, unmatched } = mapFieldErrors(error.fieldErrors, fieldNames, fieldAliases);
        form.setFields(fields as Parameters<typeof form.setFields>[0]);
        if (fields.length === 0 || unmatched.length > 0) {
          showError(
            unmatched.length > 0
              ? new Error(unmatched.map((item) => `${item.field}: ${item.message}`).join('\n'))
              : error,
            t('error.validationTitle'),
          );
        }
      } else if (isApiError(error) && error.is('VERSION_CONFLICT')) {
        setConflict(true);
      } else {
        showError(error, t('error.saveFailed'));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const handleReload = async () => {
    if (!onReload) return;
    setReloading(true);
    try {
      const latest = await onReload();
      form.resetFields();
      form.setFieldsValue(latest as Parameters<typeof form.setFieldsValue>[0]);
      setConflict(false);
    } catch (error) {
      showError(error);
    } finally {
      setReloading(false);
    }
  };

  return (
    <Form<TValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => void handleFinish(values)}
      scrollToFirstError
      data-testid={`${testId}-form`}
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          className="l2c-form-alert"
          title={t('error.versionConflictTitle')}
          description={t('error.versionConflict')}
          data-testid={`${testId}-conflict`}
          action={
            onReload ? (
              <Button size="small" loading={reloading} onClick={() => void handleReload()}>
                {t('action.reload')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      {children}
      <div className="l2c-form-actions">
        <Space>
          <Button onClick={onClose} data-testid={`${testId}-cancel`}>
            {t('action.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid={`${testId}-submit`}>
            {submitLabel ?? t('action.save')}
          </Button>
        </Space>
      </div>
    </Form>
  );
}
