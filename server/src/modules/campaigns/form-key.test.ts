import { describe, expect, it } from 'vitest';
import { newFormKey, tenantOfFormKey } from './form-key.js';

const TENANT = '0190f5a2-7b3c-7d4e-8f60-1a2b3c4d5e6f';

describe('form keys', () => {
  it('are 44 URL-safe characters, different every time, and name their tenant', () => {
    const a = newFormKey(TENANT);
    const b = newFormKey(TENANT);
    expect(a).toMatch(/^[A-Za-z0-9_-]{44}$/);
    expect(a).not.toBe(b);
    expect(a.slice(0, 22)).toBe(b.slice(0, 22));
    expect(tenantOfFormKey(a)).toBe(TENANT);
  });

  it.each(['', 'short', `${'A'.repeat(43)}!`, `${'A'.repeat(45)}`, '../../etc/passwd'])('refuses %j', (key) => {
    expect(tenantOfFormKey(key)).toBeNull();
  });
});
