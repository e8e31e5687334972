/** A size in MB with at most one decimal ("10.5", "4"), as refusals quote a file's size against its limit. */
export function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
}
