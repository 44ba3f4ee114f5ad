import { describe, expect, it } from '@jest/globals';
import { TokenSigner } from '../../src/core/tokens.js';

const SECRET = 'unit-'.repeat(8);
const claims = { userId: '42', tokenVersion: 3, sessionId: '7' };

describe('TokenSigner.verify (verified tokens remembered until they expire)', () => {
  it('answers the same claims for a token it has verified, again and again', async () => {
    const signer = new TokenSigner(SECRET, 900);
    const { token } = await signer.sign(claims);
    const first = await signer.verify(token);
    expect(first).toEqual(claims);
    for (let i = 0; i < 3; i += 1) expect(await signer.verify(token)).toEqual(claims);
  });

  it('refuses a remembered token once it has expired', async () => {
    let now = Date.now();
    const signer = new TokenSigner(SECRET, 60, () => now);
    const { token, expiresAt } = await signer.sign(claims);
    expect(await signer.verify(token)).toEqual(claims);
    now = expiresAt.getTime() - 1_000;
    expect(await signer.verify(token)).toEqual(claims);
    now = expiresAt.getTime() + 1;
    expect(await signer.verify(token)).toBeUndefined();
    // Forgotten, and verified from scratch: still expired.
    expect(await signer.verify(token)).toBeUndefined();
  });

  it('refuses an altered token although the original was verified, and tokens under another key', async () => {
    const signer = new TokenSigner(SECRET, 900);
    const { token } = await signer.sign(claims);
    expect(await signer.verify(token)).toEqual(claims);
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), sub: '1' })).toString('base64url');
    expect(await signer.verify(`${header}.${forged}.${signature}`)).toBeUndefined();
    expect(await signer.verify(`${token}x`)).toBeUndefined();
    const other = await new TokenSigner('other-'.repeat(8), 900).sign(claims);
    expect(await signer.verify(other.token)).toBeUndefined();
  });

  it('keeps no reference a caller could change', async () => {
    const signer = new TokenSigner(SECRET, 900);
    const { token } = await signer.sign(claims);
    const first = (await signer.verify(token))!;
    expect(() => Object.assign(first, { userId: '1' })).toThrow(TypeError);
    expect(await signer.verify(token)).toEqual(claims);
  });
});
