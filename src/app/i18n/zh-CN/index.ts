import { common } from './common';

/** The zh-CN catalog, the reference: every other catalog must have exactly its keys. */
export const zhCN = {
  ...common,
} as const;

export type MessageKey = keyof typeof zhCN;
