import { createHash } from 'node:crypto';
import fs from 'node:fs';

export interface FileDigest {
  sha256: string;
  bytes: number;
}

/**
 * Chunks are handed on in 64 KiB, the size the decoders like best: a decoded chunk stays
 * below V8's large-object threshold (above it UTF-8 decoding is several times slower).
 * They are read 1 MiB at a time, though, so that the file system keeps
 * ahead of the parser instead of leaving it idle between small reads.
 */
export const chunkSize = 64 * 1024;
const readSize = 1024 * 1024;

/**
 * The bytes of a file in chunks, hashed on the way through so the digest costs no second
 * read. `done` receives the digest after the last chunk, and only then: a reader that
 * stops early gets no digest, because it would not be the file's.
 */
export async function* readHashed(
  path: string,
  done: (digest: FileDigest) => void,
  /** Bytes read so far, kept up to date for a progress display. */
  progress?: { bytes: number },
): AsyncGenerator<Buffer> {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = fs.createReadStream(path, { highWaterMark: readSize });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
      if (progress) progress.bytes = bytes;
      for (let at = 0; at < chunk.length; at += chunkSize) {
        yield chunk.subarray(at, Math.min(chunk.length, at + chunkSize));
      }
    }
  } finally {
    stream.destroy();
  }
  done({ sha256: hash.digest('hex'), bytes });
}
