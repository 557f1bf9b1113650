import { useMemo, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Form, Input, Result, Skeleton, Typography } from 'antd';
import { useParams } from 'react-router';
import { isApiError } from '../api/api-error';
import { queryKeys } from '../api/query-keys';
import { publicFormsApi } from '../api/resources';
import type { PublicForm, ResponseSubmission } from '../api/types';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { useI18n } from '../i18n/i18n-context';
import { errorText } from '../shared/error-text';
import { emailRule } from '../shared/form-rules';
import { mapFieldErrors } from '../shared/form-errors';
import { toResponseSubmission } from './campaign-form-values';
import { FIELD_KEYS } from './use-campaign-labels';
import './campaigns.css';

type Values = Record<string, string | boolean | undefined>;

const newSubmissionId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

function Shell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="l2c-public-form-page" data-testid="public-form-page">
      <div className="l2c-public-form-top">
        <LanguageSwitch />
      </div>
      <Card className="l2c-public-form-card">{children}</Card>
      <Typography.Text type="secondary" className="l2c-public-form-footer">
        {t('publicForm.poweredBy')}
      </Typography.Text>
    </div>
  );
}

function FormBody({ form: definition }: { form: PublicForm }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [closed, setClosed] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // One id per filled-in form: a double click or a retry counts once.
  const [submissionId, setSubmissionId] = useState(newSubmissionId);
  const fieldNames = useMemo(() => [...definition.fields.map((f) => f.name), 'consent'], [definition.fields]);
  const has = (name: string) => definition.fields.some((f) => f.name === name);

  const submit = async (values: Values) => {
    setSubmitting(true);
    setFailure(null);
    try {
      const { consent, website_url: honeypot, ...text } = values;
      const input: ResponseSubmission = {
        ...toResponseSubmission(text as Record<string, string | undefined>),
        ...(definition.consentRequired ? { consent: consent === true } : {}),
      };
      const result = await publicFormsApi.submit(definition.formKey, { ...input, website_url: (honeypot as string | undefined) ?? '' }, submissionId);
      setDone(result.message);
    } catch (error) {
      if (isApiError(error) && error.code === 'FORM_CLOSED') setClosed(true);
      else if (isApiError(error) && error.is('VALIDATION_FAILED')) {
        const { fields, unmatched } = mapFieldErrors(error.fieldErrors, fieldNames);
        form.setFields(fields as Parameters<typeof form.setFields>[0]);
        if (unmatched.length > 0 || fields.length === 0) setFailure(errorText(error, t));
      } else setFailure(errorText(error, t));
    } finally {
      setSubmitting(false);
    }
  };

  if (closed || !definition.open) {
    return <Result status="info" title={t('publicForm.closedTitle')} subTitle={t('publicForm.closedBody')} data-testid="public-form-closed" />;
  }
  if (done) {
    return (
      <Result
        status="success"
        title={t('publicForm.thankYouTitle')}
        subTitle={done}
        data-testid="public-form-done"
        extra={
          <Button
            onClick={() => {
              form.resetFields();
              setSubmissionId(newSubmissionId());
              setDone(null);
            }}
            data-testid="public-form-again"
          >
            {t('publicForm.another')}
          </Button>
        }
      />
    );
  }

  // E-mail or phone: when the form shows both and neither is required, one of them must be given.
  const eitherContact = has('email') && has('phone');
  const contactRule = {
    validator: () => {
      if (!eitherContact) return Promise.resolve();
      const { email, phone } = form.getFieldsValue(['email', 'phone']) as Values;
      return String(email ?? '').trim() || String(phone ?? '').trim() ? Promise.resolve() : Promise.reject(new Error(t('publicForm.emailOrPhone')));
    },
  };

  return (
    <>
      <Typography.Title level={3} data-testid="public-form-heading">
        {definition.title}
      </Typography.Title>
      {definition.description ? <Typography.Paragraph className="l2c-public-form-description">{definition.description}</Typography.Paragraph> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void submit(values)} requiredMark data-testid="public-form">
        {definition.fields.map(({ name, required }) => {
          const alone = (name === 'email' || name === 'phone') && !eitherContact;
          const rules = [
            ...(required || name === 'name' || alone ? [{ required: true, whitespace: true, message: t('validation.required') }] : []),
            ...(name === 'email' ? [emailRule(t)] : []),
            ...((name === 'email' || name === 'phone') && !required ? [contactRule] : []),
            { max: name === 'message' ? 2000 : 200, message: t('validation.tooLong', { max: name === 'message' ? 2000 : 200 }) },
          ];
          return (
            <Form.Item
              key={name}
              name={name}
              label={t(FIELD_KEYS[name])}
              rules={rules}
              dependencies={name === 'email' ? ['phone'] : name === 'phone' ? ['email'] : undefined}
            >
              {name === 'message' ? (
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid={`public-form-${name}`} />
              ) : (
                <Input
                  inputMode={name === 'email' ? 'email' : name === 'phone' ? 'tel' : undefined}
                  autoComplete={name === 'name' ? 'name' : name === 'email' ? 'email' : name === 'phone' ? 'tel' : name === 'company' ? 'organization' : 'on'}
                  data-testid={`public-form-${name}`}
                />
              )}
            </Form.Item>
          );
        })}
        {/* A trap for bots: people never see it, so whoever fills it in is not a person. */}
        <div className="l2c-honeypot" aria-hidden="true">
          <Form.Item name="website_url" label={t('publicForm.honeypot')}>
            <Input tabIndex={-1} autoComplete="off" />
          </Form.Item>
        </div>
        {definition.consentRequired ? (
          <Form.Item
            name="consent"
            valuePropName="checked"
            rules={[{ validator: (_r, v: unknown) => (v === true ? Promise.resolve() : Promise.reject(new Error(t('publicForm.consentRequired')))) }]}
          >
            <Checkbox data-testid="public-form-consent">{definition.consentText}</Checkbox>
          </Form.Item>
        ) : null}
        {failure ? <Typography.Paragraph type="danger" data-testid="public-form-error">{failure}</Typography.Paragraph> : null}
        <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="public-form-submit">
          {t('publicForm.submit')}
        </Button>
      </Form>
    </>
  );
}

/** The public registration page of a campaign at /f/{formKey}: no sign-in, any device. */
export function PublicFormPage() {
  const { formKey = '' } = useParams();
  const { t, locale } = useI18n();
  const definition = useQuery({
    queryKey: [...queryKeys.publicForm(formKey), locale],
    queryFn: ({ signal }) => publicFormsApi.get(formKey, signal),
    retry: false,
  });
  return (
    <Shell>
      {definition.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : definition.isError ? (
        isApiError(definition.error) && definition.error.status === 404 ? (
          <Result status="404" title={t('publicForm.notFoundTitle')} subTitle={t('publicForm.notFoundBody')} data-testid="public-form-not-found" />
        ) : (
          <Result status="error" title={t('error.loadFailed')} subTitle={errorText(definition.error, t)} />
        )
      ) : (
        <FormBody form={definition.data} />
      )}
    </Shell>
  );
}
