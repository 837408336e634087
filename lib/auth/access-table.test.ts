import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API, PAGES } from "./access-table";
import { registeredActions } from "@/lib/server/actions/define";
import { executeAction } from "@/lib/server/actions/define";
import { ROLES, can } from "./permissions";
import "@/lib/server/actions/all";

const root = path.resolve(__dirname, "../..");

function filesNamed(dir: string, names: string[]): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesNamed(rel, names));
    else if (names.includes(entry.name)) out.push(rel);
  }
  return out;
}

describe("the access table covers every route", () => {
  it("lists every page file", () => {
    const listed = new Set(PAGES.map((p) => p.file));
    expect(filesNamed("app", ["page.tsx"]).filter((f) => !listed.has(f))).toEqual([]);
  });
  it("lists every exported method of every route handler", () => {
    const missing: string[] = [];
    for (const file of filesNamed("app", ["route.ts"])) {
      const source = fs.readFileSync(path.join(root, file), "utf8");
      const methods = [...source.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
      if (/export const \{ GET, POST \} = handlers/.test(source)) methods.push("GET");
      for (const method of new Set(methods)) if (!API.some((a) => a.file === file && a.method === method)) missing.push(`${method} ${file}`);
    }
    expect(missing).toEqual([]);
  });
  it("every server action goes through a declared action with a permission", () => {
    // Each "use server" module may only export functions that call runAction(<declared def>).
    const offenders: string[] = [];
    const declared = new Set(registeredActions().map((a) => a.name));
    for (const file of filesNamed("app", ["actions.ts"])) {
      const source = fs.readFileSync(path.join(root, file), "utf8");
      if (!source.startsWith('"use server"')) continue;
      const exported = [...source.matchAll(/export async function (\w+)/g)].map((m) => m[1]);
      const guarded = [...source.matchAll(/runAction\((\w+)Def,/g)].length;
      // Sign-in, sign-out and the language switch are the only actions open to anyone by design.
      const open = exported.filter((name) => ["signInAction"].includes(name)).length;
      if (guarded + open !== exported.length) offenders.push(file);
    }
    expect(offenders).toEqual([]);
    expect(declared.size).toBeGreaterThan(0);
  });
});

describe("every declared action × every role", () => {
  const user = (role: (typeof ROLES)[number]) => ({ id: "00000000-0000-4000-8000-000000000000", email: `${role}@qplus.local`, name: role, role, locale: null });
  for (const def of registeredActions()) {
    it(`${def.name} needs ${def.permission}`, async () => {
      expect(await executeAction(def, null, {})).toEqual({ ok: false, error: "unauthenticated" });
      for (const role of ROLES) {
        // Empty input: a role with the permission reaches validation, one without is refused first.
        const result = await executeAction(def, user(role), {});
        if (can(role, def.permission)) expect(result, `${role} on ${def.name}`).toMatchObject({ ok: false, error: "invalid" });
        else expect(result, `${role} on ${def.name}`).toEqual({ ok: false, error: "forbidden" });
      }
    });
  }
});
