import type { OperatorFacts } from "./types";

/**
 * The operator a deletion act is made by: QIWI Kazakhstan LLP, as its personal-data policy names it
 * (section 1.1 and 1.4 of qplus-policy-v1.0.kk.txt; shared/domain/POLICY.md "The controller").
 * Data with its source, copied into each act's snapshot when it is made: if the details change,
 * change them here; issued acts keep what they said.
 */
export const OPERATOR: OperatorFacts = {
  name: { en: "QIWI Kazakhstan LLP", ru: "ТОО «QIWI Kazakhstan» (КИВИ Казахстан)", kk: "«QIWI Kazakhstan» ЖШС (КИВИ Қазақстан)" },
  bin: "060640010247",
  address: {
    en: "212 Kozybayev st., Almaty 050059, Kazakhstan",
    ru: "Казахстан, 050059, г. Алматы, ул. Козыбаева, 212",
    kk: "Қазақстан, 050059, Алматы қ., Қозыбаев к-сі, 212",
  },
  email: "kzps@qiwi.com",
  source: "QPlus personal-data policy v1.0 of 15 Dec 2025, sections 1.1 and 1.4",
};
