import * as zlib from "zlib";
import { promisify } from "util";
import type { CompressedBytes, RawDeflate } from "../workbook/xlsx/opcPackage";

const deflateRawAsync = promisify(zlib.deflateRaw);
const gzipAsync = promisify(zlib.gzip);

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
 * A large part as gzip gives it, cut back to raw DEFLATE and its CRC-32: gzip is the same
 * compressor (same level, same window) with a ten-byte header before the DEFLATE stream and the
 * CRC-32 and length after it, and it works out the CRC on the thread pool as it compresses, where
 * zlib.crc32 would take this thread (about 2 ms a 4 MB sheet). Null for a header with anything
 * more in it, or a length that is not the part's: the caller then does both itself.
 */
export function rawFromGzip(gzip: Uint8Array, size: number): CompressedBytes | null {
  const view = Buffer.from(gzip.buffer, gzip.byteOffset, gzip.length);
  if (view.length < 18 || view[0] !== 0x1f || view[1] !== 0x8b || view[2] !== 8 || view[3] !== 0)
    return null;
  if (view.readUInt32LE(view.length - 4) !== size >>> 0) return null;
  return {
    crc32: view.readUInt32LE(view.length - 8),
    data: gzip.subarray(10, gzip.length - 8),
  };
}

const deflateRaw = (data: Uint8Array): Promise<Uint8Array> | Uint8Array =>
  data.length < COMPRESS_HERE_BELOW
    ? zlib.deflateRawSync(data, { level: 1 })
    : deflateRawAsync(data, { level: 1, chunkSize: outputChunk(data.length) });

const crc32 = (data: Uint8Array): number => zlib.crc32(data) >>> 0;

/**
 * Node's native deflate, run on its thread pool for the large parts of the scored copy.
 * zlib.crc32 arrived in Node 20.15; before it fflate compresses everything.
 */
export const nodeDeflate: RawDeflate | undefined =
  typeof zlib.crc32 === "function"
    ? {
        deflateRaw: async (data: Uint8Array): Promise<Uint8Array> => deflateRaw(data),
        crc32,
        deflateRawWithCrc32: async (data: Uint8Array): Promise<CompressedBytes> => {
          if (data.length >= COMPRESS_HERE_BELOW) {
            const gzip = await gzipAsync(data, { level: 1, chunkSize: outputChunk(data.length) });
            const raw = rawFromGzip(gzip, data.length);
            if (raw !== null) return raw;
          }
          return { crc32: crc32(data), data: await deflateRaw(data) };
        },
      }
    : undefined;
