// raftdd.yaml: test roots, default seed, add-nodes defaults, stabilize bound.
// Validation is strict: an unknown key or a wrong type is an error naming the
// key, since a silently ignored typo in a test config hides real problems.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type * as Yaml from 'yaml';
import { lazyRequire } from '../util/lazy.js';
import type { NodeDefaults } from '../interaction/env.js';
import { ENV_NAMES, type EnvName } from './envs.js';

export type { NodeDefaults };

export const CONFIG_FILE = 'raftdd.yaml';

const yamlLib = lazyRequire<typeof Yaml>('yaml');

export interface RootConfig {
  /** Absolute path of a file or directory. */
  path: string;
  env: EnvName;
}

export interface RaftddConfig {
  /** Where the config came from, for messages; undefined when none. */
  source?: string;
  roots: RootConfig[];
  seed?: number;
  stabilizeMaxRounds?: number;
  /** Unused directive arguments are errors (see --strict). */
  strict?: boolean;
  nodeDefaults: NodeDefaults;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const NODE_DEFAULT_KEYS: Record<string, [keyof NodeDefaults, 'int' | 'bool' | 'readOnly']> = {
  'election-tick': ['electionTick', 'int'],
  'heartbeat-tick': ['heartbeatTick', 'int'],
  inflight: ['inflight', 'int'],
  'max-inflight-bytes': ['maxInflightBytes', 'int'],
  'max-size-per-msg': ['maxSizePerMsg', 'int'],
  'max-uncommitted-entries-size': ['maxUncommittedEntriesSize', 'int'],
  'max-committed-size-per-ready': ['maxCommittedSizePerReady', 'int'],
  'async-storage-writes': ['asyncStorageWrites', 'bool'],
  prevote: ['prevote', 'bool'],
  checkquorum: ['checkquorum', 'bool'],
  'read-only': ['readOnly', 'readOnly'],
  'disable-proposal-forwarding': ['disableProposalForwarding', 'bool'],
  'disable-conf-change-validation': ['disableConfChangeValidation', 'bool'],
  'step-down-on-removal': ['stepDownOnRemoval', 'bool'],
};

export const EMPTY_CONFIG: RaftddConfig = { roots: [], nodeDefaults: {} };

/**
 * Loads the config: the explicit path if given (it must exist), else
 * raftdd.yaml in cwd if present, else the empty config.
 */
export function loadConfig(explicitPath: string | undefined, cwd = process.cwd()): RaftddConfig {
  const path = explicitPath !== undefined ? resolve(cwd, explicitPath) : resolve(cwd, CONFIG_FILE);
  if (!existsSync(path)) {
    if (explicitPath !== undefined) throw new ConfigError(`${explicitPath}: config file not found`);
    return EMPTY_CONFIG;
  }
  return parseConfig(readFileSync(path, 'utf8'), path);
}

export function parseConfig(text: string, path: string): RaftddConfig {
  const doc = yamlLib().parseDocument(text);
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line;
    throw new ConfigError(`${path}${line ? `:${line}` : ''}: ${e.message.split('\n')[0]}`);
  }
  const raw: unknown = doc.toJS() ?? {};
  const fail = (key: string, what: string): never => {
    throw new ConfigError(`${path}: ${key}: ${what}`);
  };
  if (!isPlainObject(raw)) fail('(top level)', 'expected a mapping');
  const top = raw as Record<string, unknown>;
  const base = dirname(path);
  const cfg: RaftddConfig = { source: path, roots: [], nodeDefaults: {} };

  for (const [key, value] of Object.entries(top)) {
    switch (key) {
      case 'roots':
        if (!Array.isArray(value)) fail('roots', 'expected a list');
        (value as unknown[]).forEach((r, i) => cfg.roots.push(parseRoot(r, `roots[${i}]`, base, fail)));
        break;
      case 'seed':
        cfg.seed = expectInt(value, 'seed', fail);
        break;
      case 'strict':
        cfg.strict = expectBool(value, 'strict', fail);
        break;
      case 'stabilize': {
        if (!isPlainObject(value)) fail('stabilize', 'expected a mapping');
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
          if (k !== 'max-rounds') fail(`stabilize.${k}`, 'unknown key (known: max-rounds)');
          const n = expectInt(v, 'stabilize.max-rounds', fail);
          if (n < 1) fail('stabilize.max-rounds', 'must be at least 1');
          cfg.stabilizeMaxRounds = n;
        }
        break;
      }
      case 'add-nodes': {
        if (!isPlainObject(value)) fail('add-nodes', 'expected a mapping');
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
          const spec = NODE_DEFAULT_KEYS[k];
          const name = `add-nodes.${k}`;
          if (!spec) fail(name, `unknown key (known: ${Object.keys(NODE_DEFAULT_KEYS).join(', ')})`);
          const [field, kind] = spec!;
          const d = cfg.nodeDefaults as Record<string, unknown>;
          if (kind === 'int') d[field] = expectInt(v, name, fail);
          else if (kind === 'bool') d[field] = expectBool(v, name, fail);
          else if (v === 'safe' || v === 'lease-based') d[field] = v;
          else fail(name, 'expected "safe" or "lease-based"');
        }
        break;
      }
      default:
        fail(key, 'unknown key (known: roots, seed, strict, stabilize, add-nodes)');
    }
  }
  return cfg;
}

function parseRoot(
  r: unknown,
  name: string,
  base: string,
  fail: (key: string, what: string) => never,
): RootConfig {
  if (typeof r === 'string') return { path: resolve(base, r), env: 'interaction' };
  if (!isPlainObject(r)) return fail(name, 'expected a path or a mapping with path and env');
  const o = r as Record<string, unknown>;
  let path: string | undefined;
  let env: EnvName = 'interaction';
  for (const [k, v] of Object.entries(o)) {
    if (k === 'path') {
      if (typeof v !== 'string' || v === '') fail(`${name}.path`, 'expected a non-empty string');
      path = resolve(base, v as string);
    } else if (k === 'env') {
      if (typeof v !== 'string' || !(ENV_NAMES as readonly string[]).includes(v)) {
        fail(`${name}.env`, `expected one of ${ENV_NAMES.join(', ')}`);
      }
      env = v as EnvName;
    } else {
      fail(`${name}.${k}`, 'unknown key (known: path, env)');
    }
  }
  if (path === undefined) fail(`${name}.path`, 'missing');
  return { path: path!, env };
}

function isPlainObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function expectInt(v: unknown, key: string, fail: (key: string, what: string) => never): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    return fail(key, `expected a non-negative integer, got ${JSON.stringify(v)}`);
  }
  return v;
}

function expectBool(v: unknown, key: string, fail: (key: string, what: string) => never): boolean {
  if (typeof v !== 'boolean') return fail(key, `expected true or false, got ${JSON.stringify(v)}`);
  return v;
}
