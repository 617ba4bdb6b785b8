/** Whether two items sit under the same heading path, which makes their siblings the best distractors. */
export function sameSection(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}
