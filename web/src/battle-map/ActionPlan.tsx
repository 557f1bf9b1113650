import { Button, Card, List } from 'antd';
import type { Stakeholder } from '../api/battle-map';
import { useI18n } from '../i18n/i18n-context';
import { ActionItem } from './ActionItem';
import { actionPlan } from './action-plan';

interface ActionPlanProps {
  opportunityId: string;
  stakeholders: Stakeholder[];
  userNames: ReadonlyMap<string, string>;
  canEdit: boolean;
  onOpen: (stakeholder: Stakeholder) => void;
  onChanged: () => void;
}

/** Every planned action of the deal in one list, next due first: who of us visits whom, by when. */
export function ActionPlan({ opportunityId, stakeholders, userNames, canEdit, onOpen, onChanged }: ActionPlanProps) {
  const { t } = useI18n();
  const plan = actionPlan(stakeholders);
  if (plan.length === 0) return null;
  return (
    <Card size="small" title={t('battleMap.actionPlan')} className="l2c-section l2c-bm-plan" data-testid="bm-action-plan">
      <List
        size="small"
        dataSource={plan}
        rowKey={(p) => p.action.id}
        renderItem={(p) => (
          <ActionItem
            opportunityId={opportunityId}
            action={p.action}
            userNames={userNames}
            canEdit={canEdit}
            onChanged={onChanged}
            subject={
              <Button type="link" size="small" className="l2c-bm-subject-link" onClick={() => onOpen(p.stakeholder)}>
                {p.stakeholder.contactName ?? t('battleMap.hiddenContact')}
              </Button>
            }
          />
        )}
      />
    </Card>
  );
}
