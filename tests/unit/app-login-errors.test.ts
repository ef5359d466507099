import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../../src/db/http';
import { describeLoginFailure } from '../../src/app/login/loginErrors';

describe('describeLoginFailure', () => {
  const cases: Array<{ name: string; error: unknown; expected: ReturnType<typeof describeLoginFailure> }> = [
    { name: 'unreachable server', error: new NetworkError('/api/auth/login'), expected: { key: 'login.networkError' } },
    { name: 'wrong password', error: new ApiError(401, 'invalid_credentials', 'no'), expected: { key: 'login.invalidCredentials' } },
    { name: 'disabled account', error: new ApiError(403, 'user_disabled', 'no'), expected: { key: 'login.accountDisabled' } },
    { name: 'rate limit', error: new ApiError(429, 'too_many_attempts', 'slow down'), expected: { key: 'login.tooManyAttempts' } },
    {
      name: 'invalid field named by the server',
      error: new ApiError(400, 'invalid_request', 'bad', 'dealer'),
      expected: { key: 'login.serverError', params: { detail: 'invalid_request' }, field: 'dealer' },
    },
    {
      name: 'server failure',
      error: new ApiError(500, 'internal_error', 'boom'),
      expected: { key: 'login.serverError', params: { detail: 'internal_error' } },
    },
  ];

  for (const { name, error, expected } of cases) {
    it(`describes ${name}`, () => {
      expect(describeLoginFailure(error)).toEqual(expected);
    });
  }
});
