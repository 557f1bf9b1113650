import { useEffect, useRef } from 'react';
import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { requiredRule } from '../shared/form-rules';
import { useI18n } from '../i18n/i18n-context';
import type { RuleValue } from '../api/scoring';
import { coerceValue, shapeOf, type RuleFormValues } from './rule-form-values';
import { DETAIL_FIELDS, ENGAGEMENT_KINDS, FIT_FIELDS, fieldOf, OPERATOR_LABELS, operatorsFor } from './rule-vocabulary';
import { RuleValueInput } from './RuleValueInput';

/** The fields of a scoring rule; the condition's inputs follow the field and operator chosen. */
export function RuleInputs() {
  const { t } = useI18n();
  const form = Form.useFormInstance<RuleFormValues>();
  const category = (Form.useWatch('category', form) ?? 'fit') as RuleFormValues['category'];
  const field = (Form.useWatch('field', form) ?? null) as string | null;
  const operator = (Form.useWatch('operator', form) ?? null) as RuleFormValues['operator'];
  const withCondition = Boolean(Form.useWatch('withCondition', form));
  const fit = category === 'fit';
  const conditioned = fit || withCondition;
  const type = fieldOf(category, field)?.type;
  const operators = operatorsFor(type);
  const shape = shapeOf({ category, field, operator, withCondition });

  // A field of another type may not take the operator; a new shape reshapes the value.
  useEffect(() => {
    if (conditioned && operator && !operators.includes(operator)) form.setFieldValue('operator', operators[0]);
  }, [conditioned, operator, operators, form]);
  const lastShape = useRef(shape);
  useEffect(() => {
    if (lastShape.current === shape) return;
    lastShape.current = shape;
    form.setFieldValue('value', coerceValue(form.getFieldValue('value') as RuleValue, shape));
  }, [shape, form]);

  const fieldOptions = (fit ? FIT_FIELDS : DETAIL_FIELDS).map((f) => ({ value: f.key, label: t(f.labelKey) }));

  return (
    <>
      <Form.Item name="category" hidden>
        <Input />
      </Form.Item>
      <Form.Item name="name" label={t('scoring.form.name')} rules={[requiredRule(t)]}>
        <Input maxLength={100} data-testid="scoring-rule-name" />
      </Form.Item>
      {fit ? null : (
        <>
          <Form.Item name="eventKind" label={t('scoring.form.eventKind')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select
              options={ENGAGEMENT_KINDS.map((k) => ({ value: k.key, label: t(k.labelKey) }))}
              data-testid="scoring-rule-event-kind"
            />
          </Form.Item>
          <Form.Item name="withCondition" valuePropName="checked" label={t('scoring.form.withCondition')}>
            <Switch
              data-testid="scoring-rule-with-condition"
              onChange={(on) => {
                form.setFieldValue('field', on ? 'dwellSeconds' : null);
                form.setFieldValue('operator', on ? 'gte' : null);
              }}
            />
          </Form.Item>
        </>
      )}
      {conditioned ? (
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="field" label={fit ? t('scoring.form.field') : t('scoring.form.detail')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select options={fieldOptions} data-testid="scoring-rule-field" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={6}>
            <Form.Item name="operator" label={t('scoring.form.operator')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select options={operators.map((o) => ({ value: o, label: t(OPERATOR_LABELS[o]) }))} data-testid="scoring-rule-operator" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            {shape === 'none' ? null : (
              <Form.Item
                name="value"
                label={t('scoring.form.value')}
                extra={operator === 'contains' ? t('scoring.form.keywordsHelp') : shape === 'list' ? t('scoring.form.valuesHelp') : undefined}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <RuleValueInput shape={shape} category={category} field={field} keywords={operator === 'contains'} />
              </Form.Item>
            )}
          </Col>
        </Row>
      ) : null}
      <Row gutter={12}>
        <Col xs={12} sm={8}>
          <Form.Item
            name="points"
            label={fit ? t('scoring.form.points') : t('scoring.form.pointsEach')}
            extra={t('scoring.form.pointsHelp')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <InputNumber className="l2c-full-width" min={-1000} max={1000} precision={0} data-testid="scoring-rule-points" />
          </Form.Item>
        </Col>
        {fit ? null : (
          <>
            <Col xs={12} sm={8}>
              <Form.Item name="cap" label={t('scoring.form.cap')} extra={t('scoring.form.capHelp')}>
                <InputNumber className="l2c-full-width" min={1} precision={0} data-testid="scoring-rule-cap" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8}>
              <Form.Item name="halfLifeDays" label={t('scoring.form.halfLife')} extra={t('scoring.form.halfLifeHelp')}>
                <InputNumber className="l2c-full-width" min={0.1} max={3650} data-testid="scoring-rule-half-life" />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>
      <Row gutter={12}>
        <Col xs={12} sm={8}>
          <Form.Item name="order" label={t('scoring.form.order')}>
            <InputNumber className="l2c-full-width" min={0} precision={0} data-testid="scoring-rule-order" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="active" valuePropName="checked" label={t('scoring.form.active')}>
            <Switch data-testid="scoring-rule-active" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
