import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Dropdown, Empty, InputNumber, Select, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  emailTemplatesApi, nurtureKeys, nurtureProgramsApi, type BranchCondition, type NurtureProgram, type NurtureStep, type StepType,
} from '../api/nurture';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { branchTargets, insertStep, moveStep, newStep, removeStep, stepProblems, type StepProblem } from './program-steps';
import { useNurtureLabels } from './use-nurture-labels';

const STEP_TYPES: StepType[] = ['send_email', 'wait', 'branch', 'exit'];
const CONDITIONS: BranchCondition[] = ['opened', 'clicked', 'visited'];
const PROBLEM_KEYS: Record<StepProblem, MessageKey> = {
  template: 'nurture.problem.template',
  wait: 'nurture.problem.wait',
  target: 'nurture.problem.target',
  window: 'nurture.problem.window',
};

interface StepEditorProps {
  program: NurtureProgram;
  canEdit: boolean;
  onSaved: (program: NurtureProgram) => void;
}

/** The ordered steps of a program: add, remove, reorder, and wire each branch to later steps. */
export function StepEditor({ program, canEdit, onSaved }: StepEditorProps) {
  const { t } = useI18n();
  const labels = useNurtureLabels();
  const showError = useErrorFeedback();
  const [steps, setSteps] = useState<NurtureStep[]>(program.steps);
  const [saving, setSaving] = useState(false);
  const dirty = JSON.stringify(steps) !== JSON.stringify(program.steps);
  const problems = useMemo(() => stepProblems(steps), [steps]);

  const templates = useQuery({
    queryKey: nurtureKeys.templateOptions(),
    queryFn: ({ signal }) => emailTemplatesApi.list({ limit: 200, sort: 'name' }, signal),
  });
  const templateOptions = (templates.data?.data ?? []).map((tpl) => ({ value: tpl.id, label: `${tpl.name} · ${tpl.locale}` }));

  const update = (index: number, step: NurtureStep) => setSteps((all) => all.map((s, i) => (i === index ? step : s)));
  const stepName = (index: number) => `#${index + 1} ${labels.stepType(steps[index].type)}`;

  const save = async () => {
    setSaving(true);
    try {
      onSaved(await nurtureProgramsApi.update(program.id, { steps, version: program.version }));
    } catch (error) {
      showError(error, t('error.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  const fields = (step: NurtureStep, index: number) => {
    switch (step.type) {
      case 'send_email':
        return (
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            value={step.templateId || undefined}
            placeholder={t('nurture.step.chooseTemplate')}
            options={templateOptions}
            loading={templates.isPending}
            disabled={!canEdit}
            onChange={(templateId: string) => update(index, { ...step, templateId })}
            data-testid="nurture-step-template"
          />
        );
      case 'wait':
        return (
          <>
            <InputNumber
              min={0}
              max={365}
              value={step.days ?? 0}
              disabled={!canEdit}
              suffix={t('nurture.step.days')}
              onChange={(days) => update(index, { ...step, days: days ?? 0 })}
              data-testid="nurture-step-days"
            />
            <InputNumber
              min={0}
              max={23}
              value={step.hours ?? 0}
              disabled={!canEdit}
              suffix={t('nurture.step.hours')}
              onChange={(hours) => update(index, { ...step, hours: hours ?? 0 })}
              data-testid="nurture-step-hours"
            />
          </>
        );
      case 'branch': {
        const targets = branchTargets(steps.length, index).map((i) => ({ value: i, label: stepName(i) }));
        return (
          <>
            <span>{t('nurture.step.if')}</span>
            <Select
              value={step.if}
              disabled={!canEdit}
              options={CONDITIONS.map((c) => ({ value: c, label: labels.condition(c) }))}
              onChange={(condition: BranchCondition) => update(index, { ...step, if: condition })}
              data-testid="nurture-step-condition"
            />
            <InputNumber
              min={1}
              max={365}
              value={step.withinDays}
              disabled={!canEdit}
              prefix={t('nurture.step.within')}
              suffix={t('nurture.step.days')}
              onChange={(withinDays) => update(index, { ...step, withinDays: withinDays ?? 1 })}
              data-testid="nurture-step-within"
            />
            <span>{t('nurture.step.then')}</span>
            <Select
              value={targets.some((o) => o.value === step.then) ? step.then : undefined}
              options={targets}
              disabled={!canEdit}
              placeholder={t('nurture.step.chooseTarget')}
              onChange={(then: number) => update(index, { ...step, then })}
              data-testid="nurture-step-then"
            />
            <span>{t('nurture.step.else')}</span>
            <Select
              value={targets.some((o) => o.value === step.else) ? step.else : undefined}
              options={targets}
              disabled={!canEdit}
              placeholder={t('nurture.step.chooseTarget')}
              onChange={(target: number) => update(index, { ...step, else: target })}
              data-testid="nurture-step-else"
            />
          </>
        );
      }
      case 'exit':
        return <Typography.Text type="secondary">{t('nurture.step.exitHelp')}</Typography.Text>;
    }
  };

  return (
    <div data-testid="nurture-step-editor">
      {steps.length === 0 ? <Empty description={t('nurture.step.empty')} /> : null}
      <div className="l2c-step-list">
        {steps.map((step, index) => (
          <Card
            key={index}
            size="small"
            className="l2c-step-card"
            title={stepName(index)}
            data-testid="nurture-step"
            extra={
              canEdit ? (
                <Space size={4}>
                  <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={t('nurture.step.up')} disabled={index === 0}
                    onClick={() => setSteps((all) => moveStep(all, index, index - 1))} data-testid="nurture-step-up" />
                  <Button size="small" type="text" icon={<ArrowDownOutlined />} aria-label={t('nurture.step.down')} disabled={index === steps.length - 1}
                    onClick={() => setSteps((all) => moveStep(all, index, index + 1))} data-testid="nurture-step-down" />
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('action.delete')}
                    onClick={() => setSteps((all) => removeStep(all, index))} data-testid="nurture-step-remove" />
                </Space>
              ) : null
            }
          >
            <div className="l2c-step-fields">{fields(step, index)}</div>
            {problems.get(index)?.map((problem) => (
              <Alert key={problem} type="warning" showIcon className="l2c-form-alert" title={t(PROBLEM_KEYS[problem])} style={{ marginTop: 8 }} />
            ))}
          </Card>
        ))}
      </div>
      {canEdit ? (
        <div className="l2c-step-actions">
          <Dropdown
            menu={{
              items: STEP_TYPES.map((type) => ({ key: type, label: labels.stepType(type) })),
              onClick: ({ key }) => setSteps((all) => insertStep(all, newStep(key as StepType, all.length, all.length + 1))),
            }}
          >
            <Button icon={<PlusOutlined />} data-testid="nurture-step-add">{t('nurture.step.add')}</Button>
          </Dropdown>
          <Button type="primary" disabled={!dirty || problems.size > 0} loading={saving} onClick={() => void save()} data-testid="nurture-steps-save">
            {t('action.save')}
          </Button>
          {dirty ? (
            <Button onClick={() => setSteps(program.steps)} data-testid="nurture-steps-reset">{t('nurture.step.discard')}</Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
