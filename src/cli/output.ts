import { Command, Option } from 'commander';

/**
 * Adds the one output flag of every command, `-o, --output <format>`, plus
 * the older spellings kept as aliases (`--json` = `-o json`; validate's
 * `-f, --format`). The default is applied by `outputOf`, not by commander,
 * so an alias is never overridden by a default.
 */
export function addOutputOptions(
  cmd: Command, formats: readonly string[], defaultFormat: string, aliases: { json?: boolean; format?: boolean } = {}, help = 'output format',
): Command {
  cmd.addOption(new Option('-o, --output <format>', `${help} (default: "${defaultFormat}")`).choices([...formats]));
  if (aliases.json) cmd.addOption(new Option('--json', 'same as -o json'));
  if (aliases.format) cmd.addOption(new Option('-f, --format <format>', 'same as -o').choices([...formats]).hideHelp());
  return cmd;
}

/** The format asked for: `-o`, then an alias, then the command's default. */
export function outputOf<T extends string>(opts: object, defaultFormat: T): T {
  const o = opts as { output?: T; format?: T; json?: boolean };
  return o.output ?? o.format ?? (o.json ? 'json' as T : defaultFormat);
}
