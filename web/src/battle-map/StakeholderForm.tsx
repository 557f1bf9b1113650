import { useMemo } from 'react';
import { Col, DatePicker, Form, Input, Rate, Row, Segmented, Select } from 'antd';
import { battleMapApi, type Stakeholder } from '../api/battle-map';
import { useMe } from '../auth/session-context';
import { ContactSelect } from '../contacts/ContactSelect';
import { useI18n } from '../i18n/i18n-context';
import { requiredRule } from '../shared/form-rules';
import { RecordFormDrawer } from '../shared/RecordFormDrawer';
import { UserSelect } from '../shared/UserSelect';
import { wouldCycle } from './org-tree';
import {
  STAKEHOLDER_FORM_FIELDS,
  stakeholderPatch,
  toStakeholderFormValues,
  toStakeholderInput,
  type StakeholderFormValues,
} from './stakeholder-form-values';
import { useBattleMapLabels } from './use-battle-map-labels';

interface StakeholderFormProps {
  open: boolean;
  opportunityId: string;
  /** Whose contacts may join the committee. */
  accountId: string | null;
  /** null: add a stakeholder. */
  stakeholder: Stakeholder | null;
  stakeholders: Stakeholder[];
  /** Names of our users, to label the current relationship owner before the options load. */
  userNames: ReadonlyMap<string, string>;
  onClose: () => void;
  onSaved: (stakeholder: Stakeholder) => void;
}

/** Add a contact of the account to the battle map, or change a stakeholder's role, level, attitude, influence and owner. */
export function StakeholderForm({ open, opportunityId, accountId, stakeholder, stakeholders, userNames, onClose, onSaved }: StakeholderFormProps) {
  const { t } = useI18n();
  const me = useMe();
  const labels = useBattleMapLabels();
  const initialValues = useMemo(() => toStakeholderFormValues(stakeholder, { ownerId: me.user.id }), [stakeholder, me.user.id, open]);
  const ownerId = stakeholder ? stakeholder.relationshipOwnerId : me.user.id;
  const ownerOption = ownerId ? { value: ownerId, label: userNames.get(ownerId) ?? (ownerId === me.user.id ? me.user.name : '') } : null;
  const onMap = useMemo(() => stakeholders.map((s) => s.contactId), [stakeholders]);
  // Whom they may report to: anyone on the map who is not themselves or below them.
  const managerOptions = stakeholders
    .filter((s) => !stakeholder || (s.id !== stakeholder.id && !wouldCycle(stakeholder.id, s.id, stakeholders)))
    .map((s) => ({ value: s.id, label: s.contactTitle ? `${s.contactName ?? ''} · ${s.contactTitle}` : (s.contactName ?? '') }));

  return (
    <RecordFormDrawer<StakeholderFormValues, Stakeholder>
      open={open}
      title={stakeholder ? t('battleMap.editTitle', { name: stakeholder.contactName ?? '' }) : t('battleMap.add')}
      testId="stakeholder-form"
      initialValues={initialValues}
      fieldNames={STAKEHOLDER_FORM_FIELDS}
      onSubmit={(values) =>
        stakeholder
          ? battleMapApi.update(opportunityId, stakeholder.id, { ...stakeholderPatch(stakeholder, values), version: stakeholder.version })
          : battleMapApi.add(opportunityId, toStakeholderInput(values))
      }
      onSaved={onSaved}
      onClose={onClose}
    >
      {stakeholder ? null : (
        <Form.Item name="contactId" label={t('battleMap.contact')} rules={[requiredRule(t)]} extra={t('battleMap.contactHelp')}>
          <ContactSelect accountId={accountId} excludeIds={onMap} testId="stakeholder-form-contact" />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="role" label={t('battleMap.role')} rules={[requiredRule(t)]}>
            <Select options={labels.roleOptions} data-testid="stakeholder-form-role" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="level" label={t('battleMap.level')}>
            <Select allowClear options={labels.levelOptions} data-testid="stakeholder-form-level" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="attitude" label={t('battleMap.attitude')}>
        <Segmented block options={labels.attitudeOptions} data-testid="stakeholder-form-attitude" />
      </Form.Item>
      {stakeholder ? (
        <Form.Item name="attitudeNote" label={t('battleMap.attitudeNote')} extra={t('battleMap.attitudeNoteHelp')}>
          <Input maxLength={500} data-testid="stakeholder-form-attitude-note" />
        </Form.Item>
      ) : null}
      <Form.Item name="reportsToId" label={t('battleMap.reportsTo')} extra={t('battleMap.reportsToHelp')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={managerOptions} data-testid="stakeholder-form-reports-to" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="influence" label={t('battleMap.influence')}>
            <Rate count={5} allowClear={false} data-testid="stakeholder-form-influence" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="lastContactAt" label={t('battleMap.lastContact')}>
            <DatePicker className="l2c-full-width" data-testid="stakeholder-form-last-contact" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="relationshipOwnerId" label={t('battleMap.owner')} extra={t('battleMap.ownerHelp')}>
        <UserSelect initialOption={ownerOption} testId="stakeholder-form-owner" />
      </Form.Item>
      <Form.Item name="notes" label={t('battleMap.notes')}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="stakeholder-form-notes" />
      </Form.Item>
    </RecordFormDrawer>
  );
}
