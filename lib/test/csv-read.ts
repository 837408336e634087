/**
 * Reads CSV text back into cells (RFC 4180: quoted fields, doubled quotes, CRLF or LF), and says
 * which cells were quoted, so tests assert what a spreadsheet would see, not string fragments.
 */
export type ReadCell = { value: string; quoted: boolean };

export function readCsv(text: string): ReadCell[][] {
  const rows: ReadCell[][] = [];
  let row: ReadCell[] = [];
  let i = text.startsWith("\uFEFF") ? 1 : 0;
  for (;;) {
    let value = "";
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        if (i >= text.length) throw new Error("unterminated quoted field");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\n" && !(text[i] === "\r" && text[i + 1] === "\n")) value += text[i++];
    }
    row.push({ value, quoted });
    if (text[i] === ",") {
      i++;
      continue;
    }
    rows.push(row);
    row = [];
    if (text[i] === "\r") i++;
    if (text[i] === "\n") i++;
    if (i >= text.length) return rows;
  }
}

/** Rows as objects keyed by the header row's cells. */
export function readCsvRecords(text: string): Record<string, ReadCell>[] {
  const [header, ...rows] = readCsv(text);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h.value, r[i]])));
}
