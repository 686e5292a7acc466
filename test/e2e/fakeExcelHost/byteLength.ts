/** The one use the fake makes of Node's Buffer: measuring a payload's UTF-8 bytes. */
export const Buffer = {
  byteLength(text: string): number {
    return new TextEncoder().encode(text).length;
  },
};
