#!/usr/bin/env node
/**
 * The `parallax` command. Exit codes: 0 = the run completed (even with rejected
 * inputs); 1 = nothing could be analysed, or an unexpected error; 2 = usage error
 * (bad arguments, an input path that does not exist, --out not writable; nothing
 * is written).
 */
import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '@parallax/core';
import { registerAnalyze } from './commands/analyze';
import { registerMerge } from './commands/merge';
import { registerValidate } from './commands/validate';
import { NothingAnalysedError, UsageError } from './output';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('parallax')
    .description('Compare how news outlets cover the same event: alignment, omissions, term choices, sentiment and framing with evidence.')
    .version(TOOL_VERSION)
    .showHelpAfterError()
    .exitOverride();
  registerAnalyze(program);
  registerMerge(program);
  registerValidate(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return 2;
    }
    if (err instanceof NothingAnalysedError) {
      process.stderr.write(`parallax: ${err.message}\n`);
      return 1;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`parallax: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`parallax: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 1;
  }
}

const invoked = process.argv[1] ?? '';
if (/main\.[cm]?[jt]s$/.test(invoked)) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
