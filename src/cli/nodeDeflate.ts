import * as zlib from "zlib";
import { promisify } from "util";
import type { RawDeflate } from "../workbook/xlsx/opcPackage";

const deflateRawAsync = promisify(zlib.deflateRaw);

/**
 * Parts smaller than this are compressed on this thread, at once: a job on the thread pool costs
 * a wait of several milliseconds behind the large parts' compression and the collector (each of
 * the copy's dozen small parts waited 5–15 ms for work of 0.1 ms), and 1 MiB takes about 2 ms.
 */
const COMPRESS_HERE_BELOW = 1 << 20;

/**
 * Bytes zlib hands back at a time from the thread pool: each piece is a call back into
 * JavaScript on this thread, so a large part's compressed bytes come in one or two (16 KiB by
 * default: some thirty calls for a 4 MB sheet, each waiting for this thread to be free).
 */
function outputChunk(size: number): number {
  return Math.max(256 * 1024, size >> 2);
}

/**
 * Node's native deflate, run on its thread pool for the large parts of the scored copy.
 * zlib.crc32 arrived in Node 20.15; before it fflate compresses everything.
 */
export const nodeDeflate: RawDeflate | undefined =
  typeof zlib.crc32 === "function"
    ? {
        deflateRaw: async (data: Uint8Array): Promise<Uint8Array> =>
          data.length < COMPRESS_HERE_BELOW
            ? zlib.deflateRawSync(data, { level: 1 })
            : deflateRawAsync(data, { level: 1, chunkSize: outputChunk(data.length) }),
        crc32: (data: Uint8Array): number => zlib.crc32(data) >>> 0,
      }
    : undefined;
