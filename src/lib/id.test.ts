import { describe, expect, it } from 'vitest';
import { isSalt, newSalt } from './id';

describe('newSalt', () => {
  it('makes 128 random bits as 32 hex digits, a new one each time', () => {
    const salts = Array.from({ length: 20 }, () => newSalt());
    for (const salt of salts) expect(isSalt(salt)).toBe(true);
    expect(new Set(salts).size).toBe(20);
  });

  it.each<[unknown, boolean]>([
    ['0123456789abcdef0123456789abcdef', true],
    ['0123456789ABCDEF0123456789ABCDEF', false],
    ['laering-for-naering', false],
    ['', false],
    [undefined, false],
    [42, false],
  ])('isSalt(%j) is %s', (value, expected) => {
    expect(isSalt(value)).toBe(expected);
  });
});
