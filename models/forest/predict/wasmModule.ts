// Assembles a WebAssembly module from instruction bytes: the few instructions the block prediction kernel uses.

/** Value types. */
export const I32 = 0x7f;
export const V128 = 0x7b;

/** Unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) return [...out, b];
    out.push(b | 0x80);
  }
}

const simd = (op: number): number[] => [0xfd, ...uleb(op)];

/** Instructions by their text-format names; memory offsets are byte offsets added to the address operand. */
export const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  localGet: (i: number) => [0x20, ...uleb(i)],
  localSet: (i: number) => [0x21, ...uleb(i)],
  localTee: (i: number) => [0x22, ...uleb(i)],
  i32Load: (offset: number) => [0x28, 2, ...uleb(offset)],
  i32Load8U: (offset: number) => [0x2d, 0, ...uleb(offset)],
  f64Load: (offset: number) => [0x2b, 3, ...uleb(offset)],
  f64Store: (offset: number) => [0x39, 3, ...uleb(offset)],
  i32Const: (n: number) => [0x41, ...sleb(n)],
  i32GeU: [0x4f],
  i32Add: [0x6a],
  i32Mul: [0x6c],
  f64Add: [0xa0],
  v128Load: (offset: number) => [...simd(0x00), 4, ...uleb(offset)],
  i8x16Swizzle: simd(0x0e),
  i8x16Splat: simd(0x0f),
  i8x16GtS: simd(0x27),
  v128Or: simd(0x50),
  i8x16Bitmask: simd(0x64),
  i8x16Add: simd(0x6e),
  i8x16Sub: simd(0x71),
} as const;

export interface WasmFunction {
  /** Export name. */
  name: string;
  /** Parameter types; locals are numbered after them. */
  params: readonly number[];
  /** Types of the further locals, in order. */
  locals: readonly number[];
  body: readonly number[];
}

const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
const vector = (items: readonly number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, items: readonly number[][]): number[] => {
  const body = vector(items);
  return [id, ...uleb(body.length), ...body];
};

/** A module importing its memory as env.memory and exporting each function, none returning a value. */
export function wasmModule(functions: readonly WasmFunction[]): Uint8Array<ArrayBuffer> {
  const locals = (types: readonly number[]): number[] => vector(types.map((t) => [1, t]));
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(
      1,
      functions.map((f) => [0x60, ...vector(f.params.map((t) => [t])), 0]),
    ),
    ...section(2, [[...name('env'), ...name('memory'), 0x02, 0x00, 0x01]]),
    ...section(
      3,
      functions.map((_, i) => uleb(i)),
    ),
    ...section(
      7,
      functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]),
    ),
    ...section(
      10,
      functions.map((f) => {
        const code = [...locals(f.locals), ...f.body, ...op.end];
        return [...uleb(code.length), ...code];
      }),
    ),
  ]);
}
