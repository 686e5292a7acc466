/**
 * Raw DEFLATE decompression that stops at a size: a zip entry may inflate to no more than it
 * declares, and a hostile one (a zip bomb) must be cut off after that many bytes, not after it
 * has filled the memory. Node passes its native zlib (src/cli/nodeInflate.ts); everywhere else
 * fflate's streaming inflater is used (fflateCodecs.ts).
 */
export interface RawInflate {
  /**
   * The inflated bytes of `data`, when they number at most `limit`; null as soon as they pass
   * it. With `partial`, `data` may be only the beginning of a stream: what it gives is returned,
   * up to `limit` bytes (null is then never returned). Throws on corrupt data.
   */
  inflateRaw(data: Uint8Array, limit: number, partial?: boolean): Uint8Array | null;
}
