// Entry point of `lf` (bin/lf.js loads it through tsx): runs the program on this process.
import { processIo } from './io.ts';
import { runCli } from './program.ts';

process.exitCode = await runCli(process.argv.slice(2), processIo());
