/**
 * Names compared in code-point order, as the SQL sorts them (SQLite's BINARY, PostgreSQL's "C"), so a
 * list sorted partly in the database and partly here has one order, independent of any locale.
 */
export function byCodePoint(a: string, b: string): number {
  // UTF-16 comparison differs from code points only around surrogates; compare code points there
  if (a === b) return 0;
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i].codePointAt(0)! - y[i].codePointAt(0)!;
  }
  return x.length - y.length;
}
