import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, InputNumber, Select, Space, Switch } from 'antd';
import { nurtureApi, nurtureKeys, nurtureProgramsApi, type NurtureProgram, type Pool } from '../api/nurture';
import { useI18n } from '../i18n/i18n-context';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { formToRule, ruleToForm, type RuleFormValues } from './program-steps';
import { useNurtureLabels } from './use-nurture-labels';

const POOLS: Pool[] = ['warm', 'cold', 'recycled'];
const STATUSES = ['new', 'mql', 'recycled'] as const;
const GRADES = ['A', 'B', 'C', 'D'];

interface RuleEditorProps {
  program: NurtureProgram;
  canEdit: boolean;
  onSaved: (program: NurtureProgram) => void;
}

/** Who joins the program by itself while it is active: pools and lead criteria. */
export function RuleEditor({ program, canEdit, onSaved }: RuleEditorProps) {
  const { t } = useI18n();
  const labels = useNurtureLabels();
  const showError = useErrorFeedback();
  const [form] = Form.useForm<RuleFormValues>();
  const auto = Form.useWatch('auto', form);
  const [saving, setSaving] = useState(false);
  const pools = useQuery({ queryKey: nurtureKeys.pools(), queryFn: ({ signal }) => nurtureApi.pools(signal) });
  const thresholds = pools.data?.thresholds;

  const save = async (values: RuleFormValues) => {
    setSaving(true);
    try {
      onSaved(await nurtureProgramsApi.update(program.id, { enrollmentRule: formToRule(values), version: program.version }));
    } catch (error) {
      showError(error, t('error.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<RuleFormValues>
      form={form}
      layout="vertical"
      initialValues={ruleToForm(program.enrollmentRule)}
      disabled={!canEdit}
      onFinish={(values) => void save(values)}
      data-testid="nurture-rule-form"
      style={{ maxWidth: 640 }}
    >
      <Form.Item name="auto" label={t('nurture.rule.auto')} valuePropName="checked" extra={t('nurture.rule.autoHelp')}>
        <Switch data-testid="nurture-rule-auto" />
      </Form.Item>
      {auto ? (
        <>
          <Form.Item name="pools" label={t('nurture.rule.pools')}>
            <Checkbox.Group options={POOLS.map((p) => ({ value: p, label: labels.pool(p) }))} data-testid="nurture-rule-pools" />
          </Form.Item>
          {thresholds ? (
            <Alert
              type="info"
              showIcon
              className="l2c-form-alert"
              title={t('nurture.pool.definition', { score: thresholds.warmMinScore, days: thresholds.coldInactiveDays })}
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <Form.Item name="statuses" label={t('nurture.rule.statuses')} extra={t('nurture.rule.statusesHelp')}>
            <Select mode="multiple" options={STATUSES.map((s) => ({ value: s, label: t(`nurture.leadStatus.${s}`) }))} data-testid="nurture-rule-statuses" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="minScore" label={t('nurture.rule.minScore')}>
              <InputNumber data-testid="nurture-rule-min-score" />
            </Form.Item>
            <Form.Item name="maxScore" label={t('nurture.rule.maxScore')}>
              <InputNumber data-testid="nurture-rule-max-score" />
            </Form.Item>
          </Space>
          <Form.Item name="grades" label={t('nurture.rule.grades')}>
            <Select mode="multiple" options={GRADES.map((g) => ({ value: g, label: g }))} data-testid="nurture-rule-grades" />
          </Form.Item>
          <Form.Item name="sources" label={t('nurture.rule.sources')} extra={t('nurture.rule.listHelp')}>
            <Select mode="tags" open={false} data-testid="nurture-rule-sources" />
          </Form.Item>
          <Form.Item name="industries" label={t('nurture.rule.industries')} extra={t('nurture.rule.listHelp')}>
            <Select mode="tags" open={false} data-testid="nurture-rule-industries" />
          </Form.Item>
        </>
      ) : null}
      {canEdit ? (
        <Button type="primary" htmlType="submit" loading={saving} data-testid="nurture-rule-save">
          {t('action.save')}
        </Button>
      ) : null}
    </Form>
  );
}
