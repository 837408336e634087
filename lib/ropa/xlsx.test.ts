import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ropaWorkbook } from "./xlsx";

describe("the RoPA workbook", () => {
  it("reads back with a real XLSX parser: header, rows and Cyrillic text intact", async () => {
    const header = ["purposeCode", "recipient", "crossBorder"];
    const rows = [
      ["C12", "АО «КИВИ»", "true"],
      ["C3", "Қазақстан Халық Банкі АҚ", "false"],
    ];
    const buffer = await ropaWorkbook(header, rows, "RoPA: QPlus/2026");
    expect(buffer.subarray(0, 2).toString()).toBe("PK"); // an OOXML zip
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as never);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe("RoPA  QPlus 2026");
    expect(sheet.getRow(1).values).toEqual([undefined, ...header]);
    expect(sheet.getRow(2).values).toEqual([undefined, ...rows[0]]);
    expect(sheet.getRow(3).getCell(2).value).toBe("Қазақстан Халық Банкі АҚ");
    expect(sheet.rowCount).toBe(3);
  });
});
