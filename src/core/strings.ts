/**
 * The string as one flat string. A template literal builds a tree of V8 cons strings, a node per part,
 * alive as long as the string is: reading a character makes V8 flatten it, and the next scavenge drops
 * the tree. For strings kept for the whole run (a finding's message, a system's ref).
 */
export function flat(s: string): string {
  s.charCodeAt(0)
  return s
}

/** `s[from, to)` as a number when it is all ASCII digits (an empty range is 0), else -1. By code units, allocating nothing. */
export function asciiDigits(s: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48
    if (c < 0 || c > 9) return -1
    n = n * 10 + c
  }
  return n
}
