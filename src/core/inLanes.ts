/**
 * Runs `work` over the items in `lanes` concurrent lanes, taking them in order. After a
 * failure no lane starts another item, every started one is awaited, and then the first
 * error is thrown: a caller's clean-up must not race work still under way.
 */
export async function inLanes<T>(
  items: readonly T[],
  lanes: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const lane = async (): Promise<void> => {
    while (failure === null && next < items.length) {
      const item = items[next]!;
      next += 1;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.floor(lanes)) }, lane));
  if (failure !== null) throw (failure as { error: unknown }).error;
}
