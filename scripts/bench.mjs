// npm run bench: speed and memory of raftdd on this machine.
//
// 1. `raftdd run --rewrite` on generated 3-node scripts proposing N entries
//    (log-level none, a stabilize every 10 proposals): wall time, proposals/s
//    and peak memory (each run is its own process).
// 2. The etcd interaction suite (28 files) as one cold `raftdd run` process.
// 3. The REPL: time per command on a 10,000-entry log.
// 4. RawNode alone: proposals committed per second in a 3-node in-memory
//    cluster, without the environment.
//
// Options: --sizes 1000,10000 (default 1000,10000,50000,200000), --runs N
// (cold-suite repetitions, default 15).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const sizes = arg('--sizes', '1000,10000,50000,200000').split(',').map(Number);
const coldRuns = Number(arg('--runs', '15'));

if (!existsSync(join(root, 'dist', 'cli.cjs'))) {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
}

const work = mkdtempSync(join(tmpdir(), 'raftdd-bench-'));
const rows = [];
const line = (cells) => '| ' + cells.join(' | ') + ' |';

function proposalScript(n) {
  const out = ['log-level none', '----', 'ok', '', 'add-nodes 3 voters=(1,2,3) index=2', '----', 'ok', ''];
  out.push('campaign 1', '----', 'ok', '', 'stabilize', '----', 'ok', '');
  for (let i = 0; i < n; i++) {
    out.push(`propose 1 v${i}`, '----', 'ok', '');
    if ((i + 1) % 10 === 0) out.push('stabilize', '----', 'ok', '');
  }
  out.push('log-level info', '----', 'ok', '', 'raft-state', '----', '');
  return out.join('\n');
}

/** Runs the CLI in a child process; returns wall seconds and peak RSS in MiB. */
function timedCli(args) {
  const child = join(root, 'scripts', 'bench-child.mjs');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [child, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /RAFTDD_BENCH (\{.*\})/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`raftdd ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return { wall, peakMiB: JSON.parse(m[1]).maxRSS / 1024 };
}

console.log(`raftdd benchmarks — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);

// 1. Proposal scripts.
console.log(line(['proposals', 'wall (s)', 'proposals/s', 'peak memory (MiB)']));
console.log(line(['---:', '---:', '---:', '---:']));
for (const n of sizes) {
  const file = join(work, `propose-${n}.txt`);
  writeFileSync(file, proposalScript(n));
  const { wall, peakMiB } = timedCli(['run', '--rewrite', file]);
  const r = [n.toLocaleString('en-US'), wall.toFixed(2), Math.round(n / wall).toLocaleString('en-US'), peakMiB.toFixed(0)];
  rows.push(r);
  console.log(line(r));
}

// 2. Cold runs of the interaction suite.
const conformance = process.env.RAFTDD_CONFORMANCE ?? join(root, '..', 'shared', 'conformance');
const suiteSrc = join(conformance, 'etcd-raft-v3.6.0', 'interaction');
const suiteDir = existsSync(suiteSrc) ? join(work, 'interaction') : join(root, 'testdata');
if (existsSync(suiteSrc)) cpSync(suiteSrc, suiteDir, { recursive: true });
const walls = [];
for (let i = 0; i < coldRuns; i++) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(join(root, 'bin', 'raftdd'), ['run', suiteDir], { encoding: 'utf8' });
  walls.push(Number(process.hrtime.bigint() - t0) / 1e6);
  if (r.status !== 0) throw new Error(`suite run failed:\n${r.stdout}${r.stderr}`);
}
walls.sort((a, b) => a - b);
const nodeWalls = [];
for (let i = 0; i < coldRuns; i++) {
  const t0 = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  nodeWalls.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
nodeWalls.sort((a, b) => a - b);
const median = (a) => a[Math.floor(a.length / 2)];
console.log(
  `\ncold \`raftdd run\` of ${readdirSync(suiteDir).length} interaction files (${coldRuns} runs): ` +
    `median ${median(walls).toFixed(0)} ms, best ${walls[0].toFixed(0)} ms ` +
    `(bare \`node -e 0\`: median ${median(nodeWalls).toFixed(0)} ms, best ${nodeWalls[0].toFixed(0)} ms)`,
);

// 3 and 4 run in-process on the built library.
const lib = await import(join(root, 'dist', 'index.js'));

// 3. REPL commands on a 10,000-entry log.
{
  const s = new lib.ReplSession('interaction', {});
  const feed = (l) => {
    const r = s.feedLine(l);
    if (r.kind === 'error') throw new Error(r.text);
  };
  feed('log-level none');
  feed('add-nodes 3 voters=(1,2,3) index=2');
  feed('campaign 1');
  feed('stabilize');
  for (let i = 0; i < 10_000; i++) {
    feed(`propose 1 v${i}`);
    if (i % 10 === 9) feed('stabilize');
  }
  feed('stabilize');
  const commands = ['propose 1 x', 'stabilize', 'status 1', 'raft-state', 'tick-heartbeat 1', 'stabilize', 'deliver-msgs 2', 'process-ready 1 2 3'];
  const n = 4000;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) feed(commands[i % commands.length]);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6 / n;
  console.log(`REPL on a 10,000-entry log: ${ms.toFixed(3)} ms per command (${commands.join(', ')})`);
}

// 4. RawNode alone.
{
  const ids = [1, 2, 3];
  const nodes = new Map();
  for (const id of ids) {
    const storage = new lib.MemoryStorage();
    storage.applySnapshot({ metadata: { index: 1, term: 1, confState: lib.newConfState({ voters: ids }) } });
    const rn = lib.newRawNode({
      id, electionTick: 10, heartbeatTick: 1, storage, maxSizePerMsg: 1 << 20, maxInflightMsgs: 256, logger: lib.discardLogger,
    });
    nodes.set(id, { rn, storage });
  }
  const pump = () => {
    for (let busy = true; busy; ) {
      busy = false;
      const msgs = [];
      for (const { rn, storage } of nodes.values()) {
        while (rn.hasReady()) {
          busy = true;
          const rd = rn.ready();
          if (!lib.isEmptyHardState(rd.hardState)) storage.setHardState(rd.hardState);
          storage.append(rd.entries);
          msgs.push(...rd.messages);
          rn.advance(rd);
        }
      }
      for (const m of msgs) nodes.get(m.to).rn.step(m);
      if (msgs.length > 0) busy = true;
    }
  };
  nodes.get(1).rn.campaign();
  pump();
  const data = new Uint8Array(16);
  for (const [label, n, batch] of [['one at a time', 50_000, 1], ['batches of 100', 200_000, 100]]) {
    const before = nodes.get(1).rn.raft.raftLog.committed;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i += batch) {
      for (let j = 0; j < batch; j++) nodes.get(1).rn.propose(data);
      pump();
    }
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    const committed = nodes.get(1).rn.raft.raftLog.committed - before;
    if (committed !== n) throw new Error(`committed ${committed} of ${n}`);
    console.log(`RawNode, 3 nodes in memory, ${label}: ${Math.round(n / s).toLocaleString('en-US')} proposals committed/s`);
  }
}

rmSync(work, { recursive: true, force: true });
