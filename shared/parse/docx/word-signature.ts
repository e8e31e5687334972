/**
 * Recognising Word files by their first bytes, for the entry point's content sniffing: a DOCX is a ZIP
 * holding word/document.xml (part names are stored uncompressed, so they can be found in the bytes);
 * a legacy .doc — and a password-protected .docx — is an OLE compound file.
 */

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const OLE_COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const WORD_DOCUMENT_PART = Buffer.from('word/document.xml', 'latin1');

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_LOCAL_HEADER);
}

export function isWordDocx(bytes: Uint8Array): boolean {
  return isZip(bytes) && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(WORD_DOCUMENT_PART);
}

export function isOleCompoundFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE_COMPOUND_FILE);
}
