import { describe, expect, it } from 'vitest';
import { compareAddresses, parseAddress } from './address';

const compare = (a: string, b: string) => compareAddresses(parseAddress(a), parseAddress(b));

describe('parseAddress', () => {
  it('writes street types, directions and ordinals one way', () => {
    expect(parseAddress('747 Ninth Avenue, North').tokens).toEqual(['747', '9th', 'ave', 'n']);
    expect(parseAddress('435 S. La Cienega Blv.').tokens).toEqual(['435', 's', 'la', 'cienega', 'blvd']);
    expect(parseAddress('中关村大街1号').numbers).toEqual(['1']);
  });
});

describe('compareAddresses', () => {
  it.each([
    ['435 s. la cienega blv.', '435 S La Cienega Boulevard'],
    ['747 9th ave.', '747 ninth avenue'],
    ['3434 peachtree rd.', '3434 peachtree rd. ne'],
    ['8 stanley street miami', '8 stanleykstreet miami'],
    ['51 hurley street lakes retirement estate', '51 lakes retirement estate hurley street'],
    ['北京市海淀区中关村大街1号', '北京海淀区中关村大街1号'],
  ])('%s = %s', (a, b) => {
    expect(compare(a, b)).toBeGreaterThanOrEqual(0.85);
  });

  it.each([
    ['12224 ventura blvd.', '14016 ventura blvd.'],
    ['北京市海淀区中关村大街1号', '北京市海淀区中关村大街27号'],
    ['9001 santa monica blvd.', '837 second ave.'],
  ])('%s ≠ %s', (a, b) => {
    expect(compare(a, b)).toBeLessThan(0.5);
  });

  it('is 0 for an empty address', () => {
    expect(compare('', '1 main st')).toBe(0);
  });
});
