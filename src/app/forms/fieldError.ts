import { isMessageKey, type MessageKey, type MessageParams } from '../i18n/i18n';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * The translated name of a field: `field.<name>` when the catalog has it, else the name
 * itself (a developer-facing fallback that a catalog test should catch).
 */
export function fieldLabel(t: Translate, field: string): string {
  const key = `field.${field}`;
  return isMessageKey(key) ? t(key) : field;
}

/**
 * Translates the first known validation code: the domain's code (`vin_check_digit`) or zod's
 * issue code (`too_big`). Unknown codes give a generic "invalid value".
 */
export function validationText(t: Translate, ...codes: Array<string | undefined>): string {
  for (const code of codes) {
    const key = `validation.${code}`;
    if (code && isMessageKey(key)) return t(key);
  }
  return t('validation.invalid');
}

/**
 * Translates a validation error and names its field, such as "车架号：车架号校验位（第 9 位）不正确".
 * Pass react-hook-form's error (`message` is the schema's code, `type` zod's issue code) or a
 * repository FieldIssue's `field` and `code`.
 */
export function fieldErrorText(t: Translate, field: string, error: { message?: string; type?: string; code?: string }): string {
  return t('validation.withField', {
    field: fieldLabel(t, field),
    message: validationText(t, error.code, error.message, error.type),
  });
}
