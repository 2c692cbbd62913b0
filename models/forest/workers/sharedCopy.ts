// Copies a typed array into a SharedArrayBuffer, which worker threads receive without a copy of their own.
export function sharedCopy<T extends Uint8Array | Uint16Array | Float64Array>(a: T): T {
  const copy = new (a.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
  copy.set(a);
  return copy;
}
