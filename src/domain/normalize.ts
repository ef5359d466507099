/** Text clean-up shared by the identifier validators (VIN, plate, mobile). */

const FULL_WIDTH_START = 0xff01;
const FULL_WIDTH_END = 0xff5e;
const FULL_TO_HALF_OFFSET = 0xfee0;

/** Converts full-width ASCII forms (Ａ１２) to their half-width forms, as Chinese input methods often type them. */
export function toHalfWidth(text: string): string {
  let result = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= FULL_WIDTH_START && code <= FULL_WIDTH_END) {
      result += String.fromCodePoint(code - FULL_TO_HALF_OFFSET);
    } else if (code === 0x3000) {
      result += ' ';
    } else {
      result += char;
    }
  }
  return result;
}

/** Separators users type inside plates and VINs: spaces, middle dots of every script, hyphens and full stops. */
const SEPARATORS = /[\s\u00b7\u2022\u2027\u2219\u30fb\uff65.\-_]/g;

/** Returns the text in half-width upper case with every separator removed. */
export function compactUpper(text: string): string {
  return toHalfWidth(text).replace(SEPARATORS, '').toUpperCase();
}
