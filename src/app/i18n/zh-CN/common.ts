/** Messages used across screens. Keys are `area.name`; `{name}` marks a parameter. */
export const common = {
  'app.name': '4S店售后接待',
  'app.shortName': '售后接待',
  'language.switch': 'English',
  'language.current': '中文',
  'action.save': '保存',
  'action.cancel': '取消',
  'action.back': '返回',
  'action.retry': '重试',
} as const;
