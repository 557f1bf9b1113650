import { describe, expect, it } from 'vitest';
import { signatureHeader, verifySignature } from './signature.js';

const secret = 'whsec_test';
const body = '{"id":"1","type":"accounts.created"}';
const now = 1_750_000_000;

describe('webhook signatures', () => {
  it('verifies a header made with the same secret and body', () => {
    expect(verifySignature(secret, signatureHeader(secret, body, now), body, 300, now)).toBe(true);
  });

  it('matches the documented scheme: hex HMAC-SHA256 of "<t>.<body>"', () => {
    // echo -n '1750000000.{"id":"1","type":"accounts.created"}' | openssl dgst -sha256 -hmac whsec_test
    expect(signatureHeader(secret, body, now)).toBe(
      't=1750000000,v1=0d9772e377bd6a24f823ccbe6345a3c5c25e6370e5e178bfb37b85ce8c4c9e83',
    );
  });

  it.each([
    ['another secret', 'whsec_other', body, now],
    ['a changed body', secret, body.replace('1', '2'), now],
    ['an old timestamp (replay)', secret, body, now + 301],
    ['a timestamp from the future', secret, body, now - 301],
  ])('rejects %s', (_case, verifySecret, verifyBody, verifyNow) => {
    expect(verifySignature(verifySecret, signatureHeader(secret, body, now), verifyBody, 300, verifyNow)).toBe(false);
  });

  it.each([[undefined], [''], ['v1=abc'], [`t=${now}`], [`t=${now},v1=zz`], [`t=x,v1=${'0'.repeat(64)}`]])(
    'rejects the malformed header %s',
    (header) => {
      expect(verifySignature(secret, header, body, 300, now)).toBe(false);
    },
  );

  it('accepts any of several v1 signatures (during a secret rotation)', () => {
    const good = signatureHeader(secret, body, now).split(',')[1];
    expect(verifySignature(secret, `t=${now},v1=${'0'.repeat(64)},${good}`, body, 300, now)).toBe(true);
  });
});
