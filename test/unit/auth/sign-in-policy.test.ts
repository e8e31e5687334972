import { describe, expect, it } from 'vitest';
import {
  checkCode,
  countClientRequest,
  EMPTY_ADDRESS,
  EMPTY_CLIENT,
  hashSignInCode,
  newSignInCode,
  normalizeSignInCode,
  requestCode,
  SIGN_IN_POLICY,
} from '#shared/auth/sign-in-policy.ts';
import type { AddressState } from '#shared/auth/sign-in-records.ts';

const ADDRESS = 'zgh@qujiang.example.org';
const T0 = new Date('2023-01-06T02:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

function issued(code: string, now = T0, state: AddressState = EMPTY_ADDRESS): AddressState {
  const result = requestCode(state, now, { hash: hashSignInCode(code, ADDRESS, 'salt'), salt: 'salt' });
  if (!('state' in result)) throw new Error(`refused: ${result.outcome}`);
  return result.state;
}

describe('sign-in codes', () => {
  it('draws six digits, keeping leading zeros, and reads a code typed with spaces', () => {
    for (let i = 0; i < 200; i++) expect(newSignInCode()).toMatch(/^\d{6}$/);
    expect(normalizeSignInCode(' 012 345 ')).toBe('012345');
    expect(normalizeSignInCode('12345')).toBeNull();
    expect(normalizeSignInCode('12345a')).toBeNull();
  });

  it('keeps only a salted hash bound to the address', () => {
    const state = issued('123456');
    expect(JSON.stringify(state)).not.toContain('123456');
    expect(hashSignInCode('123456', ADDRESS, 'salt')).not.toBe(
      hashSignInCode('123456', 'jyj@qujiang.example.org', 'salt'),
    );
    expect(state.code?.expiresAt).toBe(at(10 * MINUTE).toISOString());
  });

  it('accepts the right code once, then never again', () => {
    const first = checkCode(issued('123456'), at(MINUTE), '123456', ADDRESS);
    expect(first.outcome).toBe('accepted');
    const again = checkCode(first.state, at(2 * MINUTE), '123456', ADDRESS);
    expect(again).toMatchObject({ outcome: 'wrong', reason: 'noCode' });
  });

  it('refuses the right code once it has expired', () => {
    const late = checkCode(issued('123456'), at(10 * MINUTE), '123456', ADDRESS);
    expect(late).toMatchObject({ outcome: 'wrong', reason: 'expired' });
  });

  it('replaces the previous code with a new one', () => {
    const second = issued('654321', at(MINUTE), issued('123456'));
    expect(checkCode(second, at(2 * MINUTE), '123456', ADDRESS)).toMatchObject({ outcome: 'wrong' });
    expect(checkCode(second, at(2 * MINUTE), '654321', ADDRESS).outcome).toBe('accepted');
  });
});

describe('lockout after wrong codes', () => {
  it('locks the address at the fifth wrong code in a row, for fifteen minutes, spending the code', () => {
    let state = issued('123456');
    for (let i = 1; i <= 4; i++) {
      const check = checkCode(state, at(i * 1000), '000000', ADDRESS);
      expect(check).toMatchObject({ outcome: 'wrong', reason: 'mismatch' });
      state = check.state;
    }
    const fifth = checkCode(state, at(5000), '000000', ADDRESS);
    expect(fifth).toMatchObject({ outcome: 'locked', until: at(5000 + 15 * MINUTE).toISOString() });
    expect(checkCode(fifth.state, at(6000), '123456', ADDRESS).outcome).toBe('locked');
    expect(requestCode(fifth.state, at(6000), null)).toMatchObject({ outcome: 'locked' });

    const later = at(5000 + 15 * MINUTE);
    const reopened = issued('222222', later, fifth.state);
    expect(reopened.wrongCodes).toBe(0);
    expect(checkCode(reopened, later, '222222', ADDRESS).outcome).toBe('accepted');
  });

  it('keeps counting wrong codes across new codes, so asking again buys no guesses', () => {
    let state = issued('123456');
    for (let i = 1; i <= 4; i++) state = checkCode(state, at(i), '000000', ADDRESS).state;
    state = issued('333333', at(10), state);
    expect(checkCode(state, at(11), '000000', ADDRESS).outcome).toBe('locked');
  });

  it('locks an unregistered address the same way (no code ever kept)', () => {
    const asked = requestCode(EMPTY_ADDRESS, T0, null);
    if (!('state' in asked)) throw new Error('refused');
    expect(asked.state.code).toBeNull();
    let current = asked.state;
    const outcomes: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const check = checkCode(current, at(i), '123456', ADDRESS);
      outcomes.push(check.outcome);
      current = check.state;
    }
    expect(outcomes).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'locked']);
  });

  it('forgets wrong codes after a success', () => {
    let state = issued('123456');
    for (let i = 1; i <= 4; i++) state = checkCode(state, at(i), '000000', ADDRESS).state;
    state = checkCode(state, at(5), '123456', ADDRESS).state;
    expect(state.wrongCodes).toBe(0);
  });
});

describe('rate limits', () => {
  it('sends at most five codes an hour to one address', () => {
    let state = EMPTY_ADDRESS;
    for (let i = 0; i < SIGN_IN_POLICY.codesPerAddress; i++) state = issued('123456', at(i * MINUTE), state);
    const sixth = requestCode(state, at(10 * MINUTE), null);
    expect(sixth).toEqual({ outcome: 'throttled', retryAt: at(60 * MINUTE).toISOString() });
    expect('state' in requestCode(state, at(60 * MINUTE + 1), null)).toBe(true);
  });

  it('counts at most thirty requests per client in fifteen minutes', () => {
    let state = EMPTY_CLIENT;
    for (let i = 0; i < SIGN_IN_POLICY.requestsPerClient; i++) {
      const counted = countClientRequest(state, at(i * 1000));
      if (!('state' in counted)) throw new Error(`refused at ${i}`);
      state = counted.state;
    }
    expect(countClientRequest(state, at(40_000))).toMatchObject({ outcome: 'throttled' });
    expect('state' in countClientRequest(state, at(15 * MINUTE + 1))).toBe(true);
  });
});
