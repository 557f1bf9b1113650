import { describe, expect, it } from 'vitest';
import { comparePersonNames, parsePersonName, type PersonNameInput } from './person';

describe('parsePersonName', () => {
  it.each<[PersonNameInput, string, string, string]>([
    [{ name: 'John Smith' }, 'latin', 'john', 'smith'],
    [{ name: 'Smith, John' }, 'latin', 'john', 'smith'],
    [{ name: '  Dr. John A. Smith Jr. ' }, 'latin', 'john', 'smith'],
    [{ name: 'José Müller' }, 'latin', 'jose', 'muller'],
    [{ name: 'Madonna' }, 'latin', '', 'madonna'],
    [{ givenName: 'Kate Lin', familyName: 'Dent' }, 'latin', 'katelin', 'dent'],
    [{ name: '张伟' }, 'han', '伟', '张'],
    [{ name: '张 伟' }, 'han', '伟', '张'],
    [{ name: '欧阳娜娜' }, 'han', '娜娜', '欧阳'],
    [{ name: '王经理' }, 'han', '', '王'],
    [{ name: '张总' }, 'han', '', '张'],
    [{ name: '李女士' }, 'han', '', '李'],
    [{ givenName: '伟', familyName: '张' }, 'han', '伟', '张'],
  ])('%j → %s given %s family %s', (input, script, given, family) => {
    expect(parsePersonName(input)).toMatchObject({ script, given, family });
  });

  it('gives the pinyin of a Chinese name, with surname readings', () => {
    expect(parsePersonName({ name: '单田芳' })).toMatchObject({ latinFamily: 'shan', latinGiven: 'tianfang' });
    expect(parsePersonName({ name: '张伟' })).toMatchObject({ latinFamily: 'zhang', latinGiven: 'wei' });
  });

  it('returns null without any name', () => {
    expect(parsePersonName({})).toBeNull();
    expect(parsePersonName({ name: '  ' })).toBeNull();
  });
});

const compare = (a: PersonNameInput, b: PersonNameInput) => {
  const x = parsePersonName(a);
  const y = parsePersonName(b);
  if (!x || !y) throw new Error('test names must parse');
  return comparePersonNames(x, y);
};

describe('comparePersonNames', () => {
  it.each<[PersonNameInput, PersonNameInput, number, number]>([
    [{ name: 'John Smith' }, { name: 'Smith, John' }, 1, 1],
    [{ name: 'john smith' }, { name: 'JOHN SMITH' }, 1, 1],
    [{ name: 'J. Smith' }, { name: 'John Smith' }, 0.9, 0.95],
    [{ name: 'Jon Smith' }, { name: 'John Smith' }, 0.95, 1],
    [{ givenName: 'mikhayla', familyName: 'hannagan' }, { givenName: 'mikhvyla', familyName: 'hannagan' }, 0.95, 1],
    // given and family swapped in one system
    [{ givenName: 'hannagan', familyName: 'mikhayla' }, { givenName: 'mikhayla', familyName: 'hannagan' }, 0.95, 1],
    [{ name: '张伟' }, { name: '张伟' }, 1, 1],
    [{ name: '张伟' }, { name: 'Zhang Wei' }, 1, 1],
    [{ name: '张伟' }, { name: 'Wei Zhang' }, 1, 1],
    [{ name: '张伟' }, { name: 'Smith, John' }, 0, 0.6],
    // a homophone typed with the input method
    [{ name: '张伟' }, { name: '张玮' }, 0.9, 0.96],
    [{ name: '张伟' }, { name: '李娜' }, 0, 0.35],
    // Jaro–Winkler is lenient (john ~ jones): per-part weights in matching take care of it.
    [{ name: 'John Smith' }, { name: 'Mary Jones' }, 0, 0.7],
  ])('%j ~ %j in [%d, %d]', (a, b, low, high) => {
    const { similarity } = compare(a, b);
    expect(similarity).toBeGreaterThanOrEqual(low);
    expect(similarity).toBeLessThanOrEqual(high);
  });

  it('reports the parts it could compare', () => {
    expect(compare({ name: '王经理' }, { name: '王芳' })).toMatchObject({ given: null, family: 1 });
    expect(compare({ name: 'Smith, John' }, { name: 'John Smith' })).toMatchObject({ given: 1, family: 1, swapped: false });
    expect(compare({ givenName: 'smith', familyName: 'john' }, { name: 'John Smith' }).swapped).toBe(true);
  });
});
