/**
 * Raw DEFLATE decompression that stops at a size: a zip entry may inflate to no more than it
 * declares, and a hostile one (a zip bomb) must be cut off after that many bytes, not after it
 * has filled the memory. fflate's streaming inflater is fed the compressed data a slice at a
 * time, so it never produces much more than one slice can expand to (1,032 times its size)
 * before the limit is seen. Node passes its native zlib instead (src/cli/nodeInflate.ts), which
 * is several times faster and stops by itself at `maxOutputLength`.
 */
import { Inflate } from "fflate";

export interface RawInflate {
  /**
   * The inflated bytes of `data`, when they number at most `limit`; null as soon as they pass
   * it. With `partial`, `data` may be only the beginning of a stream: what it gives is returned,
   * up to `limit` bytes (null is then never returned). Throws on corrupt data.
   */
  inflateRaw(data: Uint8Array, limit: number, partial?: boolean): Uint8Array | null;
}

// 16 KiB of compressed data inflate to 16.5 MiB at most.
const SLICE = 16 * 1024;

/** fflate's inflater, for every platform (the browser, and Node where nothing faster is given). */
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
