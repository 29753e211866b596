// Runs a fault-test child (a script under tsx) and SIGKILLs it when a line it prints says so.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

export interface ChildEnd {
  signal: NodeJS.Signals | null;
  code: number | null;
  lines: string[];
}

/** Run `script args…`; `kill(line)` says when to SIGKILL it. Resolves with how it ended and what it printed. */
export function runChild(script: string, args: string[], kill: (line: string) => boolean): Promise<ChildEnd> {
  return new Promise((done, fail) => {
    // Node itself with tsx as a loader: the tsx command runs the script in a grandchild that SIGKILL would not reach
    // (it would live on, holding the data folder's lock).
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT });
    const lines: string[] = [];
    let buffered = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        lines.push(line);
        if (kill(line)) child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (c: Buffer) => void (stderr += c.toString()));
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal === null) fail(new Error(`child failed (${code}): ${stderr}`));
      else done({ code, signal, lines });
    });
  });
}
