import { ApiError, NetworkError } from '../../db/http';
import type { MessageKey, MessageParams } from '../i18n/i18n';

export interface LoginFailure {
  key: MessageKey;
  params?: MessageParams;
  /** The form field the server named, to mark it invalid. */
  field?: 'dealer' | 'username' | 'password';
}

type LoginField = NonNullable<LoginFailure['field']>;

function isLoginField(name: string | undefined): name is LoginField {
  return name === 'dealer' || name === 'username' || name === 'password';
}

/** Turns a failed sign-in into a message for the advisor; the detail goes to the console. */
export function describeLoginFailure(error: unknown): LoginFailure {
  if (error instanceof NetworkError) return { key: 'login.networkError' };
  if (!(error instanceof ApiError)) return { key: 'login.serverError', params: { detail: String(error) } };

  switch (error.status) {
    case 401:
      return { key: 'login.invalidCredentials' };
    case 403:
      return { key: 'login.accountDisabled' };
    case 429:
      return { key: 'login.tooManyAttempts' };
    default: {
      const failure: LoginFailure = { key: 'login.serverError', params: { detail: error.code } };
      if (isLoginField(error.field)) failure.field = error.field;
      return failure;
    }
  }
}
