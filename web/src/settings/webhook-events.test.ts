import { describe, expect, it } from 'vitest';
import { isEventPattern, WEBHOOK_EVENTS } from './webhook-events';

describe('webhook event patterns', () => {
  it.each(['*', 'accounts.*', 'accounts.created', 'opportunities.stage_changed'])('accepts %s', (pattern) => {
    expect(isEventPattern(pattern)).toBe(true);
  });

  it.each(['', 'Accounts.created', 'accounts.', '.created', 'accounts created', 'accounts..created'])('rejects %j', (pattern) => {
    expect(isEventPattern(pattern)).toBe(false);
  });

  it('offers only valid patterns', () => {
    expect(WEBHOOK_EVENTS.every(isEventPattern)).toBe(true);
  });
});
