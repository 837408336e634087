import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Every word a person sees must come from the message catalogues (lib/i18n/messages), so that
 * the portal reads the same in Russian, Kazakh and English. This test parses each .tsx file under
 * app/ and components/ with the TypeScript compiler and reports:
 *  - JSX text (between tags, outside {…}) that contains a letter;
 *  - string literals given to text-bearing attributes (aria-label, placeholder, title, alt, label,
 *    and custom …Label props such as closeLabel), directly or as {"…"}, {`…`}, or a branch of
 *    ?:, ??, ||, &&;
 *  - the same kinds of string literal written as a JSX child, e.g. {"Save"} or {ok ? "Yes" : "No"}.
 * className and other attributes are not text and are not looked at.
 */

/**
 * Text that may appear in JSX as written. Keep this short; each entry says why.
 * Text without any letter (punctuation, digits, symbols such as "→", "✓", "✗", "—", "●",
 * "403", "404") is always allowed and needs no entry.
 */
const ALLOWED: readonly { text: string; why: string }[] = [
  { text: "QPlus", why: "product name, the same in every language" },
  { text: "CSV", why: "file-format name on the export button" },
  { text: "JSON", why: "file-format name on the export button" },
  // Language self-names: each language names itself so a reader finds theirs whatever the
  // current language. Today they live in a JS object in components/shell/locale-switch.tsx
  // (not JSX text), so they never reach this check; listed so moving them into JSX stays legal.
  { text: "Русский", why: "language self-name in the language switch" },
  { text: "Қазақша", why: "language self-name in the language switch" },
  { text: "English", why: "language self-name in the language switch" },
];

const TEXT_ATTRIBUTES = new Set(["aria-label", "aria-description", "aria-roledescription", "aria-valuetext", "placeholder", "title", "alt", "label"]);
const isTextAttribute = (name: string) => TEXT_ATTRIBUTES.has(name) || /^[a-z][A-Za-z]*Label$/.test(name);

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SCAN_DIRS = ["app", "components"];

const HAS_LETTER = /\p{L}/u;
const allowed = new Set(ALLOWED.map((a) => a.text));
const needsTranslation = (text: string) => {
  const trimmed = text.replace(/\s+/g, " ").trim();
  return HAS_LETTER.test(trimmed) && !allowed.has(trimmed);
};

type Finding = { file: string; line: number; text: string };

function tsxFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsxFiles(full));
    else if (entry.isFile() && entry.name.endsWith(".tsx") && !entry.name.endsWith(".test.tsx")) out.push(full);
  }
  return out;
}

/** String literals an expression evaluates to as written: through (), ?:, ??, ||, && and template text. */
function literalStrings(expr: ts.Expression): { node: ts.Node; text: string }[] {
  if (ts.isParenthesizedExpression(expr)) return literalStrings(expr.expression);
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [{ node: expr, text: expr.text }];
  if (ts.isTemplateExpression(expr)) return [{ node: expr, text: [expr.head.text, ...expr.templateSpans.map((s) => s.literal.text)].join(" ") }];
  if (ts.isConditionalExpression(expr)) return [...literalStrings(expr.whenTrue), ...literalStrings(expr.whenFalse)];
  if (ts.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) return [...literalStrings(expr.left), ...literalStrings(expr.right)];
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return literalStrings(expr.right);
  }
  return [];
}

function findHardCodedText(fileName: string, source: string): Finding[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const report = (pos: number, text: string) => findings.push({ file: fileName, line: lineOf(pos), text: text.replace(/\s+/g, " ").trim() });

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (needsTranslation(node.text)) {
        // JsxText starts right after the previous tag; point at its first visible character.
        const lead = node.text.length - node.text.trimStart().length;
        report(node.getStart(sf) + lead, node.text);
      }
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      const init = node.initializer;
      if (init && isTextAttribute(name)) {
        const literals = ts.isStringLiteral(init) ? [{ node: init as ts.Node, text: init.text }] : ts.isJsxExpression(init) && init.expression ? literalStrings(init.expression) : [];
        for (const l of literals) if (needsTranslation(l.text)) report(l.node.getStart(sf), `${name}=${JSON.stringify(l.text)}`);
      }
    } else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const l of literalStrings(node.expression)) if (needsTranslation(l.text)) report(l.node.getStart(sf), l.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

describe("no hard-coded UI text in app/ and components/", () => {
  const files = SCAN_DIRS.flatMap((d) => tsxFiles(path.join(ROOT, d)));

  it("finds the .tsx files to scan", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("shows only translated text (t(…)) in JSX", () => {
    const findings = files.flatMap((f) => findHardCodedText(path.relative(ROOT, f), readFileSync(f, "utf8")));
    const lines = findings.map((f) => `${f.file}:${f.line}: ${f.text}`);
    expect(lines, `Hard-coded UI text; move it to lib/i18n/messages/*.json and use t(…):\n  - ${lines.join("\n  - ")}\n`).toEqual([]);
  });
});

describe("the hard-coded-text scanner", () => {
  const sample = [
    'export const A = ({ ok, x }: { ok: boolean; x: string }) => (',
    '  <div className="flex items-center text-sm" aria-labelledby="h1" data-testid="some-id">',
    "    Save changes",
    '    <input placeholder="Search" title={t("ok")} aria-label={"Close"} alt={`Logo ${x}`} />',
    "    {ok ? \"Yes\" : \"✓\"} {x ?? \"—\"} → 404 ● {\" \"}",
    "    <span>{t(\"ok\")}</span><b>QPlus</b><i>Қазақша</i><u>Сохранить</u>",
    '    <Dialog closeLabel="Close" label={ok && "Menu"} />',
    "  </div>",
    ");",
  ].join("\n");
  const found = findHardCodedText("sample.tsx", sample).map((f) => `${f.line}: ${f.text}`);

  it("reports JSX text, text attributes and literal children, with lines", () => {
    expect(found).toEqual([
      "3: Save changes",
      '4: placeholder="Search"',
      '4: aria-label="Close"',
      '4: alt="Logo "',
      "5: Yes",
      "6: Сохранить",
      '7: closeLabel="Close"',
      '7: label="Menu"',
    ]);
  });
});
