// Stage logging: one line per step with timings when piped or in CI, live progress bars on a terminal.
import { timed } from './timed.ts';

export type Verbosity = 'quiet' | 'normal' | 'verbose';

export interface Logger {
  info(message: string): void;
  detail(message: string): void;
  warn(message: string): void;
  /** Times an async step and logs its duration. */
  step<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Reports progress of a long step; a bar on a TTY, a line every 10% otherwise. */
  progress(label: string, done: number, total: number): void;
}

export interface LoggerOptions {
  verbosity?: Verbosity;
  stream?: NodeJS.WriteStream;
  /** Live bars only on an interactive terminal outside CI. */
  interactive?: boolean;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const stream = options.stream ?? process.stderr;
  const verbosity = options.verbosity ?? 'normal';
  const interactive = options.interactive ?? (Boolean(stream.isTTY) && !process.env.CI);
  const lastDecile = new Map<string, number>();
  let barOpen = false;
  const write = (line: string) => {
    if (barOpen) {
      stream.write('\r\x1b[2K');
      barOpen = false;
    }
    stream.write(line + '\n');
  };
  return {
    info: (m) => verbosity !== 'quiet' && write(m),
    detail: (m) => verbosity === 'verbose' && write(m),
    warn: (m) => write(`warning: ${m}`),
    async step(name, fn) {
      if (verbosity === 'verbose') write(`▸ ${name} …`);
      const { value, seconds } = await timed(fn);
      if (verbosity !== 'quiet') write(`✓ ${name} (${seconds.toFixed(1)} s)`);
      return value;
    },
    progress(label, done, total) {
      if (verbosity === 'quiet' || total <= 0) return;
      const frac = Math.min(1, done / total);
      if (interactive) {
        const width = 24;
        const filled = Math.round(frac * width);
        stream.write(`\r\x1b[2K  ${label} [${'█'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`);
        barOpen = done < total;
        if (!barOpen) stream.write('\n');
        return;
      }
      const decile = Math.floor(frac * 10);
      if (decile !== lastDecile.get(label) && (decile === 10 || verbosity === 'verbose')) {
        lastDecile.set(label, decile);
        write(`  ${label}: ${done}/${total}`);
      }
    },
  };
}
