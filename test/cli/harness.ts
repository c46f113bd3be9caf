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

/**
 * Runs the command. `out` is stdout without the UTF-8 byte order mark that CSV
 * output begins with (tests compare text); `raw` is stdout exactly as written.
 */
export async function run(...args: string[]): Promise<{ code: number; out: string; err: string; raw: string }> {
  const stdout = new Collector();
  const stderr = new Collector();
  const code = await main(args, { stdout, stderr });
  const raw = stdout.text;
  const result = { code, out: raw.startsWith('\ufeff') ? raw.slice(1) : raw, err: stderr.text } as { code: number; out: string; err: string; raw: string };
  // Not enumerable, so that tests comparing { code, out, err } whole are unchanged.
  Object.defineProperty(result, 'raw', { value: raw, enumerable: false });
  return result;
}
