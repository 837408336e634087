import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { LOCALES, type Locale } from "./config";

/**
 * The message catalogues must stay in step: the same keys in every language, nothing empty,
 * the same ICU arguments, the plural categories each language needs, and no English left
 * standing in the Russian or Kazakh catalogue.
 */

/**
 * Words that stay in Latin script in every language: proper names and file formats.
 * "Email" is deliberately NOT here: it is «Электронная почта» / «Электрондық пошта».
 */
const LATIN_ALLOWED = [
  "QPlus", // product name, never translated
  "QIWI Kazakhstan", // the company's registered name, used inside «…» in ru and kk
  "CSV", // file format on the export button
  "XLSX", // file format on the export button
  "JSONL", // JSON Lines, file format on the log's download button (before "JSON", which it contains)
  "API", // the machine interface: an acronym in Russian and Kazakh technical usage too
  "JSON", // file format on the export button
  "PDF", // file format of the deletion act's download
  "SHA-256", // the hash named beside each recorded download of a deletion act
];

type Messages = { [key: string]: string | Messages };

function load(locale: Locale): Messages {
  const file = fileURLToPath(new URL(`./messages/${locale}.json`, import.meta.url));
  return JSON.parse(readFileSync(file, "utf8")) as Messages;
}

const catalogues = Object.fromEntries(LOCALES.map((l) => [l, load(l)])) as Record<Locale, Messages>;
const TRANSLATED = LOCALES.filter((l) => l !== "en");

/** Every leaf as "a.b.c" → value (non-string leaves are kept as-is so they can be reported). */
function flatten(node: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (node !== null && typeof node === "object" && !Array.isArray(node)) {
    for (const [k, v] of Object.entries(node)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, node);
  }
  return out;
}

const flat = Object.fromEntries(LOCALES.map((l) => [l, flatten(catalogues[l])])) as Record<Locale, Map<string, unknown>>;

// ---------------------------------------------------------------------------------------------
// A small ICU MessageFormat reader: argument names and kinds, plural/select options, and the
// literal text that a reader actually sees (argument names and keywords removed).

type Plural = { arg: string; type: string; keys: string[] };
type Parsed = { args: Map<string, string>; plurals: Plural[]; text: string };

const COMPLEX = new Set(["plural", "select", "selectordinal"]);

function parseIcu(src: string): Parsed {
  let i = 0;
  const args = new Map<string, string>();
  const plurals: Plural[] = [];
  const text: string[] = [];
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${i} in ${JSON.stringify(src)}`);
  };
  const skipWs = () => {
    while (i < src.length && /\s/.test(src[i])) i++;
  };
  const token = () => {
    skipWs();
    const start = i;
    while (i < src.length && !/[\s,{}]/.test(src[i])) i++;
    return src.slice(start, i);
  };

  const body = (nested: boolean): void => {
    while (i < src.length) {
      const c = src[i];
      if (c === "'") {
        // ICU apostrophe rules: '' is a literal apostrophe; '{…' quotes syntax characters.
        if (src[i + 1] === "'") {
          text.push("'");
          i += 2;
          continue;
        }
        if (src[i + 1] !== undefined && "{}#|".includes(src[i + 1])) {
          const end = src.indexOf("'", i + 1);
          text.push(end === -1 ? src.slice(i + 1) : src.slice(i + 1, end));
          i = end === -1 ? src.length : end + 1;
          continue;
        }
      }
      if (c === "{") {
        i++;
        argument();
        continue;
      }
      if (c === "}") {
        if (nested) return;
        fail("unmatched }");
      }
      text.push(c);
      i++;
    }
    if (nested) fail("unclosed {");
  };

  const argument = (): void => {
    const name = token();
    if (!name) fail("empty argument");
    skipWs();
    if (src[i] === "}") {
      i++;
      args.set(name, "simple");
      return;
    }
    if (src[i] !== ",") fail("expected , or }");
    i++;
    const type = token();
    args.set(name, type);
    skipWs();
    if (src[i] === "}") {
      i++;
      return;
    }
    if (src[i] !== ",") fail("expected , or }");
    i++;
    if (!COMPLEX.has(type)) {
      // number/date/time style: skip to the closing brace.
      let depth = 0;
      for (; i < src.length; i++) {
        if (src[i] === "{") depth++;
        else if (src[i] === "}") {
          if (depth === 0) {
            i++;
            return;
          }
          depth--;
        }
      }
      fail("unclosed argument style");
    }
    const keys: string[] = [];
    for (;;) {
      skipWs();
      if (src[i] === "}") {
        i++;
        break;
      }
      const key = token();
      if (!key) fail("expected an option key");
      if (key.startsWith("offset:")) continue;
      skipWs();
      if (src[i] !== "{") fail(`expected { after option ${key}`);
      i++;
      body(true);
      i++; // the option's closing }
      keys.push(key);
    }
    plurals.push({ arg: name, type, keys });
  };

  body(false);
  return { args, plurals, text: text.join("") };
}

/** Latin-script words in what the reader sees, after removing the allowed names. */
function latinWords(literal: string): string[] {
  let rest = literal;
  for (const name of LATIN_ALLOWED) rest = rest.split(name).join(" ");
  return rest.match(/\p{Script=Latin}+/gu) ?? [];
}

const list = (items: string[]) => `\n  - ${items.join("\n  - ")}\n`;

// ---------------------------------------------------------------------------------------------

describe("message catalogues", () => {
  it("loads every locale and en has messages", () => {
    expect(flat.en.size).toBeGreaterThan(50);
  });

  it("(a) has every key path in every language", () => {
    const all = new Set(LOCALES.flatMap((l) => [...flat[l].keys()]));
    const missing: string[] = [];
    for (const key of [...all].sort())
      for (const l of LOCALES) if (!flat[l].has(key)) missing.push(`${l}: ${key} (present in ${LOCALES.filter((o) => flat[o].has(key)).join(", ")})`);
    expect(missing, `Keys missing from a catalogue:${list(missing)}`).toEqual([]);
  });

  it("(b) has no empty, blank or non-string value", () => {
    const bad: string[] = [];
    for (const l of LOCALES)
      for (const [key, value] of flat[l]) {
        if (typeof value !== "string") bad.push(`${l}: ${key} is ${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value}`);
        else if (!value.trim()) bad.push(`${l}: ${key} is empty`);
      }
    expect(bad, `Empty or non-string messages:${list(bad)}`).toEqual([]);
  });

  it("every message is valid ICU syntax", () => {
    const bad: string[] = [];
    for (const l of LOCALES)
      for (const [key, value] of flat[l]) {
        if (typeof value !== "string") continue;
        try {
          parseIcu(value);
        } catch (e) {
          bad.push(`${l}: ${key}: ${(e as Error).message}`);
        }
      }
    expect(bad, `Messages that are not valid ICU:${list(bad)}`).toEqual([]);
  });

  it("(c) uses the same ICU arguments (name and kind) as en", () => {
    const bad: string[] = [];
    for (const [key, enValue] of flat.en) {
      if (typeof enValue !== "string") continue;
      let expected: Map<string, string>;
      try {
        expected = parseIcu(enValue).args;
      } catch {
        continue; // reported by the syntax test
      }
      for (const l of TRANSLATED) {
        const value = flat[l].get(key);
        if (typeof value !== "string") continue; // reported by (a)/(b)
        let actual: Map<string, string>;
        try {
          actual = parseIcu(value).args;
        } catch {
          continue;
        }
        for (const [name, kind] of expected) {
          if (!actual.has(name)) bad.push(`${l}: ${key}: missing {${name}}`);
          else if (actual.get(name) !== kind) bad.push(`${l}: ${key}: {${name}} is "${actual.get(name)}" but "${kind}" in en`);
        }
        for (const name of actual.keys()) if (!expected.has(name)) bad.push(`${l}: ${key}: {${name}} is not an argument in en`);
      }
    }
    expect(bad, `ICU arguments that differ from en:${list(bad)}`).toEqual([]);
  });

  it("(d) does not leave English in ru or kk", () => {
    const identical: string[] = [];
    const latin: string[] = [];
    for (const [key, enValue] of flat.en) {
      if (typeof enValue !== "string") continue;
      for (const l of TRANSLATED) {
        const value = flat[l].get(key);
        if (typeof value !== "string") continue;
        let seen: string;
        try {
          seen = parseIcu(value).text;
        } catch {
          continue;
        }
        const words = latinWords(seen);
        if (value === enValue && value.length > 3 && words.length) identical.push(`${l}: ${key} = ${JSON.stringify(value)}`);
        else if (words.length) latin.push(`${l}: ${key}: ${words.join(", ")} in ${JSON.stringify(value)}`);
      }
    }
    expect(identical, `Messages identical to en (untranslated):${list(identical)}`).toEqual([]);
    expect(latin, `Latin-script words left in a translation (add proper names to LATIN_ALLOWED):${list(latin)}`).toEqual([]);
  });

  it("(e) uses exactly the plural categories of each language", () => {
    const bad: string[] = [];
    for (const l of LOCALES)
      for (const [key, value] of flat[l]) {
        if (typeof value !== "string") continue;
        let plurals: Plural[];
        try {
          plurals = parseIcu(value).plurals;
        } catch {
          continue;
        }
        for (const p of plurals) {
          if (p.type === "select") {
            if (!p.keys.includes("other")) bad.push(`${l}: ${key}: {${p.arg}, select} has no "other"`);
            continue;
          }
          const needed = new Intl.PluralRules(l, { type: p.type === "selectordinal" ? "ordinal" : "cardinal" }).resolvedOptions().pluralCategories as string[];
          const categories = p.keys.filter((k) => !/^=\d+$/.test(k));
          const unknown = categories.filter((k) => !needed.includes(k));
          const absent = needed.filter((k) => !categories.includes(k));
          if (unknown.length) bad.push(`${l}: ${key}: {${p.arg}, ${p.type}} has ${unknown.join(", ")}, not a category of "${l}" (${needed.join(", ")})`);
          if (absent.length) bad.push(`${l}: ${key}: {${p.arg}, ${p.type}} lacks ${absent.join(", ")}`);
        }
      }
    expect(bad, `Wrong plural categories:${list(bad)}`).toEqual([]);
  });

  it("every message formats with next-intl in its language", () => {
    const bad: string[] = [];
    for (const l of LOCALES) {
      const errors: string[] = [];
      const t = createTranslator({ locale: l, messages: catalogues[l] as never, onError: (e) => errors.push(e.message) });
      for (const [key, value] of flat[l]) {
        if (typeof value !== "string") continue;
        let args: Map<string, string>;
        try {
          args = parseIcu(value).args;
        } catch {
          continue;
        }
        for (const n of [0, 1, 2, 5, 21]) {
          const values = Object.fromEntries(
            [...args].map(([name, kind]) => [name, kind === "plural" || kind === "selectordinal" || kind === "number" ? n : kind === "date" || kind === "time" ? new Date(0) : `‹${name}›`]),
          );
          errors.length = 0;
          const out = t(key as never, values as never) as string;
          if (errors.length) bad.push(`${l}: ${key}: ${errors.join("; ")}`);
          else if (/[{}]/.test(out.replace(/‹[^›]*›/g, ""))) bad.push(`${l}: ${key}: left ICU syntax in ${JSON.stringify(out)}`);
          if (!args.size) break;
        }
      }
    }
    expect([...new Set(bad)], `Messages next-intl cannot format:${list([...new Set(bad)])}`).toEqual([]);
  });
});

describe("parseIcu", () => {
  it("reads arguments, plural options and the visible text", () => {
    const p = parseIcu("{total, plural, one {# item} other {# items}} · page {page} of {pages}, '{literal}'");
    expect([...p.args]).toEqual([
      ["total", "plural"],
      ["page", "simple"],
      ["pages", "simple"],
    ]);
    expect(p.plurals).toEqual([{ arg: "total", type: "plural", keys: ["one", "other"] }]);
    expect(p.text).toBe("# item# items · page  of , {literal}");
  });

  it("rejects broken syntax", () => {
    expect(() => parseIcu("{oops")).toThrow();
    expect(() => parseIcu("oops}")).toThrow();
    expect(() => parseIcu("{n, plural, one # x}")).toThrow();
  });
});
