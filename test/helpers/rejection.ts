/** The error `pending` rejects with, checked to be an instance of `type`; a resolution or any other error fails. */
export async function rejectionOf<E extends Error>(
  pending: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
): Promise<E> {
  const error = await pending.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof type)) throw new Error(`expected a ${type.name}, got ${String(error)}`);
  return error;
}
