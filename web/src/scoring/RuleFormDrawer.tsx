import { Button, Form } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { isApiError } from '../api/api-error';
import { scoringApi, type RulePreviewInput, type ScoringRule } from '../api/scoring';
import { useI18n } from '../i18n/i18n-context';
import { RecordFormDrawer } from '../shared/RecordFormDrawer';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { ImpactPreview } from './ImpactPreview';
import { formFieldOf, toFormValues, toRuleInput, type RuleFormValues } from './rule-form-values';
import { RuleInputs } from './RuleInputs';
import { usePreview } from './usePreview';
import './scoring.css';

const FIELD_NAMES = ['name', 'eventKind', 'withCondition', 'field', 'operator', 'value', 'points', 'cap', 'halfLifeDays', 'order', 'active'];

interface RuleFormDrawerProps {
  /** The rule edited, or null with `category` for a new one. */
  editing: { rule: ScoringRule | null; category: RuleFormValues['category']; order: number } | null;
  onClose: () => void;
  onSaved: (rule: ScoringRule) => void;
}

/** The input of a preview of this form: the rule as added, or as changed. */
function previewInput(rule: ScoringRule | null, values: RuleFormValues): RulePreviewInput {
  const input = toRuleInput(values);
  return rule ? { changed: [{ id: rule.id, ...input }] } : { added: [input] };
}

/** Shows, inside the rule form, how many leads the rule as typed would move, before it is saved. */
function PreviewSection({ rule }: { rule: ScoringRule | null }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<RuleFormValues>();
  const showError = useErrorFeedback();
  const { preview, loading, run, isStale } = usePreview();
  // Any change of the form re-renders this section; the whole store (hidden inputs too) is compared.
  const watched = Form.useWatch([], form) as unknown;
  const stale = preview !== null && watched !== undefined && isStale(previewInput(rule, form.getFieldsValue(true) as RuleFormValues));

  const onPreview = async () => {
    try {
      await form.validateFields();
      await run(previewInput(rule, form.getFieldsValue(true) as RuleFormValues));
    } catch (error) {
      if (isApiError(error) && error.is('VALIDATION_FAILED')) {
        form.setFields(error.fieldErrors.map((e) => ({ name: formFieldOf(e.field), errors: [e.message] })) as never);
      } else if (isApiError(error)) {
        showError(error);
      }
      // Otherwise the form's own validation marked the fields.
    }
  };

  return (
    <div className="l2c-section">
      <Button icon={<EyeOutlined />} loading={loading} onClick={() => void onPreview()} data-testid="scoring-rule-preview">
        {t('scoring.preview.action')}
      </Button>
      <div className="l2c-score-preview-hint">{t('scoring.preview.hint')}</div>
      {preview ? <ImpactPreview preview={preview} stale={stale} /> : null}
    </div>
  );
}

/** Add or edit a scoring rule, with a preview of its impact on the leads before saving. */
export function RuleFormDrawer({ editing, onClose, onSaved }: RuleFormDrawerProps) {
  const { t } = useI18n();
  const rule = editing?.rule ?? null;
  return (
    <RecordFormDrawer<RuleFormValues, ScoringRule>
      open={editing !== null}
      title={rule ? t('scoring.editRule') : t('scoring.addRule')}
      testId="scoring-rule-form"
      initialValues={editing ? toFormValues(rule, editing.category, editing.order) : {}}
      fieldNames={FIELD_NAMES}
      onSubmit={(values) => {
        const input = toRuleInput({ ...toFormValues(rule, values.category ?? editing!.category), ...values });
        return rule ? scoringApi.updateRule(rule.id, { ...input, version: rule.version }) : scoringApi.createRule(input);
      }}
      onSaved={onSaved}
      onClose={onClose}
    >
      <RuleInputs />
      <PreviewSection rule={rule} />
    </RecordFormDrawer>
  );
}
