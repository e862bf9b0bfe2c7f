/** Text normalisation shared by the readers, the validators and the matchers. */

/** Full-width ASCII forms (！ to ～) and the ideographic space become their ASCII twins. */
const fullWidthChar = /[\uff01-\uff5e\u3000]/;

export function foldFullWidth(text: string): string {
  if (!fullWidthChar.test(text)) return text;
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += char;
  }
  return out;
}

/** Removes ASCII, full-width and no-break spaces, tabs and zero-width marks everywhere. */
const anySpace = /[\s\u3000\u00a0\u200b\u200c\ufeff]|\u200d/;

export function removeSpaces(text: string): string {
  if (!anySpace.test(text)) return text;
  return text.replace(/(?:[\s\u3000\u00a0\u200b\u200c\ufeff]|\u200d)+/g, '');
}

/** Trims ASCII, full-width and no-break spaces and zero-width marks at both ends. */
function isSpaceCode(code: number): boolean {
  return (
    code <= 0x20 ||
    code === 0x3000 ||
    code === 0xa0 ||
    code === 0x200b ||
    code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x1680 ||
    code === 0x202f ||
    code === 0x205f
  );
}

export function trimAll(text: string): string {
  // Most values have nothing to trim: check the ends before running the expression.
  if (
    text.length === 0 ||
    (!isSpaceCode(text.charCodeAt(0)) && !isSpaceCode(text.charCodeAt(text.length - 1)))
  )
    return text;
  return text.replace(/^[\s\u3000\u00a0\u200b\ufeff]+|[\s\u3000\u00a0\u200b\ufeff]+$/g, '');
}

const hanChar = /\p{Script=Han}/u;

export function containsHan(text: string): boolean {
  return hanChar.test(text);
}
