/** Runs the `timescales` command in-process, collecting what it writes. */
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main';

/** A writable that keeps what is written (not a TTY, so the default format is csv). */
export class Collector extends Writable {
  chunks: string[] = [];
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: (error?: Error | null) => void): void {
    this.chunks.push(chunk.toString());
    cb();
  }
  get text(): string {
    return this.chunks.join('');
  }
}

export async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new Collector();
  const stderr = new Collector();
  const code = await main(args, { stdout, stderr });
  return { code, out: stdout.text, err: stderr.text };
}
