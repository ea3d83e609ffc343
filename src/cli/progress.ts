import { CliIO } from './io';

/** Phase messages for long runs (a few thousand workloads take seconds). */
export interface Progress {
  /** Shows what the run is doing now, replacing the previous step. */
  step(text: string): void;
  /** Clears the line before the output (or the error) is printed. */
  done(): void;
}

const SILENT: Progress = { step: () => undefined, done: () => undefined };

/**
 * Progress on stderr, one line rewritten in place, only when stderr is a
 * terminal: pipes, files and CI logs get nothing, so stderr stays warnings
 * and errors only and output stays byte-for-byte deterministic. Use the
 * returned `io`: its stderr clears the progress line before a warning.
 */
export function withProgress(io: CliIO): { io: CliIO; progress: Progress } {
  if (!io.stderrIsTTY) return { io, progress: SILENT };
  let shown = false;
  const clear = () => {
    if (shown) io.stderr('\r\x1b[K');
    shown = false;
  };
  const progress: Progress = {
    step: text => {
      io.stderr(`\r\x1b[K${text}…`);
      shown = true;
    },
    done: clear,
  };
  return {
    io: { ...io, stderr: text => { clear(); io.stderr(text); } },
    progress,
  };
}
