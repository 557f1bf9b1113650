import { describe, expect, it } from 'vitest';
import { mapFieldErrors, toNamePath } from './form-errors';

describe('toNamePath', () => {
  it.each([
    ['name', ['name']],
    ['registeredCapital.amount', ['registeredCapital', 'amount']],
    ['phones[1]', ['phones', 1]],
    ['phones.0', ['phones', 0]],
  ] as const)('%s', (field, expected) => {
    expect(toNamePath(field)).toEqual(expected);
  });
});

describe('mapFieldErrors', () => {
  const fields = ['name', 'creditCode', 'phones', 'registeredCapital.amount', 'registeredCapital.currency'];

  it('puts each server message on its form field, grouping messages of one field', () => {
    const result = mapFieldErrors(
      [
        { field: 'creditCode', message: 'Invalid check character' },
        { field: 'name', message: 'Required' },
        { field: 'name', message: 'Already exists' },
      ],
      fields,
    );
    expect(result.fields).toEqual([
      { name: ['creditCode'], errors: ['Invalid check character'] },
      { name: ['name'], errors: ['Required', 'Already exists'] },
    ]);
    expect(result.unmatched).toEqual([]);
  });

  it('does not repeat a message reported twice', () => {
    const result = mapFieldErrors(
      [
        { field: 'website', message: 'Enter a valid web address.' },
        { field: 'website', message: 'This value is not valid.' },
        { field: 'website', message: 'This value is not valid.' },
      ],
      fields.concat('website'),
    );
    expect(result.fields).toEqual([{ name: ['website'], errors: ['Enter a valid web address.', 'This value is not valid.'] }]);
  });

  it('puts an error on a list item onto the list input', () => {
    expect(mapFieldErrors([{ field: 'phones[1]', message: 'Bad number' }], fields).fields).toEqual([
      { name: ['phones'], errors: ['Bad number'] },
    ]);
  });

  it('maps nested fields and aliases', () => {
    const result = mapFieldErrors(
      [
        { field: 'registeredCapital.currency', message: 'Unknown currency' },
        { field: 'registeredCapital', message: 'Must be positive' },
      ],
      fields,
      { registeredCapital: 'registeredCapital.amount' },
    );
    expect(result.fields).toEqual([
      { name: ['registeredCapital', 'currency'], errors: ['Unknown currency'] },
      { name: ['registeredCapital', 'amount'], errors: ['Must be positive'] },
    ]);
  });

  it('returns errors the form cannot show apart', () => {
    const result = mapFieldErrors([{ field: 'tenantId', message: 'Not allowed' }], fields);
    expect(result.fields).toEqual([]);
    expect(result.unmatched).toEqual([{ field: 'tenantId', message: 'Not allowed' }]);
  });
});
