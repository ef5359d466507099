import { hash, verify } from '@node-rs/argon2';

/*
 * Passwords are hashed with argon2id, the default algorithm of @node-rs/argon2 2.x, with
 * the OWASP minimum parameters for argon2id: 19 MiB of memory, 2 passes, 1 lane.
 */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

/** Hashes a password into a PHC string (`$argon2id$...`) that carries its salt and parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** Checks a password against a stored hash; a damaged hash counts as a mismatch. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the user does not exist, so an unknown username takes as long as a wrong password.
let decoyHash: Promise<string> | null = null;

/** Spends the time of one password check, for log-ins of unknown users. */
export async function verifyDecoyPassword(password: string): Promise<void> {
  decoyHash ??= hashPassword('decoy password that matches nothing');
  await verifyPassword(await decoyHash, password);
}

/** Returns why a new password is too weak, or null when it is acceptable. */
export function findPasswordWeakness(password: string, username: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `it has ${password.length} characters, at least ${PASSWORD_MIN_LENGTH} are required`;
  if (password.length > PASSWORD_MAX_LENGTH) return `it has ${password.length} characters, at most ${PASSWORD_MAX_LENGTH} are allowed`;
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) return 'it needs at least one letter and one digit';
  if (password.toLowerCase().includes(username.toLowerCase())) return 'it must not contain the username';
  return null;
}
