/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads all of standard input (for the `-` path). */
  readonly readStdin: () => string;
  /** Whether stderr is a terminal: progress of long runs is shown only then. @default false */
  readonly stderrIsTTY?: boolean;
}

/** Exit codes: 0 ok, 1 findings/expectations failed (validate), 2 bad input or usage. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;
