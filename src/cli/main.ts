// The raftdd command line: `run` checks or rewrites golden files, `repl`
// opens an interactive session. Exit codes: 0 all passed, 1 a mismatch,
// 2 a usage, config, parse or script error.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { discardLogger, setLogger } from '../raft/default_logger.js';
import { ConfigError, loadConfig } from './config.js';
import { ENV_NAMES, type EnvName } from './envs.js';
import { runRepl } from './repl.js';
import { runCommand } from './run.js';

export const EXIT_OK = 0;
export const EXIT_MISMATCH = 1;
export const EXIT_ERROR = 2;

function parseSeed(v: string): number {
  if (!/^[0-9]+$/.test(v) || !Number.isSafeInteger(Number(v))) {
    throw new InvalidArgumentError('expected a non-negative integer');
  }
  return Number(v);
}

function parseRegex(v: string): RegExp {
  try {
    return new RegExp(v);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
}

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

const defaultIo = (): Io => ({ stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  // Raft's global logger only speaks where raft panics outside a node (e.g.
  // MemoryStorage); the script error already reports that, without the noise.
  setLogger(discardLogger);
  let exitCode = EXIT_OK;
  const program = new Command('raftdd')
    .description('Write and run etcd-style datadriven interaction tests of Raft.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showSuggestionAfterError(true);

  const envOption = () =>
    new Option('--env <env>', 'environment the scripts run against').choices(ENV_NAMES as unknown as string[]);

  program
    .command('run')
    .description('run scripts and compare their output with the golden output they hold')
    .argument('[paths...]', 'files or directories (walked recursively); default: the roots of raftdd.yaml')
    .addOption(envOption())
    .option('--rewrite', 'write the actual output into the files instead of comparing')
    .option('--filter <regex>', 'only files whose path matches', parseRegex)
    .option('--bail', 'stop at the first file that fails')
    .option('--seed <n>', 'seed of the random generator (election timeouts)', parseSeed)
    .option('--json', 'print a machine-readable report on stdout')
    .option('--strict', 'arguments a command does not use are errors (etcd\'s harness ignores them)')
    .option('--config <file>', 'config file (default: ./raftdd.yaml if present)')
    .option('--debug', 'show stack traces of script errors')
    .action(async (paths: string[], o) => {
      const config = loadConfig(o.config);
      exitCode = await runCommand({
        paths,
        env: o.env as EnvName | undefined,
        rewrite: Boolean(o.rewrite),
        filter: o.filter as RegExp | undefined,
        bail: Boolean(o.bail),
        seed: o.seed as number | undefined,
        json: Boolean(o.json),
        debug: Boolean(o.debug),
        strict: Boolean(o.strict) || config.strict === true,
        config,
        io,
      });
    });

  program
    .command('repl')
    .description('an interactive session on one environment, optionally replaying a script first')
    .argument('[file]', 'script to replay before the prompt')
    .addOption(envOption().default('interaction'))
    .option('--seed <n>', 'seed of the random generator', parseSeed)
    .option('--strict', 'arguments a command does not use are errors')
    .option('--config <file>', 'config file (default: ./raftdd.yaml if present)')
    .action(async (file: string | undefined, o) => {
      const config = loadConfig(o.config);
      exitCode = await runRepl({
        env: o.env as EnvName,
        envOptions: {
          seed: (o.seed as number | undefined) ?? config.seed,
          stabilizeMaxRounds: config.stabilizeMaxRounds,
          nodeDefaults: config.nodeDefaults,
          strict: Boolean(o.strict) || config.strict === true,
        },
        file,
        input: io.stdin as NodeJS.ReadableStream as import('node:stream').Readable,
        output: io.stdout as NodeJS.WritableStream as import('node:stream').Writable,
      });
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return e.exitCode === 0 ? EXIT_OK : EXIT_ERROR;
    }
    if (e instanceof ConfigError) {
      io.stderr.write(`raftdd: ${e.message}\n`);
      return EXIT_ERROR;
    }
    throw e;
  }
  return exitCode;
}
