#!/usr/bin/env node
import * as fs from 'fs';
import { runCli } from './main';

process.exitCode = runCli(process.argv.slice(2), {
  stdout: t => process.stdout.write(t),
  stderr: t => process.stderr.write(t),
  readStdin: () => fs.readFileSync(0, 'utf8'),
  stderrIsTTY: process.stderr.isTTY === true,
});
