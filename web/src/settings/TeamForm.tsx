import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Form, Input } from 'antd';
import { queryKeys } from '../api/query-keys';
import { teamsApi } from '../api/resources';
import type { Team } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { requiredRule } from '../shared/form-rules';
import { RecordFormDrawer } from '../shared/RecordFormDrawer';
import { TeamSelect } from './TeamSelect';

interface TeamFormValues {
  name: string;
  parentId?: string | null;
}

interface TeamFormProps {
  open: boolean;
  team: Team | null;
  /** Parent preset when adding a team below the selected one. */
  parentId?: string | null;
  onClose: () => void;
  onSaved?: (team: Team) => void;
}

export function TeamForm({ open, team, parentId, onClose, onSaved }: TeamFormProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const initialValues = useMemo<TeamFormValues>(
    () => (team ? { name: team.name, parentId: team.parentId } : { name: '', parentId: parentId ?? null }),
    [team, parentId],
  );

  const submit = (values: TeamFormValues): Promise<Team> => {
    const input = { name: values.name.trim(), parentId: values.parentId ?? null };
    return team ? teamsApi.update(team.id, { ...input, version: team.version }) : teamsApi.create(input);
  };

  return (
    <RecordFormDrawer<TeamFormValues, Team>
      open={open}
      title={team ? t('team.edit') : t('team.create')}
      testId="team-form"
      initialValues={initialValues}
      fieldNames={['name', 'parentId']}
      onSubmit={submit}
      onSaved={(saved) => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.all('teams') });
        onSaved?.(saved);
        onClose();
      }}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('team.name')} rules={[requiredRule(t)]}>
        <Input data-testid="team-form-name" autoFocus />
      </Form.Item>
      <Form.Item name="parentId" label={t('team.parent')} extra={t('team.parentHelp')}>
        <TeamSelect excludeSubtreeOf={team?.id} testId="team-form-parent" />
      </Form.Item>
    </RecordFormDrawer>
  );
}
