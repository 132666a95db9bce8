/**
 * A compact RFC 4180 reader: quoted fields with embedded delimiters, line breaks and doubled quotes, a
 * UTF-8 BOM, CRLF, LF or CR line ends. Each row keeps the line it starts on in the original file (a
 * quoted field spanning lines moves every later row down) and its text exactly as written.
 */

export interface CsvRow {
  fields: string[];
  /** 1-based line of the file the row starts on */
  line: number;
  /** the row as written in the file, without its line end */
  raw: string;
  /** a quoted field opened in this row is never closed: the rest of the file was read into it */
  unterminated?: boolean;
}

export function parseCsv(input: string, delimiter = ","): CsvRow[] {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const rows: CsvRow[] = [];
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const start = i;
    const startLine = line;
    const fields: string[] = [];
    let unterminated = false;
    let end = n;
    for (;;) {
      let field = "";
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) {
            unterminated = true;
            break;
          }
          const ch = text[i];
          if (ch === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
          field += ch;
          i++;
        }
      }
      // unquoted text, or anything after a closing quote (kept as written: lenient with sloppy files)
      while (i < n && text[i] !== delimiter && text[i] !== "\n" && text[i] !== "\r") field += text[i++];
      fields.push(field);
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      end = i;
      if (text[i] === "\r") i++;
      if (text[i] === "\n") i++;
      if (i > end) line++;
      break;
    }
    const raw = text.slice(start, end);
    if (raw.trim() !== "" || fields.length > 1) rows.push({ fields, line: startLine, raw, ...(unterminated ? { unterminated } : {}) });
  }
  return rows;
}
