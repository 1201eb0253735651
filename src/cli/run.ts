// `raftdd run`: runs every script under the given paths against a fresh
// environment per file, and reports mismatches as unified diffs (or rewrites
// the golden output with --rewrite). The last line is `N passed, N failed`.
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { runFile, type DirectiveResult, type RunResult } from '../datadriven/runner.js';
import { walkFiles } from '../datadriven/walk.js';
import { byteStringToUtf8 } from '../util/bytes.js';
import type { RaftddConfig } from './config.js';
import { createEnv, type EnvName } from './envs.js';
import type { Io } from './main.js';
import { colorsFor, formatMismatch, type Colors } from './report.js';

export interface RunCommandOptions {
  paths: string[];
  env: EnvName | undefined;
  rewrite: boolean;
  filter: RegExp | undefined;
  bail: boolean;
  seed: number | undefined;
  json: boolean;
  debug: boolean;
  strict: boolean;
  config: RaftddConfig;
  io: Io;
}

interface Target {
  path: string;
  env: EnvName;
}

type FileStatus = 'passed' | 'failed' | 'error';

interface FileReport {
  path: string;
  env: EnvName;
  status: FileStatus;
  rewritten: boolean;
  result: RunResult;
}

export async function runCommand(o: RunCommandOptions): Promise<number> {
  const { io } = o;
  const colors = colorsFor(io.stdout);
  const say = (s: string) => {
    if (!o.json) io.stdout.write(s);
  };

  let targets: Target[];
  try {
    targets = collectTargets(o);
  } catch (e) {
    io.stderr.write(`raftdd: ${(e as Error).message}\n`);
    return 2;
  }
  if (targets.length === 0) {
    io.stderr.write('raftdd: no scripts to run (give a PATH, or roots in raftdd.yaml)\n');
    return 2;
  }

  const progress = !o.json && Boolean(io.stderr.isTTY) && targets.length > 1;
  const reports: FileReport[] = [];
  let passed = 0;
  let failed = 0;
  let errors = 0;
  for (const [i, t] of targets.entries()) {
    if (progress) io.stderr.write(`\r\x1b[K[${i + 1}/${targets.length}] ${display(t.path)}`);
    const env = createEnv(t.env, {
      seed: o.seed ?? o.config.seed,
      stabilizeMaxRounds: o.config.stabilizeMaxRounds,
      nodeDefaults: o.config.nodeDefaults,
      strict: o.strict,
    });
    const result = runFile(t.path, env, { rewrite: o.rewrite, keepPassing: o.json });
    const status: FileStatus = result.error ? 'error' : result.failures.length > 0 ? 'failed' : 'passed';
    reports.push({ path: t.path, env: t.env, status, rewritten: result.written, result });
    if (progress) io.stderr.write('\r\x1b[K');
    for (const note of result.logs) io.stderr.write(`${byteStringToUtf8(note)}\n`);
    if (status === 'passed') passed++;
    else failed++;
    if (status === 'error') errors++;
    say(describeFile(t.path, result, o, colors));
    if (o.bail && status !== 'passed') break;
  }
  if (progress) io.stderr.write('\r\x1b[K');

  if (o.json) {
    io.stdout.write(JSON.stringify(jsonReport(reports, passed, failed), null, 2) + '\n');
  } else {
    const rewritten = reports.filter((r) => r.rewritten).length;
    if (o.rewrite) say(`${rewritten} rewritten\n`);
    say(`${passed} passed, ${failed} failed\n`);
  }
  return errors > 0 ? 2 : failed > 0 ? 1 : 0;
}

function collectTargets(o: RunCommandOptions): Target[] {
  const roots: Target[] =
    o.paths.length > 0
      ? o.paths.map((p) => ({ path: p, env: o.env ?? 'interaction' }))
      : o.config.roots.map((r) => ({ path: r.path, env: o.env ?? r.env }));
  const out: Target[] = [];
  for (const root of roots) {
    let isDir: boolean;
    try {
      isDir = statSync(root.path).isDirectory();
    } catch {
      throw new Error(`${root.path}: no such file or directory`);
    }
    const files = isDir ? walkFiles(root.path) : [root.path];
    for (const f of files) {
      if (o.filter && !o.filter.test(f)) continue;
      out.push({ path: f, env: root.env });
    }
  }
  return out;
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

function describeFile(path: string, r: RunResult, o: RunCommandOptions, c: Colors): string {
  const parts: string[] = [];
  for (const f of r.failures) parts.push(byteStringToUtf8(formatMismatch(f, c)));
  if (r.error) {
    const where = r.error.pos ?? path;
    parts.push(`${c.red('ERROR')} ${where}: ${byteStringToUtf8(r.error.message)}\n`);
    if (o.rewrite) parts.push(`  ${display(path)} was left unchanged\n`);
    if (o.debug && r.error.cause instanceof Error && r.error.cause.stack) {
      parts.push(r.error.cause.stack + '\n');
    }
  } else if (r.written) {
    parts.push(`${c.green('rewrote')} ${display(path)}\n`);
  }
  return parts.join('');
}

function directiveJson(d: DirectiveResult) {
  return {
    pos: d.pos,
    directive: byteStringToUtf8(d.directive),
    passed: d.passed,
    expected: byteStringToUtf8(d.expected),
    actual: byteStringToUtf8(d.actual),
  };
}

function jsonReport(reports: FileReport[], passed: number, failed: number) {
  return {
    passed,
    failed,
    files: reports.map((r) => ({
      path: r.path,
      env: r.env,
      status: r.status,
      rewritten: r.rewritten,
      error: r.result.error ? { pos: r.result.error.pos ?? r.path, message: byteStringToUtf8(r.result.error.message) } : null,
      directives: r.result.directives.map(directiveJson),
    })),
  };
}
