import type { login as zhCN } from '../zh-CN/login';

export const login: Record<keyof typeof zhCN, string> = {
  'login.title': 'Sign in',
  'login.subtitle': 'Service advisor sign-in',
  'login.dealer': 'Dealer code',
  'login.dealerHint': 'for example D01',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.invalidCredentials': 'The dealer code, username or password is wrong.',
  'login.accountDisabled': 'This account is disabled. Ask your service director.',
  'login.tooManyAttempts': 'Too many attempts. Try again later.',
  'login.serverError': 'The server could not sign you in ({detail}). Try again later.',
  'login.networkError': 'The server cannot be reached. Check the connection and try again.',
  'login.offlineNoSession': 'You are offline and nobody has signed in on this tablet yet. The first sign-in needs a connection; after that the app works offline.',
  'login.offlineNeedsConnection': 'You are offline, and signing in needs a connection. Try again once online; the data on this tablet is kept.',
  'login.offlineHint': 'Offline',
  'login.sessionExpired': 'Your sign-in has expired. Sign in again; work entered offline is still on this tablet.',
};
