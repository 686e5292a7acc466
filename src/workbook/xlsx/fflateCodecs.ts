/**
 * Inflate and deflate where the platform gives none (the browser; tests): fflate, small and
 * well kept, whose streaming inflater can be stopped after any slice of input. Loaded only when
 * no platform codec is given (see loadCodecs in zipPackage.ts), so the CLI, which passes Node's
 * zlib, never loads it.
 */
import { Inflate, deflateSync } from "fflate";
import { crc32 } from "./crc32";
import type { RawDeflate } from "./opcPackage";
import type { RawInflate } from "./rawInflate";

// 16 KiB of compressed data inflate to 16.5 MiB at most (deflate's largest ratio is 1,032).
const SLICE = 16 * 1024;

export const fflateInflate: RawInflate = {
  inflateRaw(data, limit, partial = false) {
    let out = new Uint8Array(limit);
    let length = 0;
    let over = false;
    const inflater = new Inflate((chunk) => {
      if (over) return;
      if (length + chunk.length > limit) {
        over = true;
        // A partial read keeps what fits.
        if (partial) out.set(chunk.subarray(0, limit - length), length);
        length = limit;
        return;
      }
      out.set(chunk, length);
      length += chunk.length;
    });
    for (let offset = 0; offset < data.length && !over; offset += SLICE) {
      const end = Math.min(offset + SLICE, data.length);
      inflater.push(data.subarray(offset, end), !partial && end === data.length);
    }
    if (data.length === 0 && !partial) inflater.push(data, true);
    if (over && !partial) return null;
    if (length < out.length) out = out.subarray(0, length);
    return out;
  },
};

export const fflateDeflate: RawDeflate = {
  deflateRaw: (data) => Promise.resolve(deflateSync(data, { level: 6 })),
  crc32,
};
