/** Agency names as printed vary in width and spacing (全角/半角, stray spaces from copy-paste); compare them normalised. */

export function normalizeAgencyName(name: string): string {
  return name.normalize('NFKC').replace(/[\s\u3000]+/gu, '');
}

/** True when a report's printed agency name is the registered agency's. */
export function isSameAgencyName(registered: string, printed: string): boolean {
  return normalizeAgencyName(registered) === normalizeAgencyName(printed);
}
