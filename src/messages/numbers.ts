/** "2345678" → "2.345.678": digits grouped by threes with dots, as Vietnamese write numbers. */
export function groupDigits(digits: string): string {
  // in one pass: a lookahead pattern would rescan the rest of a long number at every digit
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += "." + digits.slice(i, i + 3);
  return out;
}
