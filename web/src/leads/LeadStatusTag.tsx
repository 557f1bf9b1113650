import { Tag } from 'antd';
import type { LeadStatus } from '../api/leads';
import { STATUS_COLORS, useLeadLabels } from './use-lead-labels';

export function LeadStatusTag({ status }: { status: LeadStatus }) {
  const labels = useLeadLabels();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid="lead-status" data-status={status}>
      {labels.status(status)}
    </Tag>
  );
}

const GRADE_COLORS: Record<string, string> = { A: 'green', B: 'blue', C: 'gold', D: 'default' };

/** Score and grade side by side: "86 · A". */
export function LeadScoreBadge({ score, grade }: { score: number | null; grade: string | null }) {
  if (score === null && !grade) return null;
  return (
    <span className="l2c-lead-score" data-testid="lead-score">
      {score !== null ? <span className="l2c-number">{score}</span> : null}
      {grade ? <Tag color={GRADE_COLORS[grade] ?? 'default'}>{grade}</Tag> : null}
    </span>
  );
}
