/**
 * Validation messages. The domain's zod schemas report codes (for example `vin_check_digit`);
 * the key is `validation.<code>`. Generic zod issue codes (`too_big`, `invalid_type`, …) have
 * keys too, so an issue without a domain code still reads in the advisor's language.
 */
export const validation = {
  'validation.withField': '{field}：{message}',
  'validation.invalid': '内容无效',
  'validation.required': '必填',
  'validation.too_big': '过长或过大',
  'validation.too_small': '过短或过小',
  'validation.invalid_type': '必填或格式不对',
  'validation.invalid_format': '格式不正确',
  'validation.invalid_value': '不是可选的值',
  'validation.custom': '内容无效',
  'validation.id_format': '编号格式不正确',
  'validation.date_format': '日期格式应为 2026-12-04',
  'validation.datetime_format': '时间格式不正确',
  'validation.money_format': '金额格式不正确，最多两位小数',
  'validation.money_integer_fen': '金额最多两位小数',
  'validation.money_negative': '金额不能为负数',
  'validation.mobile_format': '手机号应为 13–19 开头的 11 位数字',
  'validation.plate_format': '车牌格式不正确，例如 京A·12345 或 沪AD12345',
  'validation.vin_length': '车架号应为 17 位',
  'validation.vin_characters': '车架号只能含数字和字母（不含 I、O、Q）',
  'validation.vin_check_digit': '车架号校验位（第 9 位）不正确，请核对',
  'validation.sha256_format': '文件校验值不正确',
  'validation.customer_name_required': '请填写客户姓名',
  'validation.make_required': '请填写品牌',
  'validation.model_required': '请填写车型',
  'validation.mileage_required': '请填写里程',
  'validation.mileage_integer': '里程应为整数公里',
  'validation.mileage_range': '里程应在 0 到 2,000,000 公里之间',
  'validation.line_name_required': '请填写项目名称',
  'validation.signer_name_required': '请填写签字人姓名',
  'validation.signature_empty': '请先签字',
} as const;
