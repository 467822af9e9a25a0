/**
 * Whole numbers as strings of digits, exact however long: amounts of money are printed as typed and
 * summed without the rounding of Numbers past 2^53 (and BigInt's conversions grow with the square of
 * the length). Every function here is one pass over its digits.
 */

/** "2345678" → "2.345.678": grouped by threes with dots, as Vietnamese write numbers. */
export function groupDigits(digits: string): string {
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += "." + digits.slice(i, i + 3);
  return out;
}

/** The sum of two digit strings. */
export function addDigits(a: string, b: string): string {
  let out = "";
  let carry = 0;
  for (let i = a.length - 1, j = b.length - 1; i >= 0 || j >= 0 || carry; i--, j--) {
    const d = (i >= 0 ? a.charCodeAt(i) - 48 : 0) + (j >= 0 ? b.charCodeAt(j) - 48 : 0) + carry;
    carry = d >= 10 ? 1 : 0;
    out += String(d - 10 * carry);
  }
  return out.split("").reverse().join("") || "0";
}
