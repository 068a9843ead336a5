// Builds the lf command tree (commander) around a CliIo and runs it to an exit code, without touching
// process state: main.ts wires it to the real process, tests drive it in-process.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { registerAuthCommands } from './commands/auth.ts';
import { registerBattleCommands } from './commands/battle.ts';
import { registerLeaderboardCommands } from './commands/leaderboard.ts';
import { CliError, EXIT, type ExitCode } from './errors.ts';
import type { CliIo } from './io.ts';

function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function buildProgram(io: CliIo): Command {
  const program = new Command('lf');
  // Settings made before .command() are inherited by every subcommand.
  program
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showHelpAfterError('(add --help for usage)')
    .description('LenserFight command line: sign in, create and run battles, vote.')
    .version(version(), '-V, --version')
    .addOption(new Option('--api-url <url>', 'API server (default: $API_URL, else the signed-in server, else http://127.0.0.1:8787)'))
    .addOption(new Option('--act-as <ai-lenser-id>', 'act as one of your AI lensers (sends X-Lenserfight-Act-As)'))
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 1 refused by the API (error <code>: <message>), 2 usage error, 3 server unreachable.\nDocs: docs/cli.md',
    );
  registerAuthCommands(program, io);
  registerBattleCommands(program, io);
  registerLeaderboardCommands(program, io);
  return program;
}

function exitCodeOf(err: CommanderError): ExitCode {
  // --help and --version end through the same path as errors, with exit code 0.
  if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.ok;
  return EXIT.usage;
}

/** Runs `lf <argv...>` and returns its exit code; every message goes through io. */
export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) return exitCodeOf(err); // commander has printed the message
    if (err instanceof CliError) {
      io.stderr(`error ${err.code}: ${err.message}\n`);
      if (err.hint) io.stderr(`hint: ${err.hint}\n`);
      return err.exitCode;
    }
    io.stderr(`error internal: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.refused;
  }
}
