import { describe, expect, it } from 'vitest';
import { accessLevel, can } from './permissions';

describe('permissions', () => {
  const permissions = { accounts: { read: 'team', create: 'none' }, contacts: { read: 'all' } } as const;

  it('reads the level, none when not granted', () => {
    expect(accessLevel(permissions, 'accounts', 'read')).toBe('team');
    expect(accessLevel(permissions, 'accounts', 'delete')).toBe('none');
    expect(accessLevel(permissions, 'leads', 'read')).toBe('none');
    expect(accessLevel(undefined, 'leads', 'read')).toBe('none');
  });

  it('allows an action at any level but none', () => {
    expect(can(permissions, 'accounts', 'read')).toBe(true);
    expect(can(permissions, 'accounts', 'create')).toBe(false);
  });
});
