import { beforeAll, describe, expect, it } from 'vitest';
import { fieldErrorText, fieldLabel } from '../../src/app/forms/fieldError';
import { loadAllMessages, loadCatalog, translate, type MessageKey, type MessageParams } from '../../src/app/i18n/i18n';

const zh = (key: MessageKey, params?: MessageParams) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params);

beforeAll(async () => {
  await Promise.all([loadCatalog('zh-CN'), loadCatalog('en'), loadAllMessages('zh-CN'), loadAllMessages('en')]);
});

describe('fieldErrorText', () => {
  it('translates a domain code', () => {
    expect(fieldErrorText(zh, 'vin', { message: 'vin_check_digit', type: 'custom' })).toBe('车架号：车架号校验位（第 9 位）不正确，请核对');
    expect(fieldErrorText(en, 'vin', { message: 'vin_check_digit', type: 'custom' })).toBe('VIN: the check digit (9th character) does not match; check the VIN');
  });

  it('falls back to the zod code', () => {
    expect(fieldErrorText(en, 'note', { message: 'Too big: expected string to have <=1000 characters', type: 'too_big' })).toBe('Note: too long or too large');
  });

  it('translates a repository issue code', () => {
    expect(fieldErrorText(zh, 'mobile', { code: 'mobile_format' })).toBe('手机号：手机号应为 13–19 开头的 11 位数字');
  });

  it('says invalid for unknown codes', () => {
    expect(fieldErrorText(en, 'plate', { message: 'something_new' })).toBe('Plate: invalid value');
  });
});

describe('fieldLabel', () => {
  it('returns an unlabelled name as is', () => {
    expect(fieldLabel(en, 'someInternalField')).toBe('someInternalField');
  });
});

describe('message loading', () => {
  it('loads every area on request', async () => {
    await loadAllMessages('en');

    const { en: catalog } = await import('../../src/app/i18n/en');
    const untranslated = Object.entries(catalog).filter(([key, text]) => translate('en', key as MessageKey) !== text);

    expect(untranslated).toEqual([]);
  });
});
