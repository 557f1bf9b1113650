import { useMemo } from 'react';
import type { BranchCondition, EnrollmentStatus, Pool, ProgramStatus, StepType, Suppression } from '../api/nurture';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';

const PROGRAM_STATUS: Record<ProgramStatus, MessageKey> = {
  draft: 'nurture.status.draft',
  active: 'nurture.status.active',
  paused: 'nurture.status.paused',
  archived: 'nurture.status.archived',
};

export const PROGRAM_STATUS_COLORS: Record<ProgramStatus, string> = {
  draft: 'default',
  active: 'green',
  paused: 'gold',
  archived: 'default',
};

const ENROLLMENT_STATUS: Record<EnrollmentStatus, MessageKey> = {
  active: 'nurture.enrollment.active',
  completed: 'nurture.enrollment.completed',
  exited: 'nurture.enrollment.exited',
};

export const ENROLLMENT_STATUS_COLORS: Record<EnrollmentStatus, string> = { active: 'blue', completed: 'green', exited: 'default' };

const STEP_TYPES: Record<StepType, MessageKey> = {
  send_email: 'nurture.step.send_email',
  wait: 'nurture.step.wait',
  branch: 'nurture.step.branch',
  exit: 'nurture.step.exit',
};

const CONDITIONS: Record<BranchCondition, MessageKey> = {
  opened: 'nurture.condition.opened',
  clicked: 'nurture.condition.clicked',
  visited: 'nurture.condition.visited',
};

const POOLS: Record<Pool, MessageKey> = { warm: 'nurture.pool.warm', cold: 'nurture.pool.cold', recycled: 'nurture.pool.recycled' };

const EXIT_REASONS: Record<string, MessageKey> = {
  converted: 'nurture.exit.converted',
  disqualified: 'nurture.exit.disqualified',
  unsubscribed: 'nurture.exit.unsubscribed',
  bounced: 'nurture.exit.bounced',
  do_not_contact: 'nurture.exit.do_not_contact',
  suppressed: 'nurture.exit.suppressed',
  no_email: 'nurture.exit.no_email',
  lead_deleted: 'nurture.exit.lead_deleted',
  exit_step: 'nurture.exit.exit_step',
  manual: 'nurture.exit.manual',
  program_archived: 'nurture.exit.program_archived',
  merged: 'nurture.exit.merged',
  not_found: 'nurture.exit.not_found',
  already_enrolled: 'nurture.exit.already_enrolled',
};

const SUPPRESSION_REASONS: Record<Suppression['reason'], MessageKey> = {
  unsubscribed: 'nurture.exit.unsubscribed',
  bounced: 'nurture.exit.bounced',
  do_not_contact: 'nurture.exit.do_not_contact',
  manual: 'nurture.suppression.manual',
};

/** Labels of the nurture vocabulary in the current language. */
export function useNurtureLabels() {
  const { t } = useI18n();
  return useMemo(
    () => ({
      programStatus: (s: ProgramStatus) => t(PROGRAM_STATUS[s]),
      enrollmentStatus: (s: EnrollmentStatus) => t(ENROLLMENT_STATUS[s]),
      stepType: (s: StepType) => t(STEP_TYPES[s]),
      condition: (c: BranchCondition) => t(CONDITIONS[c]),
      pool: (p: Pool) => t(POOLS[p]),
      exitReason: (r: string | null) => (r ? (EXIT_REASONS[r] ? t(EXIT_REASONS[r]) : r) : ''),
      suppressionReason: (r: Suppression['reason']) => t(SUPPRESSION_REASONS[r]),
    }),
    [t],
  );
}
