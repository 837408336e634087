import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { openApiDocument } from "./openapi";
import { API_OPERATIONS } from "./routes";

const root = path.resolve(__dirname, "../..");

function routeFiles(dir = "app/api"): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(rel) : e.name === "route.ts" ? [rel] : [];
  });
}

/** The methods a route file exports (Auth.js's `export const { GET, POST } = handlers` included). */
function exportedMethods(file: string): string[] {
  const source = fs.readFileSync(path.join(root, file), "utf8");
  const methods = [...source.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
  const destructured = /export const \{([^}]*)\} = handlers/.exec(source);
  if (destructured) methods.push(...destructured[1].split(",").map((m) => m.trim()));
  return [...new Set(methods)];
}

type Doc = ReturnType<typeof openApiDocument>;

/** "METHOD file" of every exported handler that has no operation in the document. */
function undocumented(doc: Doc, files: string[]): string[] {
  const missing: string[] = [];
  for (const file of files) {
    for (const method of exportedMethods(file)) {
      const ops = API_OPERATIONS.filter((o) => o.file === file && o.method === method);
      if (!ops.length || ops.some((o) => !(doc.paths[o.path] as Record<string, unknown> | undefined)?.[method.toLowerCase()])) missing.push(`${method} ${file}`);
    }
  }
  return missing;
}

describe("the OpenAPI document", () => {
  const doc = openApiDocument();

  it("is valid OpenAPI 3.1 by the specification's own schema", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("has an operation for every method every route handler under app/api exports", () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(20);
    expect(undocumented(doc, files)).toEqual([]);
    // The check can fail: drop one path and it names the handler.
    const without = structuredClone(doc);
    delete (without.paths as Record<string, unknown>)["/api/v1/transfers"];
    expect(undocumented(without, files)).toEqual(["POST app/api/v1/transfers/route.ts"]);
  });

  it("documents the sending systems' API and the auditors' downloads", () => {
    const paths = doc.paths as Record<string, Record<string, { requestBody?: unknown; parameters?: Array<{ name: string; required: boolean }> }>>;
    expect(paths["/api/v1/transfers"].post.requestBody).toBeDefined();
    expect(paths["/api/v1/log/export"].get.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(["format", "from", "to", "recipient", "country", "crossBorder", "approval", "flagged", "system"]));
    expect(paths["/api/v1/log/bundle"].get.parameters?.map((p) => p.name)).toEqual(["from", "to", "loggedFrom", "loggedTo"]);
    expect(paths["/api/v1/log/consistency"].get.parameters?.filter((p) => p.required).map((p) => p.name)).toEqual(["first", "second"]);
    const event = doc.components.schemas.TransferEvent as { properties: Record<string, unknown>; required: string[] };
    expect(event.required).toEqual(expect.arrayContaining(["occurredAt", "recipient", "dataItems", "recordCount", "subjectPopulations", "sendingSystem", "destinationCountry", "idempotencyKey"]));
  });

  it("describes every error answer as problem+json", () => {
    const offenders: string[] = [];
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops as Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>)) {
        for (const [status, answer] of Object.entries(op.responses)) {
          if (Number(status) < 400 || (p === "/api/health" && status === "503")) continue;
          if (!answer.content?.["application/problem+json"]) offenders.push(`${method} ${p} ${status}`);
        }
        if (!op.responses["503"]) offenders.push(`${method} ${p} has no 503`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("every path is named in the README's API section", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("\n## API\n"), readme.indexOf("\n## ", readme.indexOf("\n## API\n") + 5));
    const missing = API_OPERATIONS.filter((o) => !o.path.startsWith("/api/auth/") && !section.includes(`\`${o.path}`)).map((o) => o.path);
    expect(missing).toEqual([]);
  });

  it("documents the transfer-request endpoints and the bearer token scheme, with the request schema from zod", () => {
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.security).toEqual([{ session: [] }, { bearer: [] }]);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/transfer-requests", "/api/v1/transfer-requests/{id}"]));
    const input = doc.components.schemas.TransferRequestInput as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(input.properties)).toEqual(expect.arrayContaining(["recipientId", "purposeCodes", "dataItems", "crossBorderGround", "submit"]));
    expect(input.required).toEqual(expect.arrayContaining(["recipientId", "purposeCodes", "justification"]));
  });
});
