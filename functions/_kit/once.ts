/** A value built on first use and then kept for the container's life (SDK clients, adapters, config). */
export function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => {
    built ??= { value: build() };
    return built.value;
  };
}
