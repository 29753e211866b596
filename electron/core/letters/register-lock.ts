// Letters are rendered (async) before their numbers are committed; one at a time through this lock, so the
// number printed on a letter is the number the register gives it. One process holds the data folder (instance
// lock), so an in-process lock is enough.
let tail: Promise<unknown> = Promise.resolve();

export function withRegisterLock<T>(work: () => Promise<T>): Promise<T> {
  const run = tail.then(work, work);
  tail = run.catch(() => undefined);
  return run;
}
