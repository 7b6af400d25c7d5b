import { Readable } from 'node:stream';
import { Zip, ZipDeflate, strToU8 } from 'fflate';

export interface ZipEntry {
  name: string;
  /** The file's text, produced lazily: a batch is read from the database only when the client reads on. */
  chunks: AsyncIterable<string>;
}

/** Text is deflated in pieces of about this size, not line by line (fewer, fuller deflate blocks). */
const PIECE = 64 * 1024;

/**
 * A zip written as it is read (fflate's streaming Zip): each entry is deflated piece by piece and
 * the archive's bytes are handed on at once, so memory holds one piece, never the archive. The
 * generator behind the stream pulls the next database batch only when the reader asks for more.
 */
export function zipStream(entries: Iterable<ZipEntry> | AsyncIterable<ZipEntry>, mtime: Date): Readable {
  async function* generate(): AsyncGenerator<Buffer> {
    const out: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((error, chunk) => {
      if (error) failure = error;
      else out.push(chunk);
    });
    const flush = function* () {
      if (failure) throw failure;
      while (out.length) yield Buffer.from(out.shift()!);
    };
    for await (const entry of entries) {
      const file = new ZipDeflate(entry.name, { level: 6 });
      file.mtime = mtime;
      zip.add(file);
      let piece = '';
      for await (const text of entry.chunks) {
        piece += text;
        if (piece.length < PIECE) continue;
        file.push(strToU8(piece));
        piece = '';
        yield* flush();
      }
      file.push(strToU8(piece), true);
      yield* flush();
    }
    zip.end();
    yield* flush();
  }
  return Readable.from(generate(), { objectMode: false });
}
