// Runs the CLI in-process with captured output, and makes scratch dirs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { main, type Io } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

class Capture extends Writable {
  chunks: string[] = [];
  isTTY = false;
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    this.chunks.push(chunk.toString());
    cb();
  }
  text(): string {
    return this.chunks.join('');
  }
}

/** Runs `raftdd ...args` with the given stdin text; `tty` makes stdout and stderr terminals. */
export async function cli(args: string[], stdin = '', tty = false): Promise<CliResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  stdout.isTTY = tty;
  stderr.isTTY = tty;
  const input = new PassThrough();
  input.end(stdin);
  const io = { stdout, stderr, stdin: input } as unknown as Io;
  const code = await main(args, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

export function scratch(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'raftdd-test-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content, 'latin1');
  return dir;
}

/** The last non-empty line of a text. */
export function lastLine(s: string): string {
  const lines = s.split('\n').filter((l) => l !== '');
  return lines[lines.length - 1] ?? '';
}
