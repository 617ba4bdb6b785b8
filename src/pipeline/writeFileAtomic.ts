import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temp files still on disk, removed if the process is interrupted mid-write. */
const pending = new Set<string>();
/** Last words before an interrupted process exits (the build cache saves what was finished). */
const interruptHooks = new Set<() => void>();
let hooked = false;

/** Runs `hook` (synchronously) if the process is interrupted; returns a function that removes it. */
export function onInterrupt(hook: () => void): () => void {
  removePendingOnInterrupt();
  interruptHooks.add(hook);
  return () => interruptHooks.delete(hook);
}

function removePendingOnInterrupt(): void {
  if (hooked) return;
  hooked = true;
  const onSignal = (signal: NodeJS.Signals) => {
    // Synchronous on purpose: the process exits right after.
    for (const file of pending) rmSync(file, { force: true });
    for (const hook of interruptHooks) {
      try {
        hook();
      } catch {
        // Exiting anyway: a failed last word must not keep the process alive.
      }
    }
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

/**
 * Writes a file so that readers only ever see the old or the new content: data goes to a temp file
 * in the same folder, then rename() swaps it in (atomic on POSIX within one file system).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  removePendingOnInterrupt();
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  pending.add(temp);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
}
