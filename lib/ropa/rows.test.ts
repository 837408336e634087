import { describe, expect, it } from "vitest";
import { ROPA_COLUMNS, ropaTable } from "./rows";
import { lintInput, purpose, recipient } from "@/lib/lint/fixtures";

describe("the RoPA table", () => {
  const record = lintInput({
    purposes: [purpose(), purpose({ code: "C7", dataItemKeys: ["other: interview answers"] })],
    recipients: [recipient(), recipient({ id: "2", key: "qiwi-jsc", name: { en: "QIWI JSC", kk: "КИВИ АҚ", ru: "АО «КИВИ»" }, countryCode: "RU", crossBorder: true, transferGround: "consent" })],
  });

  it("has one row per purpose × recipient, and one for a purpose without recipients", () => {
    const { header, rows } = ropaTable(record);
    expect(header).toEqual([...ROPA_COLUMNS]);
    const col = (name: string) => header.indexOf(name);
    expect(rows.map((r) => [r[col("purposeCode")], r[col("recipientKey")]])).toEqual([
      ["C1", "kazpost"],
      ["C1", "qiwi-jsc"],
      ["C7", ""],
    ]);
    const qiwi = rows[1];
    expect(qiwi[col("crossBorder")]).toBe("true");
    expect(qiwi[col("crossBorderGround")]).toBe("consent");
    expect(qiwi[col("retentionArticle")]).toBe("AML law art. 11 p. 4");
    expect(qiwi[col("legalBases")]).toBe("consent; law (KZ-PDL)");
    expect(qiwi[col("controllerName")]).toBe("QIWI Kazakhstan LLP");
  });

  it("gives column titles and values in the reader's language when asked", () => {
    const t = (key: string) => `«${key}»`;
    const { header, rows } = ropaTable(record, { locale: "ru", t });
    expect(header[0]).toBe("«ropa.columns.controllerName»");
    const col = ROPA_COLUMNS.indexOf("recipientName");
    expect(rows[1][col]).toBe("АО «КИВИ»");
    expect(rows[1][ROPA_COLUMNS.indexOf("recipientRole")]).toBe("«recipients.role.processor»");
  });
});
