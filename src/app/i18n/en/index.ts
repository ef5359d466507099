import type { MessageKey } from '../zh-CN';
import { common } from './common';

export const en: Record<MessageKey, string> = {
  ...common,
};
