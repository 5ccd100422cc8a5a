/**
 * Streaming plumbing of the register exports: rows pulled one at a time from a sync or async source, bytes pushed to
 * the caller's stream with its backpressure respected, and the event loop given back now and then so a long export
 * in the main process does not freeze the desk.
 */
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';

export type RowSource<T> = AsyncIterable<T> | Iterable<T>;

/**
 * Calls `fn` for each row in order; awaits it only when it returns a promise (a sync source costs no microtask per
 * row). Returns the number of rows.
 */
export async function eachRow<T>(rows: RowSource<T>, fn: (row: T) => void | Promise<void>): Promise<number> {
  let n = 0;
  if (Symbol.asyncIterator in rows) {
    for await (const row of rows) {
      const p = fn(row);
      if (p) await p;
      n++;
    }
    return n;
  }
  for (const row of rows) {
    const p = fn(row);
    if (p) await p;
    n++;
  }
  return n;
}

/** Lets timers, I/O and zlib callbacks run. */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Writes chunks to `out`, remembering when it asked to wait; `pace()` waits for it to drain. */
export class OutPump {
  private needDrain = false;
  private failure: Error | null = null;
  bytes = 0;

  constructor(readonly out: NodeJS.WritableStream) {
    out.on('error', (e: Error) => {
      this.failure ??= e;
    });
  }

  write(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    if (!this.out.write(chunk)) this.needDrain = true;
  }

  /** Waits while `out` is full (or yields once to the event loop), and surfaces a write error. */
  async pace(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.needDrain) {
      this.needDrain = false;
      await new Promise<void>((resolve, reject) => {
        const onDrain = () => {
          this.out.removeListener('error', onError);
          resolve();
        };
        const onError = (e: Error) => {
          this.out.removeListener('drain', onDrain);
          reject(e);
        };
        this.out.once('drain', onDrain);
        this.out.once('error', onError);
      });
    } else {
      await yieldToLoop();
    }
    if (this.failure) throw this.failure;
  }

  /** Ends `out` (as pipe() would) and waits until it has flushed. */
  async end(): Promise<void> {
    if (this.failure) throw this.failure;
    this.out.end();
    await finishedStream(this.out);
  }
}

/** Resolves when a writable stream has finished (and closed, for file streams). */
export async function finishedStream(out: NodeJS.WritableStream): Promise<void> {
  await finished(out as unknown as Writable);
}

/**
 * A failed export (the row source threw): destroys `out`, so a file stream closes and the caller, who gets the
 * error from the writer's promise, removes the partial file instead of keeping a truncated register. Without the
 * error: an 'error' event nobody listens to would crash the process.
 */
export function abandon(out: NodeJS.WritableStream): void {
  const d = (out as { destroy?: () => void }).destroy;
  if (typeof d === 'function') d.call(out);
}
