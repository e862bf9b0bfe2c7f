import zlib from 'node:zlib';

/**
 * A valid XLSX whose first worksheet's XML is huge and compresses to almost nothing: a
 * decompression bomb, built in memory in a fraction of a second. The sheet is a header
 * row, then `unit` (some rows of sheet XML) repeated until the sheet is at least
 * `sheetBytes` long.
 *
 * The deflate stream is one compressed copy of a block of units, repeated: each copy ends
 * with a full flush, which resets the compressor, so every copy compresses to the same
 * bytes and the copies can simply be concatenated.
 */
export interface BombOptions {
  /** Decompressed size of the worksheet XML, at least. */
  sheetBytes: number;
  /** Rows of sheet XML to repeat (all with the same row number, so every copy is the same). */
  unit?: string;
  /** The first row, e.g. a template's header as inline strings. */
  header?: readonly string[];
  /**
   * The sizes the zip's directory and headers state for the sheet (a bomb that lies
   * about them); the true ones by default.
   */
  declaredSheetBytes?: number;
  /** Entries in Excel's order (worksheets before shared strings and styles). */
  excelOrder?: boolean;
  /** Makes the shared strings part a bomb too: strings of a thousand letters, this many bytes. */
  sharedStringsBytes?: number;
}

const main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const defaultUnit = '<row r="2"><c r="A2" t="inlineStr"><is><t>0</t></is></c></row>';

function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function inlineRow(values: readonly string[]): string {
  const cells = values
    .map((v, i) => `<c r="${columnLetters(i)}1" t="inlineStr"><is><t>${v}</t></is></c>`)
    .join('');
  return `<row r="1">${cells}</row>`;
}

interface Part {
  name: string;
  /** Deflated bytes. */
  data: Buffer;
  crc: number;
  size: number;
}

function smallPart(name: string, text: string): Part {
  const raw = Buffer.from(text, 'utf8');
  return { name, data: zlib.deflateRawSync(raw), crc: zlib.crc32(raw), size: raw.length };
}

/** A part of `head`, then `unit` repeated to at least `bytes` in all, then `tail`. */
function repeatedPart(name: string, head: string, unit: string, bytes: number, tail: string): Part {
  const start = Buffer.from(head);
  const end = Buffer.from(tail);
  const block = Buffer.from(unit.repeat(Math.ceil((1024 * 1024) / unit.length)));
  const copies = Math.max(1, Math.ceil((bytes - start.length) / block.length));
  const flushed = (data: Buffer): Buffer =>
    zlib.deflateRawSync(data, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const compressedBlock = flushed(block);
  const pieces = [flushed(start)];
  for (let i = 0; i < copies; i += 1) pieces.push(compressedBlock);
  pieces.push(zlib.deflateRawSync(end));
  let crc = zlib.crc32(start);
  for (let i = 0; i < copies; i += 1) crc = zlib.crc32(block, crc);
  crc = zlib.crc32(end, crc);
  return {
    name,
    data: Buffer.concat(pieces),
    crc,
    size: start.length + copies * block.length + end.length,
  };
}

function sheetPart(options: BombOptions): Part {
  return repeatedPart(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${main}><sheetData>` +
      (options.header ? inlineRow(options.header) : ''),
    options.unit ?? defaultUnit,
    options.sheetBytes,
    '</sheetData></worksheet>',
  );
}

function zip(parts: readonly Part[], declared: ReadonlyMap<string, number>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const size = declared.get(part.name) ?? part.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.crc, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, part.data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(part.crc, 16);
    central.writeUInt32LE(part.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + part.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The bytes of the bomb, an .xlsx file a few kilobytes to a few megabytes long. */
export function xlsxBomb(options: BombOptions): Buffer {
  const sheet = sheetPart(options);
  const workbook = smallPart(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${main} xmlns:r="${rel}">` +
      '<sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  const rels = smallPart(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  const stringsHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst ${main}>`;
  const strings =
    options.sharedStringsBytes === undefined
      ? smallPart('xl/sharedStrings.xml', `${stringsHead}</sst>`)
      : repeatedPart(
          'xl/sharedStrings.xml',
          stringsHead,
          `<si><t>${'x'.repeat(1000)}</t></si>`,
          options.sharedStringsBytes,
          '</sst>',
        );
  const types = smallPart(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '</Types>',
  );
  const parts = options.excelOrder
    ? [types, workbook, rels, sheet, strings]
    : [types, workbook, rels, strings, sheet];
  const declared = new Map<string, number>();
  if (options.declaredSheetBytes !== undefined)
    declared.set(sheet.name, options.declaredSheetBytes);
  return zip(parts, declared);
}
