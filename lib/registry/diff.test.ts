import { describe, expect, it } from "vitest";
import { diffSnapshots } from "./diff";

describe("diffSnapshots", () => {
  it("lists exactly the fields that changed, with both values", () => {
    const changes = diffSnapshots(
      { nameEn: "Kazpost JSC", permittedActions: ["use"], email: null },
      { nameEn: "Kazpost JSC", permittedActions: ["use", "storage"], email: "info@kazpost.kz" },
    );
    expect(changes).toEqual([
      { field: "permittedActions", before: ["use"], after: ["use", "storage"] },
      { field: "email", before: null, after: "info@kazpost.kz" },
    ]);
  });
  it("treats a first version as a change of every field from nothing", () => {
    expect(diffSnapshots(null, { nameEn: "X" })).toEqual([{ field: "nameEn", before: null, after: "X" }]);
  });
  it("finds no change between equal snapshots", () => {
    expect(diffSnapshots({ a: [1, 2] }, { a: [1, 2] })).toEqual([]);
  });
});
