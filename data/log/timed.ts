// Times one step of work: its value with the wall seconds, the process's CPU seconds and its peak memory so far.

export interface Timing {
  /** Wall-clock seconds of the step. */
  seconds: number;
  /**
   * CPU seconds of the whole process during the step (every thread, DuckDB's included): steadier than wall time on a
   * busy machine.
   */
  cpuSeconds: number;
  /** Peak resident memory of the process so far (not only this step's), in MB. */
  peakRssMb: number;
}

export type Timed<T> = Timing & { value: T };

/** Runs `fn` and returns its value with how long it took. A step that throws is not timed: the error passes through. */
export async function timed<T>(fn: () => Promise<T>): Promise<Timed<T>> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const value = await fn();
  const cpu = process.cpuUsage(cpu0);
  return {
    value,
    seconds: (performance.now() - t0) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    // maxRSS is in kilobytes on Linux.
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
