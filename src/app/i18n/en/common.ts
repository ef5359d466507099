import type { common as zhCN } from '../zh-CN/common';

export const common: Record<keyof typeof zhCN, string> = {
  'app.name': 'Service Lane',
  'app.shortName': 'Service Lane',
  'language.switch': '中文',
  'language.current': 'English',
  'action.save': 'Save',
  'action.cancel': 'Cancel',
  'action.back': 'Back',
  'action.retry': 'Retry',
};
