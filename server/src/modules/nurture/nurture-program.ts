/**
 * The rules of a nurture program as pure functions: which steps are valid, what a step does
 * next, and when a lead must leave. The step runner applies them; tests table them.
 */
import type { FieldError } from '../../platform/http/errors.js';

export const STEP_TYPES = ['send_email', 'wait', 'branch', 'exit'] as const;
export type StepType = (typeof STEP_TYPES)[number];

export const BRANCH_CONDITIONS = ['opened', 'clicked', 'visited'] as const;
export type BranchCondition = (typeof BRANCH_CONDITIONS)[number];

export type NurtureStep =
  | { type: 'send_email'; templateId: string }
  | { type: 'wait'; days?: number; hours?: number }
  | { type: 'branch'; if: BranchCondition; withinDays: number; then: number; else: number }
  | { type: 'exit' };

export const POOLS = ['warm', 'cold', 'recycled'] as const;
export type Pool = (typeof POOLS)[number];

/** Who joins a program by itself. Every field present must hold; a list matches any of its values. */
export interface EnrollmentRule {
  pools?: Pool[];
  statuses?: string[];
  minScore?: number;
  maxScore?: number;
  grades?: string[];
  sources?: string[];
  industries?: string[];
}

export const MAX_STEPS = 50;
export const MAX_WAIT_DAYS = 365;
const HOUR_MS = 3600 * 1000;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The problems of a step list, by field (`steps.2.then`). Branches may only jump forward, so
 * every enrolment ends after at most one pass over the steps: no loops, no endless mail.
 */
export function validateSteps(steps: readonly NurtureStep[]): FieldError[] {
  const errors: FieldError[] = [];
  if (steps.length > MAX_STEPS) errors.push({ field: 'steps', code: 'NURTURE_TOO_MANY_STEPS', params: { limit: MAX_STEPS } });
  steps.forEach((step, i) => {
    const at = `steps.${i}`;
    switch (step.type) {
      case 'send_email':
        if (typeof step.templateId !== 'string' || !UUID_RE.test(step.templateId)) {
          errors.push({ field: `${at}.templateId`, code: 'FIELD_REQUIRED' });
        }
        break;
      case 'wait': {
        const ms = waitMs(step);
        if (!(ms > 0) || ms > MAX_WAIT_DAYS * 24 * HOUR_MS) {
          errors.push({ field: at, code: 'NURTURE_WAIT_RANGE', params: { limit: MAX_WAIT_DAYS } });
        }
        break;
      }
      case 'branch':
        if (!BRANCH_CONDITIONS.includes(step.if)) errors.push({ field: `${at}.if`, code: 'FIELD_INVALID' });
        if (!Number.isInteger(step.withinDays) || step.withinDays < 1 || step.withinDays > MAX_WAIT_DAYS) {
          errors.push({ field: `${at}.withinDays`, code: 'NURTURE_WAIT_RANGE', params: { limit: MAX_WAIT_DAYS } });
        }
        for (const key of ['then', 'else'] as const) {
          const target = step[key];
          if (!Number.isInteger(target) || target <= i || target >= steps.length) {
            errors.push({ field: `${at}.${key}`, code: 'NURTURE_BRANCH_TARGET', params: { from: i + 2, to: steps.length } });
          }
        }
        break;
      case 'exit':
        break;
      default:
        errors.push({ field: `${at}.type`, code: 'FIELD_INVALID' });
    }
  });
  return errors;
}

export function waitMs(step: { days?: number; hours?: number }): number {
  return ((step.days ?? 0) * 24 + (step.hours ?? 0)) * HOUR_MS;
}

/** The template ids a program sends, to check they exist. */
export const templateIdsOf = (steps: readonly NurtureStep[]) =>
  [...new Set(steps.flatMap((s) => (s.type === 'send_email' ? [s.templateId] : [])))];

/** What running a step decides: send and move on, move on (maybe later), or end. */
export type StepPlan =
  | { kind: 'send'; templateId: string; next: number; runAt: Date }
  | { kind: 'advance'; next: number; runAt: Date }
  | { kind: 'exit' }
  | { kind: 'complete' };

/**
 * Plans step `index`. `engaged` answers a branch's question (asked only for branch steps).
 * Moving past the last step completes the enrolment.
 */
export function planStep(steps: readonly NurtureStep[], index: number, now: Date, engaged = false): StepPlan {
  const step = steps[index];
  if (!step) return { kind: 'complete' };
  switch (step.type) {
    case 'send_email':
      return { kind: 'send', templateId: step.templateId, next: index + 1, runAt: now };
    case 'wait':
      return { kind: 'advance', next: index + 1, runAt: new Date(now.getTime() + waitMs(step)) };
    case 'branch':
      return { kind: 'advance', next: engaged ? step.then : step.else, runAt: now };
    case 'exit':
      return { kind: 'exit' };
  }
}

/** The engagement kinds that satisfy a branch condition: a click implies the e-mail was opened. */
export function engagementKindsFor(condition: BranchCondition): ('open' | 'click' | 'visit')[] {
  if (condition === 'opened') return ['open', 'click'];
  if (condition === 'clicked') return ['click'];
  return ['visit'];
}

/** Since when a branch looks: the last `withinDays` days, but never before the lead enrolled. */
export function branchWindowStart(now: Date, withinDays: number, enrolledAt: Date): Date {
  const start = new Date(now.getTime() - withinDays * 24 * HOUR_MS);
  return start > enrolledAt ? start : enrolledAt;
}

export const EXIT_REASONS = [
  'converted', 'disqualified', 'unsubscribed', 'bounced', 'do_not_contact', 'suppressed', 'no_email',
  'lead_deleted', 'exit_step', 'manual', 'program_archived', 'merged',
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

/** Lead statuses that mean sales has it: nurturing stops. */
export const CONVERTED_STATUSES = ['accepted', 'sql', 'converted'] as const;

/**
 * Why a lead must leave its programs now, or null to carry on: it converted (sales accepted
 * it), was disqualified, must not be contacted, or its address is suppressed or missing.
 */
export function exitReasonFor(
  lead: { status: string; doNotContact: boolean; email: string | null },
  suppression: 'unsubscribed' | 'bounced' | 'do_not_contact' | 'manual' | null,
): ExitReason | null {
  if ((CONVERTED_STATUSES as readonly string[]).includes(lead.status)) return 'converted';
  if (lead.status === 'disqualified') return 'disqualified';
  if (lead.doNotContact || suppression === 'do_not_contact') return 'do_not_contact';
  if (suppression === 'unsubscribed') return 'unsubscribed';
  if (suppression === 'bounced') return 'bounced';
  if (suppression === 'manual') return 'suppressed';
  if (!lead.email) return 'no_email';
  return null;
}
