/**
 * The deletion act as a PDF (the policy 4.4 "approved form of deletion act"; RULES D4), with an
 * appendix holding the log extract. Kazakh and Russian glyphs need a font that has them: DejaVu
 * Sans, embedded (subset). The text comes from the message catalogues ("deletionActs.pdf" and the
 * enum labels), so the act reads the same words as the portal.
 *
 * Deterministic: the same act, status and language give the same bytes (dates in the document's
 * metadata are the act's own), so the SHA-256 recorded with a download identifies a printed copy.
 */
import { PDFDocument, degrees, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import fontkit from "@pdf-lib/fontkit";
import { createTranslator } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import kk from "@/lib/i18n/messages/kk.json";
import ru from "@/lib/i18n/messages/ru.json";
import type { Text3 } from "@/lib/register/record";
import type { ActLanguage } from "./constants";
import { extractLines } from "./document";
import type { DeletionActRecord } from "./types";

export type ActFonts = { regular: Uint8Array; bold: Uint8Array };
type Lang = "kk" | "ru" | "en";
type Translate = (key: string, values?: Record<string, string | number>) => string;

const CATALOGUES = { en, kk, ru } as const;

/** The languages an act is written in: the bilingual form puts the state language first. */
export function languagesOf(language: ActLanguage): Lang[] {
  return language === "kk-ru" ? ["kk", "ru"] : [language];
}

function translators(language: ActLanguage): { lang: Lang; t: Translate }[] {
  return languagesOf(language).map((lang) => ({ lang, t: createTranslator({ locale: lang, messages: CATALOGUES[lang] as never, namespace: "deletionActs" as never }) as unknown as Translate }));
}

/** "2026-11-25" → "25.11.2026": the same in all three languages. */
const day = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const LABEL_WIDTH = 170;
const GAP = 10;

/** Lays text out top to bottom, starting a page when one is full. */
class Layout {
  pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;
  constructor(
    private doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.newPage();
  }
  newPage() {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = A4.height - MARGIN;
  }
  ensure(height: number) {
    if (this.y - height < MARGIN + 20) this.newPage();
  }
  wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split("\n")) {
      let line = "";
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width) line = candidate;
        else {
          if (line) lines.push(line);
          // A word longer than the line (an identifier): cut it.
          let rest = word;
          while (font.widthOfTextAtSize(rest, size) > width) {
            let cut = rest.length - 1;
            while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
            lines.push(rest.slice(0, cut));
            rest = rest.slice(cut);
          }
          line = rest;
        }
      }
      lines.push(line);
    }
    return lines;
  }
  text(text: string, opts: { size?: number; bold?: boolean; center?: boolean; indent?: number; gapAfter?: number; color?: [number, number, number] } = {}) {
    const size = opts.size ?? 10;
    const font = opts.bold ? this.bold : this.regular;
    const x = MARGIN + (opts.indent ?? 0);
    const width = A4.width - MARGIN - x;
    for (const line of this.wrap(text, font, size, width)) {
      this.ensure(size * 1.4);
      const w = font.widthOfTextAtSize(line, size);
      this.page.drawText(line, { x: opts.center ? (A4.width - w) / 2 : x, y: this.y - size, size, font, color: rgb(...(opts.color ?? [0, 0, 0])) });
      this.y -= size * 1.4;
    }
    this.y -= opts.gapAfter ?? 0;
  }
  /** A label in the left column, its value on the right; both wrap. */
  row(label: string, value: string, size = 10) {
    const valueX = MARGIN + LABEL_WIDTH + GAP;
    const labelLines = this.wrap(label, this.bold, size - 1, LABEL_WIDTH);
    const valueLines = this.wrap(value || "—", this.regular, size, A4.width - MARGIN - valueX);
    const height = Math.max(labelLines.length, valueLines.length) * size * 1.4;
    if (height < A4.height - 2 * MARGIN - 40) this.ensure(height);
    const top = this.y;
    labelLines.forEach((line, i) => this.page.drawText(line, { x: MARGIN, y: top - size - i * size * 1.4, size: size - 1, font: this.bold, color: rgb(0.25, 0.25, 0.25) }));
    valueLines.forEach((line, i) => this.page.drawText(line, { x: valueX, y: top - size - i * size * 1.4, size, font: this.regular }));
    this.y = top - height - 4;
  }
  rule() {
    this.ensure(8);
    this.page.drawLine({ start: { x: MARGIN, y: this.y - 2 }, end: { x: A4.width - MARGIN, y: this.y - 2 }, thickness: 0.5, color: rgb(0.6, 0.6, 0.6) });
    this.y -= 8;
  }
}

/** Renders the act in its language (or `language` when given), as PDF bytes. */
export async function renderActPdf(act: DeletionActRecord, fonts: ActFonts, language: ActLanguage = act.language): Promise<Uint8Array> {
  const tr = translators(language);
  const langs = tr.map((x) => x.lang);
  /** A label in every language of the act, "kk / ru". */
  const L = (key: string, values?: Record<string, string | number>) => tr.map(({ t }) => t(key, values)).join(" / ");
  /** A name the register keeps in three languages, in the act's languages (English when missing). */
  const N = (text: Text3) => [...new Set(langs.map((l) => text[l] ?? text.en))].join(" / ");
  const s = act.snapshot;

  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(fonts.regular, { subset: true });
  const bold = await doc.embedFont(fonts.bold, { subset: true });
  const created = new Date(act.createdAt);
  doc.setTitle(`${act.number}`);
  doc.setSubject(tr.map(({ t }) => t("pdf.subtitle")).join(" / "));
  doc.setAuthor(N(s.operator.name));
  doc.setProducer("QPlus");
  doc.setCreator("QPlus");
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  doc.setLanguage(langs[0]);

  const out = new Layout(doc, regular, bold);
  // The operator's heading.
  out.text(N(s.operator.name), { size: 11, bold: true, center: true });
  out.text(`${L("pdf.bin")}: ${s.operator.bin}`, { size: 9, center: true });
  out.text(N(s.operator.address), { size: 9, center: true });
  out.text(`${L("pdf.email")}: ${s.operator.email}`, { size: 9, center: true, gapAfter: 14 });

  for (const { t } of tr) out.text(t("pdf.title", { number: act.number }), { size: 15, bold: true, center: true });
  const subtitleKey = act.kind === "correction" ? "pdf.correctionSubtitle" : act.kind === "void" ? "pdf.voidSubtitle" : "pdf.subtitle";
  for (const { t } of tr) out.text(t(subtitleKey, { old: s.supersedes?.number ?? "" }), { size: 11, center: true });
  out.y -= 8;
  out.text(`${L("pdf.place")}     ${day(act.actDate)}`, { size: 10, gapAfter: 6 });
  out.rule();

  out.row(L("fields.subject"), `${L(`subjectKind.${act.subject.kind}`)}: ${act.subject.value}`);
  if (act.subjectRequestId) out.row(L("pdf.subjectRequest"), act.subjectRequestId);
  if (s.supersedes) {
    out.row(L("fields.supersedes"), s.supersedes.number);
    out.row(L("pdf.reasonOfSupersede"), act.supersedeReason ?? "");
  }
  out.row(L("fields.purposes"), s.purposes.map((p) => `${p.code} — ${N(p.name)}`).join("\n"));
  out.row(
    L("fields.dataItems"),
    s.categories
      .map((c) => {
        const items = s.items.filter((i) => i.categoryKey === c.key).map((i) => N(i.name));
        return `${N(c.name)}: ${items.join("; ")}`;
      })
      .join("\n"),
  );
  out.row(L("fields.systems"), act.systems.join("\n"));
  out.row(L("fields.reason"), L(`reason.${act.reason}`));
  out.row(L("fields.legalGround"), [act.legalGround, ...s.references.map((r) => `${r.code}: ${N(r.title)}`)].join("\n"));
  out.row(L("fields.method"), L(`method.${act.method}`));
  out.row(L("fields.deletedOn"), day(act.deletedOn));
  if (act.notes) out.row(L("fields.notes"), act.notes);
  out.row(L("fields.recordedBy"), `${s.createdBy.name} <${s.createdBy.email}>`);
  out.rule();
  if (act.kind === "void") for (const { t } of tr) out.text(t("pdf.voidStatement", { old: s.supersedes?.number ?? "" }), { size: 10 });
  else for (const { t } of tr) out.text(t("pdf.statement"), { size: 10 });
  out.y -= 14;

  // Signatures: the executor and the approver (four eyes), with lines to sign on paper.
  out.ensure(140);
  out.text(L("pdf.signatures"), { size: 11, bold: true, gapAfter: 6 });
  const signLine = `______________ (${L("pdf.signature")})     ____________ (${L("pdf.date")})`;
  out.row(L("fields.executor"), `${s.executor.name} <${s.executor.email}>\n\n${signLine}`);
  out.y -= 6;
  const approval = act.decision?.outcome === "approved" ? `\n${L("pdf.approvedInPortal", { date: day(act.decision.decidedAt.slice(0, 10)) })}` : "";
  out.row(L("fields.approver"), `${act.decision ? `${act.decision.approverName} <${act.decision.approverEmail}>` : "—"}${approval}\n\n${signLine}`);

  // Appendix: the extract from the destruction log (RULES D4).
  out.newPage();
  out.text(L("pdf.extractTitle"), { size: 12, bold: true });
  out.text(L("pdf.extractHint"), { size: 9, gapAfter: 8 });
  for (const line of extractLines(act)) {
    const category = s.categories.find((c) => c.key === line.dataCategory);
    out.row(
      `${line.system}`,
      [
        `${L("fields.subject")}: ${L(`subjectKind.${line.subject.kind}`)} ${line.subject.value}`,
        `${category ? N(category.name) : line.dataCategory}: ${line.dataItems.map((k) => N(s.items.find((i) => i.key === k)!.name)).join("; ")}`,
        `${L("fields.reason")}: ${L(`reason.${line.reason}`)}`,
        `${L("fields.deletedOn")}: ${day(line.deletedOn)} · ${act.number}`,
      ].join("\n"),
      9,
    );
  }

  // Every page: its number and the act's; a draft or rejected act says so across the page.
  const mark = act.status === "pending" ? L("pdf.draft") : act.status === "rejected" ? L("pdf.rejected") : null;
  out.pages.forEach((page, i) => {
    const footer = `${act.number} · ${L("pdf.page", { page: i + 1, pages: out.pages.length })}`;
    page.drawText(footer, { x: MARGIN, y: MARGIN - 20, size: 8, font: regular, color: rgb(0.4, 0.4, 0.4) });
    if (mark) {
      const size = langs.length > 1 ? 22 : 32;
      page.drawText(mark, { x: 90, y: 250, size, font: bold, color: rgb(0.85, 0.2, 0.2), opacity: 0.25, rotate: degrees(40) });
    }
  });
  return doc.save({ useObjectStreams: false });
}
