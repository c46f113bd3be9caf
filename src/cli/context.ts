/**
 * What every command of `timescales` gets, and the errors main() turns into
 * exit codes; kept apart from ./common.ts so that `timescales add` loads no
 * reader or writer (start-up time, issue 14).
 */
import type { Writable } from 'node:stream';

/** Where the command writes: process.stdout/stderr, or any writable stream (tests). */
export interface CliIO {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
}

/** What a command module gets: where to write, and how to set the exit code. */
export interface CommandContext {
  io: CliIO;
  /** Writes a line to stdout. */
  print(text: string): void;
  setExitCode(code: number): void;
}

/** Usage problems the CLI finds itself (exit 2). */
export class UsageError extends Error {}

/** An output that cannot be written: stdout, `--out` or `--problems` (exit 3, one line naming the path and the system's reason). */
export class OutputError extends Error {}

/** The system's reason for a failed write or open, in words. */
export function systemReason(err: NodeJS.ErrnoException): string {
  const words: Record<string, string> = {
    ENOSPC: 'no space left on the device',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such directory',
    EISDIR: 'it is a directory',
    EROFS: 'read-only file system',
    ENOTDIR: 'a part of the path is not a directory',
  };
  return (err.code && words[err.code]) ?? err.message;
}
