/** `%PDF-` within the first KiB, where readers look for it (some files start with a few junk bytes). */
export function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}
