// heic-decode ships no types; this is the part we use.
declare module 'heic-decode' {
  interface Decoded {
    width: number;
    height: number;
    data: Uint8ClampedArray;
  }
  function decode(opts: { buffer: ArrayBufferLike | Uint8Array }): Promise<Decoded>;
  export default decode;
}
