/**
 * Recognising a PDF by its first bytes, for the entry point's content sniffing. The "%PDF-" header may
 * follow some junk (the PDF reference allows it within the first 1024 bytes; some mail gateways add it).
 */
const HEADER = Buffer.from('%PDF-', 'latin1');
const HEADER_WINDOW = 1024;

export function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, HEADER_WINDOW));
  return head.includes(HEADER);
}
