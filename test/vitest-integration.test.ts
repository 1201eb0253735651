// raftdd/vitest on scratch scripts: failures carry file:line and a diff,
// rewrite mode fills in missing outputs.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeScript } from '../src/vitest.js';
import { runFile } from '../src/datadriven/runner.js';
import { createEnv } from '../src/cli/envs.js';

const dir = mkdtempSync(join(tmpdir(), 'raftdd-vitest-'));
const fresh = join(dir, 'fresh.txt');
writeFileSync(fresh, 'add-nodes 2 voters=(1,2) index=2\n----\n\ncampaign 1\n', 'latin1');

describe('rewrite mode', () => {
  describeScript(fresh, { rewrite: true }, 'fresh.txt');
  afterAll(() => {
    const text = readFileSync(fresh, 'latin1');
    expect(text).toContain('INFO 1 became candidate at term 1');
    expect(runFile(fresh, createEnv('interaction')).ok).toBe(true);
  });
});

describe('failure messages', () => {
  it('name file:line and show the diff', async () => {
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, 'add-nodes 1 voters=(1) index=2\n----\nwrong\n', 'latin1');
    const r = runFile(bad, createEnv('interaction'));
    expect(r.failures).toHaveLength(1);
    const { formatMismatch, NO_COLORS } = await import('../src/cli/report.js');
    const text = formatMismatch(r.failures[0]!, NO_COLORS);
    expect(text).toContain(`${bad}:1: add-nodes 1 voters=(1) index=2`);
    expect(text).toContain('-wrong');
    expect(text).toContain('+INFO 1 switched to configuration voters=(1)');
  });
});
