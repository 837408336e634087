import ExcelJS from "exceljs";

/**
 * The record of processing as an XLSX workbook (one sheet, a header row, frozen and filtered),
 * written with exceljs so Excel and LibreOffice open it natively.
 */
export async function ropaWorkbook(header: string[], rows: (string | number | boolean | null)[][], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "QPlus transfer registry";
  workbook.created = new Date();
  // Sheet names are at most 31 characters and may not contain : \ / ? * [ ]
  const sheet = workbook.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, " ").slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => (v === null ? "" : v)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  sheet.columns.forEach((column) => {
    column.width = 24;
    column.alignment = { wrapText: true, vertical: "top" };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
