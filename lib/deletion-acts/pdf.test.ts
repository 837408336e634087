import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { actJson, extractLines } from "./document";
import { readActFonts } from "./fonts";
import { renderActPdf } from "./pdf";
import { act } from "./pdf.test-fixture";

const fontsDir = path.resolve(__dirname, "../../node_modules/dejavu-fonts-ttf/ttf");

async function textOf(bytes: Uint8Array) {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  return { text: text.replace(/\s+/g, " "), totalPages };
}

describe("the deletion act as a PDF", () => {
  it("reads back with the number, subject, items and Kazakh and Russian text", async () => {
    const fonts = await readActFonts(fontsDir);
    const { text, totalPages } = await textOf(await renderActPdf(act(), fonts));
    // The act on one page, the log extract on the next.
    expect(totalPages).toBe(2);
    expect(text).toContain("№ DA-2026-0007 АКТ");
    expect(text).toContain("АКТ № DA-2026-0007");
    expect(text).toContain("дербес деректерді жою туралы");
    expect(text).toContain("об уничтожении персональных данных");
    expect(text).toContain("77011234567");
    expect(text).toContain("электрондық пошта мекенжайы / адрес электронной почты");
    expect(text).toContain("crm-marketing");
    expect(text).toContain("«QIWI Kazakhstan» ЖШС (КИВИ Қазақстан) / ТОО «QIWI Kazakhstan» (КИВИ Казахстан)");
    expect(text).toContain("060640010247");
    expect(text).toContain("Асқар Нұрланұлы");
    expect(text).toContain("25.11.2026");
    // The appendix: the extract from the destruction log.
    expect(text).toContain("Жою журналынан үзінді");
    expect(text).not.toContain("ЖОБА");
  });

  it("marks an act awaiting approval as a draft, in English when asked", async () => {
    const fonts = await readActFonts(fontsDir);
    const { text } = await textOf(await renderActPdf(act({ status: "pending", decision: null }), fonts, "en"));
    expect(text).toContain("ACT No. DA-2026-0007");
    expect(text).toContain("DRAFT — NOT APPROVED");
    expect(text).toContain("Consent was withdrawn");
    expect(text).not.toContain("АКТ");
  });

  it("names the annulled act in a void act", async () => {
    const fonts = await readActFonts(fontsDir);
    const voided = act({ kind: "void", supersedeReason: "Wrong wallet number", snapshot: { ...act().snapshot, supersedes: { id: "x", number: "DA-2026-0003" } } });
    const { text } = await textOf(await renderActPdf(voided, fonts, "ru"));
    expect(text).toContain("об аннулировании акта № DA-2026-0003");
    expect(text).toContain("Акт № DA-2026-0003 аннулирован и силы не имеет.");
    expect(text).toContain("Wrong wallet number");
  });

  it("gives the same bytes for the same act (a recorded SHA-256 identifies a copy)", async () => {
    const fonts = await readActFonts(fontsDir);
    const a = Buffer.from(await renderActPdf(act(), fonts)).toString("base64");
    const b = Buffer.from(await renderActPdf(act(), fonts)).toString("base64");
    expect(a).toBe(b);
  });
});

describe("the act's data and extract", () => {
  it("has stable English keys and one extract line per system and category", () => {
    const json = actJson(act());
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["format", "number", "subject", "dataItems", "systems", "reason", "method", "executor", "approval", "operator"]));
    expect(json.dataItems).toEqual([{ key: "contact: email", category: "contact", name: expect.any(Object) }]);
    expect(extractLines(act()).map((l) => [l.system, l.dataCategory, l.dataItems])).toEqual([
      ["crm-marketing", "contact", ["contact: email"]],
      ["mailer", "contact", ["contact: email"]],
    ]);
  });
});
