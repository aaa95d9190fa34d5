/** Waits until `check` holds, asking every `everyMs`; rejects once `timeoutMs` have passed without it. */
export async function until(check: () => boolean, timeoutMs = 10_000, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
