// WebAssembly SIMD prediction over a BlockForest: four tree levels per lookup, eight rows walked side by side.
import { CODE_FLIP, IMAGE_BASE, NAN_CODE, exitTable, type BlockForest } from './blockForest.ts';
import { codeColumn, type CutCoder } from './cutTable.ts';
import { I32, V128, op, wasmModule, type WasmFunction } from './wasmModule.ts';

/** Rows walked together: eight independent walks keep the core busy while each waits on its block loads. */
const ROWS_AT_ONCE = 8;
/** Rows coded and walked per pass of the trees: 32k rows of codes (0.5–2 MB) stay in L2 while each tree walks them. */
const CHUNK_ROWS = 32_768; // a multiple of ROWS_AT_ONCE

/**
 * walk<k>(root, rows, codes, acc): for rows [0, rows) (a multiple of ROWS_AT_ONCE) of row-major codes (16 bytes per
 * group), walks the tree whose first block is at `root` for k lookups and adds the leaf value reached to acc[row].
 * Per lookup: the 15 lanes' codes by swizzle from the row's registers, one signed byte compare against the limits
 * (codes and limits are flipped into the signed range), the 15-bit mask to an exit through the exit table, and that
 * exit's address is the next block (or the leaf).
 */
function walkFunction(groups: number, k: number): WasmFunction {
  const [root, rows, codes, acc] = [0, 1, 2, 3];
  const stride = 16 * groups;
  let next = 4;
  const row = next++; // codes of the first of the rows in hand
  const sum = next++; // their sums
  const end = next++;
  const block = Array.from({ length: ROWS_AT_ONCE }, () => next++);
  const nI32 = next - 4;
  const feature = next++;
  // offset[g - 1] = splat(16 g): feature - 16 g indexes group g
  const offset = Array.from({ length: groups - 1 }, () => next++);
  const reg = Array.from({ length: ROWS_AT_ONCE }, () => Array.from({ length: groups }, () => next++));
  const rootFeatures = Array.from({ length: groups }, () => next++); // the root's features, less 16 g for group g
  const rootAdd = next++;
  const rootLimit = next++;

  const load = (r: number): number[] => [
    ...reg[r]!.flatMap((v, g) => [...op.localGet(row), ...op.v128Load(r * stride + 16 * g), ...op.localSet(v)]),
  ];
  /**
   * One lookup for row r in the record at `at`: `features(g)` pushes the lane features less 16 g, `add` and `limit`
   * the record's adds and limits; the row moves on to the exit's address.
   */
  const decide = (
    r: number,
    features: (g: number) => number[],
    add: number[],
    limit: number[],
    at: number[],
  ): number[] => [
    ...op.localGet(reg[r]![0]!),
    ...features(0),
    ...op.i8x16Swizzle,
    ...reg[r]!.slice(1).flatMap((v, i) => [...op.localGet(v), ...features(i + 1), ...op.i8x16Swizzle, ...op.v128Or]),
    ...add,
    ...op.i8x16Add,
    ...limit,
    ...op.i8x16GtS,
    ...op.i8x16Bitmask, // lanes that send the row right; lane 15 never does
    ...op.i32Load8U(0),
    ...at,
    ...op.i32Add,
    ...op.i32Load(0),
    ...op.localSet(block[r]!),
  ];
  // The first lookup: every row is at the root, whose features, limits and adds are read once for all eight.
  const readRoot = [
    ...op.localGet(root),
    ...op.v128Load(0),
    ...op.localSet(rootFeatures[0]!),
    ...offset.flatMap((o, i) => [
      ...op.localGet(rootFeatures[0]!),
      ...op.localGet(o),
      ...op.i8x16Sub,
      ...op.localSet(rootFeatures[i + 1]!),
    ]),
    ...op.localGet(root),
    ...op.v128Load(32),
    ...op.localSet(rootAdd),
    ...op.localGet(root),
    ...op.v128Load(16),
    ...op.localSet(rootLimit),
  ];
  const firstLookup = (r: number): number[] =>
    decide(r, (g) => op.localGet(rootFeatures[g]!), op.localGet(rootAdd), op.localGet(rootLimit), op.localGet(root));
  // Lookups after the first: each row reads its own block's features, limits and adds.
  const lookup = (r: number): number[] => {
    const at = op.localGet(block[r]!);
    const features = (g: number): number[] =>
      g === 0
        ? [...at, ...op.v128Load(0), ...op.localTee(feature)]
        : [...op.localGet(feature), ...op.localGet(offset[g - 1]!), ...op.i8x16Sub];
    return decide(r, features, [...at, ...op.v128Load(32)], [...at, ...op.v128Load(16)], at);
  };
  const accumulate = (r: number): number[] => [
    ...op.localGet(sum),
    ...op.localGet(sum),
    ...op.f64Load(8 * r),
    ...op.localGet(block[r]!),
    ...op.f64Load(0),
    ...op.f64Add,
    ...op.f64Store(8 * r),
  ];
  const nV128 = next - 4 - nI32;
  const all = (f: (r: number) => number[]): number[] => Array.from({ length: ROWS_AT_ONCE }, (_, r) => f(r)).flat();
  const advance = (local: number, by: number): number[] => [
    ...op.localGet(local),
    ...op.i32Const(by),
    ...op.i32Add,
    ...op.localSet(local),
  ];
  const body = [
    ...offset.flatMap((v, i) => [...op.i32Const(16 * (i + 1)), ...op.i8x16Splat, ...op.localSet(v)]),
    ...readRoot,
    ...op.localGet(codes),
    ...op.localSet(row),
    ...op.localGet(acc),
    ...op.localSet(sum),
    ...op.localGet(rows),
    ...op.i32Const(8),
    ...op.i32Mul,
    ...op.localGet(acc),
    ...op.i32Add,
    ...op.localSet(end),
    ...op.block,
    ...op.loop,
    ...op.localGet(sum),
    ...op.localGet(end),
    ...op.i32GeU,
    ...op.brIf(1),
    ...all(load),
    ...all(firstLookup),
    ...Array.from({ length: k - 1 }, () => all(lookup)).flat(),
    ...all(accumulate),
    ...advance(row, ROWS_AT_ONCE * stride),
    ...advance(sum, 8 * ROWS_AT_ONCE),
    ...op.br(0),
    ...op.end,
    ...op.end,
  ];
  return {
    name: `walk${k}`,
    params: [I32, I32, I32, I32],
    locals: [...Array<number>(nI32).fill(I32), ...Array<number>(nV128).fill(V128)],
    body,
  };
}

const modules = new Map<string, WebAssembly.Module>();

/** The distinct lookup counts of a forest's trees, ascending. */
const stepCounts = (forest: BlockForest): number[] => [...new Set(forest.steps)].sort((a, b) => a - b);
const moduleKey = (forest: BlockForest): string => `${forest.groups}:${stepCounts(forest).join(',')}`;

/**
 * The compiled walks for a forest's code groups and lookup counts, shared by every kernel of the thread. A module
 * posted to a worker shares its compiled (and optimised) code: see adoptWalkModule.
 */
export function walkModuleFor(forest: BlockForest): WebAssembly.Module {
  const key = moduleKey(forest);
  let module = modules.get(key);
  if (!module) {
    module = new WebAssembly.Module(wasmModule(stepCounts(forest).map((k) => walkFunction(forest.groups, k))));
    modules.set(key, module);
  }
  return module;
}

/** Makes a module from walkModuleFor in another thread this thread's walks for forests like `forest`. */
export function adoptWalkModule(forest: BlockForest, module: WebAssembly.Module): void {
  modules.set(moduleKey(forest), module);
}

let supported: boolean | undefined;
/** The exit table, built once per thread: every kernel's memory starts with a copy. */
let exits: Uint8Array | undefined;

/**
 * Whether this runtime runs WebAssembly SIMD (Node 20 does); predictPacked walks nodes in plain JavaScript otherwise.
 */
export function blockKernelSupported(): boolean {
  supported ??= typeof WebAssembly === 'object' && WebAssembly.validate(wasmModule([walkFunction(1, 1)]));
  return supported;
}

type Walk = (root: number, rows: number, codes: number, acc: number) => void;

/**
 * One thread's kernel for one forest: its memory holds the exit table, the forest image and a chunk of codes and sums.
 */
export class BlockKernel {
  private readonly memory: WebAssembly.Memory;
  /** Each tree's walk (by its lookup count). */
  private readonly walks: Walk[];
  private readonly stride: number;
  private readonly codesAt: number;
  private readonly accAt: number;
  private readonly codes: Uint8Array;
  private readonly acc: Float64Array;

  constructor(private readonly forest: BlockForest) {
    const { groups, image } = forest;
    const chunk = CHUNK_ROWS;
    this.stride = 16 * groups;
    this.codesAt = IMAGE_BASE + ((image.length + 63) & ~63);
    this.accAt = this.codesAt + chunk * this.stride;
    const bytes = this.accAt + 8 * chunk;
    this.memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / 65536) });
    const heap = new Uint8Array(this.memory.buffer);
    exits ??= exitTable();
    heap.set(exits, 0);
    heap.set(image, IMAGE_BASE);
    this.codes = new Uint8Array(this.memory.buffer, this.codesAt, chunk * this.stride);
    this.acc = new Float64Array(this.memory.buffer, this.accAt, chunk);
    const { exports } = new WebAssembly.Instance(walkModuleFor(forest), { env: { memory: this.memory } });
    this.walks = Array.from(forest.steps, (k) => exports[`walk${k}`] as Walk);
  }

  /**
   * Mean leaf value over trees for rows [start, end) of columns coded by `coders` (one per feature), into
   * out[start..end).
   */
  predict(
    columns: readonly Float32Array[],
    coders: readonly CutCoder[],
    out: Float64Array,
    start: number,
    end: number,
  ): void {
    const { roots, nTrees } = this.forest;
    const walks = this.walks;
    const chunk = this.acc.length;
    const bits = columns.map((c) => new Int32Array(c.buffer, c.byteOffset, c.length));
    for (let c0 = start; c0 < end; c0 += chunk) {
      const m = Math.min(chunk, end - c0);
      for (let f = 0; f < coders.length; f++) {
        codeColumn(columns[f]!, bits[f]!, c0, m, coders[f]!, NAN_CODE, this.codes, f, this.stride, CODE_FLIP);
      }
      // Rows past m up to the next multiple of eight walk whatever codes they hold; their sums are not read.
      const padded = Math.ceil(m / ROWS_AT_ONCE) * ROWS_AT_ONCE;
      this.acc.fill(0, 0, padded);
      for (let t = 0; t < nTrees; t++) walks[t]!(roots[t]!, padded, this.codesAt, this.accAt);
      for (let i = 0; i < m; i++) out[c0 + i] = this.acc[i]! / nTrees;
    }
  }
}
