// ingest's side of the mapping sandbox: starts the child process (sandboxChild.ts) and sends it requests.
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UserError } from '../../../data/validation/errors.ts';
import { IN_SANDBOX_ENV } from '../stageFile.ts';
import type {
  InitRequest,
  SandboxReply,
  SandboxRequest,
  StageRequest,
  StageResponse,
  ValidateRequest,
  ValidateResponse,
} from './protocol.ts';

const CHILD = fileURLToPath(new URL('./sandboxChild.ts', import.meta.url));

/** tsx's loader, so the child runs TypeScript as this process does. */
function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}

export class Sandbox {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private exited: Error | undefined;

  private constructor(
    private readonly child: ChildProcess,
    private readonly mappingFile: string,
  ) {
    child.on('message', (reply: SandboxReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.value);
      else p.reject(reply.user ? new UserError(reply.message) : new Error(`mapping sandbox: ${reply.message}`));
    });
    child.on('exit', (code, signal) => {
      this.exited = new Error(`the mapping sandbox process ended (${signal ?? `exit code ${code}`})`);
      for (const p of this.pending.values()) p.reject(this.exited);
      this.pending.clear();
    });
  }

  /** Starts the child and opens its database (see sandboxDb.ts). */
  static async open(init: Omit<InitRequest, 'kind'>): Promise<Sandbox> {
    const child = fork(CHILD, [], {
      execArgv: ['--import', tsxLoader()],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
      env: { ...process.env, TZ: 'UTC', [IN_SANDBOX_ENV]: '1' },
    });
    const sandbox = new Sandbox(child, init.mappingFile);
    try {
      await sandbox.request({ kind: 'init', ...init });
    } catch (err) {
      sandbox.kill();
      throw err;
    }
    return sandbox;
  }

  private request(req: SandboxRequest): Promise<unknown> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, req });
    });
  }

  validate(req: Omit<ValidateRequest, 'kind'>): Promise<ValidateResponse> {
    return this.request({ kind: 'validate', ...req }) as Promise<ValidateResponse>;
  }

  /** Stages a mapped file; a mapping error names the mapping file and its key. */
  async stage(req: Omit<StageRequest, 'kind'>): Promise<StageResponse> {
    try {
      return (await this.request({ kind: 'stage', ...req })) as StageResponse;
    } catch (err) {
      if (err instanceof UserError) throw new UserError(`${this.mappingFile}: ${err.message} — nothing was loaded`);
      throw err;
    }
  }

  /** Closes the child's database and lets it exit. */
  async close(): Promise<void> {
    if (this.exited) return;
    await this.request({ kind: 'close' }).catch(() => undefined);
  }

  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }
}
