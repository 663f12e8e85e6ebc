/**
 * Runs `work` on every item with at most `concurrency` at a time, as a bank's sender or a rush of bidders
 * would: each of the `concurrency` lanes takes the next item as soon as its last one is done.
 */
export async function forEachConcurrently<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane));
}
