/** RFC 4180 CSV: quote every field that needs it; a leading =,+,-,@ is prefixed so spreadsheets never run it. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRow = (values: unknown[]) => values.map(csvField).join(",") + "\r\n";
