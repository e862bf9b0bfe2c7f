/** Columns a character takes on a terminal: CJK and full-width forms take two. */
export function columns(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

/**
 * Draws lines inside a box, so that what matters stands out among other output. ASCII edges:
 * box-drawing characters are of ambiguous width and break the box on some CJK terminals.
 */
export function textBox(lines: string[]): string {
  const width = Math.max(...lines.map(columns));
  const edge = `+${'='.repeat(width + 2)}+`;
  return [
    edge,
    ...lines.map((line) => `| ${line}${' '.repeat(width - columns(line))} |`),
    edge,
  ].join('\n');
}
