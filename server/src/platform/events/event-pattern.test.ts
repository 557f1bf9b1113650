import { describe, expect, it } from 'vitest';
import { isValidEventPattern, matchesEventPattern } from './event-pattern.js';

describe('matchesEventPattern', () => {
  it.each([
    ['*', 'accounts.created', true],
    ['*', 'x', true],
    ['accounts.created', 'accounts.created', true],
    ['accounts.created', 'accounts.updated', false],
    ['accounts.*', 'accounts.created', true],
    ['accounts.*', 'accounts.stage.changed', true],
    ['accounts.*', 'accounts', false],
    ['accounts.*', 'contacts.created', false],
    ['accounts.*', 'accountsx.created', false],
    ['*.deleted', 'contacts.deleted', true],
    ['*.deleted', 'contacts.created', false],
    ['accounts', 'accounts.created', false],
    ['accounts.created.x', 'accounts.created', false],
  ])('%s against %s → %s', (pattern, type, expected) => {
    expect(matchesEventPattern(pattern, type)).toBe(expected);
  });
});

describe('isValidEventPattern', () => {
  it.each([
    ['*', true],
    ['accounts.*', true],
    ['accounts.created', true],
    ['*.deleted', true],
    ['', false],
    ['accounts.', false],
    ['accounts..created', false],
    ['Accounts.Created', false],
    ['accounts.cre*', false],
    ['x'.repeat(201), false],
  ])('%s → %s', (pattern, expected) => {
    expect(isValidEventPattern(pattern)).toBe(expected);
  });
});
