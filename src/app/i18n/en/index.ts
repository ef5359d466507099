import type { MessageKey } from '../zh-CN';
import { checkin } from './checkin';
import { common } from './common';
import { field } from './field';
import { home } from './home';
import { login } from './login';
import { orders } from './orders';
import { pwa } from './pwa';
import { sync } from './sync';
import { validation } from './validation';

export const en: Record<MessageKey, string> = {
  ...common,
  ...checkin,
  ...orders,
  ...login,
  ...home,
  ...sync,
  ...pwa,
  ...validation,
  ...field,
};
