import iconv from 'iconv-lite';
import { TextDecoder } from 'node:util';
import { detectEncoding, firstNonAscii, sniffWindow } from './detectEncoding.js';
import type { TextEncoding } from './tableReader.js';

interface StreamingDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

function gb18030Decoder(): StreamingDecoder {
  // Node's TextDecoder (ICU) decodes GB18030 about four times as fast as iconv-lite, but
  // a Node built with small-icu does not know GB18030; iconv-lite is the fallback.
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder('gb18030');
  } catch {
    const fallback = iconv.getDecoder('gb18030');
    return {
      write: (bytes) => fallback.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)),
      end: () => fallback.end() ?? '',
    };
  }
  return {
    write: (bytes) => decoder.decode(bytes, { stream: true }),
    end: () => decoder.decode(),
  };
}

function decoderFor(encoding: TextEncoding): StreamingDecoder {
  if (encoding === 'gb18030') return gb18030Decoder();
  // The WHATWG UTF-8 decoder drops a leading BOM itself and turns invalid bytes into
  // U+FFFD instead of failing, so a file that changes encoding halfway still reads.
  const decoder = new TextDecoder('utf-8');
  return {
    write: (bytes) => decoder.decode(bytes, { stream: true }),
    end: () => decoder.decode(),
  };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/**
 * Decodes CSV bytes to text as they stream in. With `known` undefined (the start of the
 * file was plain ASCII), ASCII chunks pass through as they are — they read the same in
 * every encoding we accept — and the encoding is decided on the first 64 KiB that follow
 * the first non-ASCII byte, so a long ASCII preamble (English header keys, codes, numbers)
 * cannot hide a GB18030 file. `decided` is called once the encoding is known. A leading
 * byte order mark is dropped.
 */
export async function* decodeText(
  bytes: AsyncIterable<Uint8Array>,
  known: TextEncoding | undefined,
  decided: (encoding: TextEncoding) => void,
): AsyncGenerator<string> {
  let decoder = known === undefined ? undefined : decoderFor(known);
  let atStart = true;
  const held: Uint8Array[] = [];
  let heldBytes = 0;

  const decide = (complete: boolean): StreamingDecoder => {
    const encoding = detectEncoding(concat(held), complete) ?? 'utf-8';
    decided(encoding);
    return decoderFor(encoding);
  };
  const stripBom = (text: string): string => {
    // GB18030's own byte order mark decodes to U+FEFF; TextDecoder removes UTF-8's.
    if (!atStart || text === '') return text;
    atStart = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  };

  for await (const chunk of bytes) {
    if (decoder) {
      const text = stripBom(decoder.write(chunk));
      if (text !== '') yield text;
      continue;
    }
    if (held.length === 0) {
      const start = firstNonAscii(chunk);
      if (start === -1) {
        if (chunk.length > 0) {
          atStart = false;
          yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString('latin1');
        }
        continue;
      }
      held.push(chunk);
      heldBytes = chunk.length - start;
    } else {
      held.push(chunk);
      heldBytes += chunk.length;
    }
    if (heldBytes < sniffWindow) continue;
    decoder = decide(false);
    for (const part of held.splice(0)) {
      const text = stripBom(decoder.write(part));
      if (text !== '') yield text;
    }
  }
  if (!decoder && held.length > 0) {
    decoder = decide(true);
    for (const part of held.splice(0)) {
      const text = stripBom(decoder.write(part));
      if (text !== '') yield text;
    }
  }
  if (!decoder) {
    decided(known ?? 'utf-8');
    return;
  }
  const rest = stripBom(decoder.end());
  if (rest !== '') yield rest;
}
