import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const randomSecret = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** Tokens and API keys are long random secrets: a fast hash is enough to store them. */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Passwords are short and guessable: argon2id (the library's defaults follow OWASP). */
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash ?? DUMMY_HASH, password) && passwordHash !== null;
  } catch {
    return false;
  }
}

// Verifying against a fixed hash when the user is unknown keeps the response time the same.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$UxwlpKjAdoNyvnpfw6FCHQ$ARywnExqBihPKGOdloH7Bz5PD5c6Gp0BJd8YuK1h0iU';
