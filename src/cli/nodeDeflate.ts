import * as zlib from "zlib";
import { promisify } from "util";

const deflateRawAsync = promisify(zlib.deflateRaw);

/**
 * Node's native deflate, run on its thread pool, for the large parts of the scored copy.
 * zlib.crc32 arrived in Node 20.15; before it fflate compresses everything.
 */
export const nodeDeflate =
  typeof zlib.crc32 === "function"
    ? {
        deflateRaw: async (data: Uint8Array): Promise<Uint8Array> =>
          deflateRawAsync(data, { level: 1 }),
        crc32: (data: Uint8Array): number => zlib.crc32(data) >>> 0,
      }
    : undefined;
