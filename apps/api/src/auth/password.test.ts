import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, passwordProblem, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('stores scrypt parameters, a per-user salt and the key, and verifies only the right password', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    expect(first).toMatch(/^scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('correct horse battery staple', first)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', first)).toBe(false);
    expect(await verifyPassword('correct horse battery staple', 'plain-text')).toBe(false);
  });

  it('verifies hashes made with other parameters and says when they should be raised', async () => {
    const weak = await hashPassword('correct horse battery staple', { logN: 10, r: 8, p: 1 });
    expect(await verifyPassword('correct horse battery staple', weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(await hashPassword('x'.repeat(12)))).toBe(false);
  });

  it.each([
    ['short', 'eleven char', /at least 12/],
    ['long enough', 'twelve chars', null],
    ['repeated', 'aaaaaaaaaaaa', /too easy to guess \(strength 0 of 4.*Repeated characters/],
    ['common', 'Password1234!', /too easy to guess.*commonly used password/],
    ['keyboard walk', 'qwertyuiopasdf', /too easy to guess/],
    ['email-bearing', 'xq7-Maria.Rossi-vault', /must not contain the account's email name "maria.rossi"/],
    ['strong', 'lantern orbit cactus minnow', null],
  ])('judges a %s password', (_name, password, problem) => {
    const result = passwordProblem(password, 'Maria.Rossi@example.org');
    if (problem === null) expect(result).toBeNull();
    else expect(result?.en).toMatch(problem);
  });
});
