import { createHash, randomBytes } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { ApiError } from '../http/apiError';
import { isUserRole, type UserRole } from '../store/store';

export const ACCESS_TOKEN_TTL_MS = 15 * 60 * 1000;
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

const ISSUER = 'service-lane';
const AUDIENCE = 'service-lane-api';

/** Name of the signing key in the store's secrets table; every instance reads the same key. */
export const SIGNING_KEY_SECRET = 'jwt-hs256-signing-key';

/** Claims of an access token: the caller, and the dealer every request of the caller acts for. */
export interface AccessClaims {
  userId: string;
  dealerId: string;
  username: string;
  role: UserRole;
  expiresAtMs: number;
}

/** Generates a new HS256 signing key (256 random bits, base64url). */
export function generateSigningKey(): string {
  return randomBytes(32).toString('base64url');
}

/** Generates an opaque refresh token; the store keeps only its hash. */
export function generateRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Hashes a refresh token for storage and look-up (SHA-256, hex). */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Signs and verifies access tokens (JWT, HS256) with the shared key; `now` is injectable for tests. */
export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(
    signingKey: string,
    private readonly now: () => number,
  ) {
    this.key = Buffer.from(signingKey, 'base64url');
  }

  async issue(claims: Omit<AccessClaims, 'expiresAtMs'>): Promise<{ token: string; expiresAtMs: number }> {
    const issuedAtS = Math.floor(this.now() / 1000);
    const expiresAtS = issuedAtS + ACCESS_TOKEN_TTL_MS / 1000;
    const token = await new SignJWT({ dealer: claims.dealerId, username: claims.username, role: claims.role })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAtS)
      .setExpirationTime(expiresAtS)
      .sign(this.key);
    return { token, expiresAtMs: expiresAtS * 1000 };
  }

  /** Verifies a token; throws a 401 ApiError (`token_expired` or `invalid_token`) when it is not valid now. */
  async verify(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: new Date(this.now()),
      });
      const { sub, dealer, username, role, exp } = payload;
      if (typeof sub !== 'string' || typeof dealer !== 'string' || typeof username !== 'string' || typeof role !== 'string' || !isUserRole(role) || !exp) {
        throw new ApiError(401, 'invalid_token', 'Access token lacks its user or dealer claims: log in again.');
      }
      return { userId: sub, dealerId: dealer, username, role, expiresAtMs: exp * 1000 };
    } catch (error) {
      if (error instanceof ApiError) throw error;
      if (error instanceof joseErrors.JWTExpired) {
        throw new ApiError(401, 'token_expired', 'Access token expired: refresh it with the refresh token.');
      }
      throw new ApiError(401, 'invalid_token', 'Access token is invalid: log in again.');
    }
  }
}
