import { checkin } from './checkin';
import { common } from './common';
import { field } from './field';
import { home } from './home';
import { login } from './login';
import { orders } from './orders';
import { pwa } from './pwa';
import { sync } from './sync';
import { validation } from './validation';

/** The zh-CN catalog, the reference: every other catalog must have exactly its keys. */
export const zhCN = {
  ...common,
  ...checkin,
  ...orders,
  ...login,
  ...home,
  ...sync,
  ...pwa,
  ...validation,
  ...field,
} as const;

export type MessageKey = keyof typeof zhCN;
