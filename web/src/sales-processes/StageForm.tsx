import { useMemo } from 'react';
import { Button, Checkbox, Col, Divider, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { STAKEHOLDER_CHECKS } from '../api/battle-map';
import { salesProcessesApi, type SalesProcess, type Stage } from '../api/sales-processes';
import { useI18n } from '../i18n/i18n-context';
import { requiredRule } from '../shared/form-rules';
import { RecordFormDrawer } from '../shared/RecordFormDrawer';
import { STAGE_FIELD_ALIASES, STAGE_FORM_FIELDS, toStageFormValues, toStageInput, type StageFormValues } from './stage-values';
import { useProcessLabels } from './use-process-labels';

interface StageFormProps {
  open: boolean;
  process: SalesProcess;
  /** null: a new stage, added after the last open one. */
  stage: Stage | null;
  onClose: () => void;
  onSaved: (process: SalesProcess) => void;
}

/**
 * A stage: its name, default win rate, forecast category and the exit criteria a deal must meet
 * before it leaves the stage — checklist items, required fields, documents and battle-map coverage.
 * Won and lost stages have fixed win rates and no exit criteria: only their name changes.
 */
export function StageForm({ open, process, stage, onClose, onSaved }: StageFormProps) {
  const { t } = useI18n();
  const labels = useProcessLabels();
  const closing = !!stage && (stage.isWon || stage.isLost);
  const initialValues = useMemo(() => toStageFormValues(stage), [stage, open]);

  const submit = (values: StageFormValues) => {
    if (closing && stage) return salesProcessesApi.editStage(process.id, stage.id, { name: values.name.trim(), version: process.version });
    const input = toStageInput(values, process, stage?.id ?? null);
    return stage
      ? salesProcessesApi.editStage(process.id, stage.id, { ...input, version: process.version })
      : salesProcessesApi.addStage(process.id, { ...input, version: process.version });
  };

  return (
    <RecordFormDrawer<StageFormValues, SalesProcess>
      open={open}
      title={stage ? t('salesProcess.editStage', { name: stage.name }) : t('salesProcess.addStage')}
      testId="stage-form"
      initialValues={initialValues}
      fieldNames={STAGE_FORM_FIELDS}
      fieldAliases={STAGE_FIELD_ALIASES}
      onSubmit={submit}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('salesProcess.stageName')} rules={[requiredRule(t)]}>
        <Input maxLength={100} data-testid="stage-form-name" />
      </Form.Item>
      {closing ? (
        <Typography.Paragraph type="secondary">{t('salesProcess.closingFixed')}</Typography.Paragraph>
      ) : (
        <>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="probability"
                label={t('salesProcess.probability')}
                // A number: the text rule's whitespace check would refuse it.
                rules={[{ required: true, message: t('validation.required') }]}
                extra={t('salesProcess.probabilityHelp')}
              >
                <InputNumber min={0} max={100} precision={0} suffix="%" className="l2c-full-width" data-testid="stage-form-probability" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="forecastCategory" label={t('salesProcess.forecastCategory')} rules={[requiredRule(t)]}>
                <Select options={labels.forecastOptions} data-testid="stage-form-forecast" />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start">{t('salesProcess.exitCriteria')}</Divider>
          <Typography.Paragraph type="secondary">{t('salesProcess.exitCriteriaHelp')}</Typography.Paragraph>
          <Form.Item label={t('salesProcess.checklist')} extra={t('salesProcess.checklistHelp')} required={false}>
            <Form.List name="checklist">
              {(fields, { add, remove }) => (
                <Space orientation="vertical" className="l2c-full-width" data-testid="stage-form-checklist">
                  {fields.map((field, index) => (
                    <Space.Compact key={field.key} block>
                      <Form.Item name={[field.name, 'label']} noStyle rules={[requiredRule(t)]}>
                        <Input maxLength={200} placeholder={t('salesProcess.checklistPlaceholder')} data-testid={`stage-form-checklist-${index}`} />
                      </Form.Item>
                      <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('action.delete')} />
                    </Space.Compact>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ label: '' })} block data-testid="stage-form-checklist-add">
                    {t('salesProcess.addChecklistItem')}
                  </Button>
                </Space>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item name="requiredFields" label={t('salesProcess.requiredFields')}>
            <Select mode="multiple" options={labels.fieldOptions} optionFilterProp="label" data-testid="stage-form-fields" />
          </Form.Item>
          <Form.Item name="requiredDocuments" label={t('salesProcess.requiredDocuments')} extra={t('salesProcess.requiredDocumentsHelp')}>
            <Select mode="tags" open={false} tokenSeparators={[',', '，']} data-testid="stage-form-documents" />
          </Form.Item>
          <Form.Item name="requiredStakeholders" label={t('salesProcess.requiredStakeholders')} extra={t('salesProcess.requiredStakeholdersHelp')}>
            <Checkbox.Group className="l2c-sp-checks" data-testid="stage-form-stakeholders">
              {STAKEHOLDER_CHECKS.map((check) => (
                <Checkbox key={check} value={check}>
                  {labels.check(check)}
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
        </>
      )}
    </RecordFormDrawer>
  );
}
