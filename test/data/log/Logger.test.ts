// Progress output: one line per step with timings when piped or in CI, live bars on a terminal, --quiet and --verbose.
import { describe, expect, it } from 'vitest';
import { createLogger, type Verbosity } from '../../../data/log/Logger.ts';

function capture(verbosity: Verbosity, interactive: boolean) {
  const chunks: string[] = [];
  const stream = { write: (s: string) => (chunks.push(s), true), isTTY: interactive } as unknown as NodeJS.WriteStream;
  return { log: createLogger({ verbosity, stream, interactive }), text: () => chunks.join('') };
}

describe('Logger', () => {
  it('piped: a timed line per step and one line when a long step completes', async () => {
    const { log, text } = capture('normal', false);
    await log.step('features', async () => {
      for (let i = 1; i <= 20; i++) log.progress('trees', i, 20);
    });
    expect(text()).toMatch(/^ {2}trees: 20\/20\n✓ features \(\d+\.\d s\)\n$/);
  });

  it('on a terminal: a bar redrawn in place, closed with a newline at the end', () => {
    const { log, text } = capture('normal', true);
    log.progress('trees', 1, 4);
    log.progress('trees', 4, 4);
    expect(text()).toBe(
      '\r\x1b[2K  trees [██████                  ] 1/4\r\x1b[2K  trees [████████████████████████] 4/4\n',
    );
  });

  it('a message during a bar clears the bar line first', () => {
    const { log, text } = capture('normal', true);
    log.progress('trees', 1, 4);
    log.info('hello');
    expect(text().endsWith('\r\x1b[2Khello\n')).toBe(true);
  });

  it('--quiet keeps warnings only', async () => {
    const { log, text } = capture('quiet', false);
    log.info('info');
    log.detail('detail');
    log.progress('trees', 5, 5);
    await log.step('score', async () => undefined);
    log.warn('careful');
    expect(text()).toBe('warning: careful\n');
  });

  it('--verbose adds details, step starts and every tenth of a long step', async () => {
    const { log, text } = capture('verbose', false);
    log.detail('detail');
    await log.step('score', async () => {
      for (let i = 1; i <= 10; i++) log.progress('rows', i, 10);
    });
    const lines = text().trim().split('\n');
    expect(lines[0]).toBe('detail');
    expect(lines[1]).toBe('▸ score …');
    expect(lines.filter((l) => l.startsWith('  rows:'))).toHaveLength(10);
    expect(lines.at(-1)).toMatch(/^✓ score \(\d+\.\d s\)$/);
  });
});
