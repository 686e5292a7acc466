import * as zlib from "zlib";
import type { RawInflate } from "../workbook/xlsx/rawInflate";

/**
 * Node's native inflate for reading the input workbook: several times faster than fflate on a
 * large sheet, and `maxOutputLength` stops it as soon as a part inflates past what it declares.
 */
export const nodeInflate: RawInflate = {
  inflateRaw(data, limit, partial = false) {
    try {
      const inflated = zlib.inflateRawSync(data, {
        // 0 is not allowed; one byte more than the limit shows the limit was passed.
        maxOutputLength: limit + 1,
        // A head of a part ends mid-stream; what it gives is wanted all the same.
        finishFlush: partial ? zlib.constants.Z_SYNC_FLUSH : zlib.constants.Z_FINISH,
      });
      if (inflated.length > limit) {
        if (!partial) return null;
        return new Uint8Array(inflated.buffer, inflated.byteOffset, limit);
      }
      return new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.length);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
        if (partial) throw error;
        return null;
      }
      throw error;
    }
  },
};
