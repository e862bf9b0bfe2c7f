/** Text normalisation shared by the readers, the validators and the matchers. */

/** Full-width ASCII forms (！ to ～) and the ideographic space become their ASCII twins. */
export function foldFullWidth(text: string): string {
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
export function removeSpaces(text: string): string {
  return text.replace(/(?:[\s\u3000\u00a0\u200b\u200c\ufeff]|\u200d)+/g, '');
}

/** Trims ASCII, full-width and no-break spaces and zero-width marks at both ends. */
export function trimAll(text: string): string {
  return text.replace(/^[\s\u3000\u00a0\u200b\ufeff]+|[\s\u3000\u00a0\u200b\ufeff]+$/g, '');
}

const hanChar = /\p{Script=Han}/u;

export function containsHan(text: string): boolean {
  return hanChar.test(text);
}
