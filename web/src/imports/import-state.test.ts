import { describe, expect, it } from 'vitest';
import type { ImportField } from '../api/imports';
import { mappingProblems, progressPercent, stageOf } from './import-state';

const field = (key: string, extra: Partial<ImportField> = {}): ImportField => ({ key, label: key, required: false, multiple: false, ...extra });
const FIELDS = [field('name', { required: true }), field('firstName'), field('lastName'), field('company'), field('phone', { multiple: true })];

describe('stageOf', () => {
  it.each([
    [undefined, 'upload'], ['uploaded', 'upload'], ['mapping', 'mapping'], ['queued', 'progress'], ['running', 'progress'],
    ['completed', 'result'], ['failed', 'result'], ['cancelled', 'result'],
  ] as const)('%s → %s', (status, stage) => expect(stageOf(status)).toBe(stage));
});

describe('mappingProblems', () => {
  it.each([
    [{ A: 'name', B: 'company' }, [], []],
    [{ A: 'company' }, ['name'], []],
    [{ A: 'lastName', B: 'firstName' }, [], []],
    [{ A: 'name', B: 'company', C: 'company' }, [], ['company']],
    [{ A: 'name', B: 'phone', C: 'phone' }, [], []],
    [{ A: null, B: null }, ['name'], []],
  ])('%j', (mapping, missing, duplicated) => {
    const problems = mappingProblems(mapping, FIELDS);
    expect(problems.missing.map((f) => f.key)).toEqual(missing);
    expect(problems.duplicated.map((f) => f.key)).toEqual(duplicated);
  });
});

describe('progressPercent', () => {
  it.each([
    [{ status: 'running', progress: { processed: 5, total: null, percent: null } }, null],
    [{ status: 'running', progress: { processed: 50, total: 200, percent: 25 } }, 25],
    [{ status: 'completed', progress: { processed: 0, total: 0, percent: 100 } }, 100],
  ] as const)('%#', (job, expected) => expect(progressPercent(job)).toBe(expected));
});
