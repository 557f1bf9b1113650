/**
 * Whether a rescored lead becomes marketing-qualified by score. A new lead at or above the bar
 * is an MQL by definition. A recycled lead (returned to nurture) is promoted only when its
 * score crosses the bar again — from below to at or above — so nurturing is not undone by the
 * next nightly rescore of a lead that was already above it.
 */
export function shouldPromote(input: {
  status: string;
  previousTotal: number | null;
  total: number;
  mqlThreshold: number;
}): boolean {
  const { status, previousTotal, total, mqlThreshold } = input;
  if (total < mqlThreshold) return false;
  if (status === 'new') return true;
  if (status === 'recycled') return previousTotal === null || previousTotal < mqlThreshold;
  return false;
}
