import * as zlib from "zlib";
import { promisify } from "util";
import type { DeflateStream, RawDeflate } from "../workbook/xlsx/opcPackage";

const deflateRawAsync = promisify(zlib.deflateRaw);

/**
 * Bytes zlib hands back at a time: each piece is a call back into JavaScript on this thread
 * (16 KiB by default: some sixty calls for a large part, each with its own buffer).
 */
const OUTPUT_CHUNK = 256 * 1024;

/**
 * Node's native deflate, run on its thread pool, for the large parts of the scored copy.
 * zlib.crc32 arrived in Node 20.15; before it fflate compresses everything.
 */
export const nodeDeflate: RawDeflate | undefined =
  typeof zlib.crc32 === "function"
    ? {
        deflateRaw: async (data: Uint8Array): Promise<Uint8Array> =>
          deflateRawAsync(data, { level: 1, chunkSize: OUTPUT_CHUNK }),
        crc32: (data: Uint8Array): number => zlib.crc32(data) >>> 0,
        deflateStream,
      }
    : undefined;

/**
 * A part compressed as it is made: each piece goes to zlib's stream, which deflates it on the
 * thread pool while the next is made; the checksum is kept as the pieces come.
 */
function deflateStream(): DeflateStream {
  const stream = zlib.createDeflateRaw({ level: 1, chunkSize: OUTPUT_CHUNK });
  const output: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => output.push(chunk));
  const finished = new Promise<Uint8Array>((resolve, reject) => {
    stream.on("end", () => resolve(Buffer.concat(output)));
    stream.on("error", reject);
  });
  // Until end() is asked for, a failure waits for it (no unhandled rejection meanwhile).
  finished.catch(() => undefined);
  let crc = 0;
  let size = 0;
  return {
    push(chunk) {
      crc = zlib.crc32(chunk, crc);
      size += chunk.length;
      stream.write(chunk);
    },
    async end() {
      stream.end();
      return { crc32: crc >>> 0, size, data: await finished };
    },
  };
}
