import { describe, expect, it } from 'vitest';
import { soundex } from './phonetic';

describe('soundex', () => {
  it.each([
    ['Robert', 'R163'],
    ['Rupert', 'R163'],
    ['Rubin', 'R150'],
    ['Ashcraft', 'A261'],
    ['Tymczak', 'T522'],
    ['Pfister', 'P236'],
    ['Honeyman', 'H555'],
    ['Lee', 'L000'],
    ['zhang', 'Z520'],
    ['Müller', 'M460'],
    ['张', ''],
  ])('%s → %s', (word, code) => {
    expect(soundex(word)).toBe(code);
  });
});
