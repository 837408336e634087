/**
 * Countries as data (RULES A4). Adequacy is a legal fact with its source and as-of date; the DPO
 * edits these rows in the portal. Kazakhstan keeps no official list of adequate countries
 * (KZ-PDL art. 16), so kzAdequate is left unknown (null) for foreign countries until the DPO decides.
 * convention108: party to the Council of Europe Convention 108 (null = not recorded yet).
 */
export const RKN_ADEQUACY_ORDER = "Roskomnadzor order No. 128 of 5 Aug 2022 (RU-152 art. 12 p. 2)";

export const seedCountries = [
  { code: "KZ", nameEn: "Kazakhstan", nameKk: "Қазақстан", nameRu: "Казахстан", kzAdequate: null, kzAdequacySource: null, rknAdequate: true, rknAdequacySource: RKN_ADEQUACY_ORDER, rknAdequacyAsOf: "2022-08-05", convention108: false },
  { code: "RU", nameEn: "Russia", nameKk: "Ресей", nameRu: "Россия", kzAdequate: null, kzAdequacySource: "KZ-PDL art. 16: no official list of adequate countries", rknAdequate: null, rknAdequacySource: null, rknAdequacyAsOf: null, convention108: null },
  { code: "BY", nameEn: "Belarus", nameKk: "Беларусь", nameRu: "Беларусь", kzAdequate: null, kzAdequacySource: null, rknAdequate: null, rknAdequacySource: null, rknAdequacyAsOf: null, convention108: null },
  { code: "KG", nameEn: "Kyrgyzstan", nameKk: "Қырғызстан", nameRu: "Кыргызстан", kzAdequate: null, kzAdequacySource: null, rknAdequate: null, rknAdequacySource: null, rknAdequacyAsOf: null, convention108: null },
  { code: "UZ", nameEn: "Uzbekistan", nameKk: "Өзбекстан", nameRu: "Узбекистан", kzAdequate: null, kzAdequacySource: null, rknAdequate: null, rknAdequacySource: null, rknAdequacyAsOf: null, convention108: null },
  { code: "DE", nameEn: "Germany", nameKk: "Германия", nameRu: "Германия", kzAdequate: null, kzAdequacySource: null, rknAdequate: true, rknAdequacySource: "Convention 108 party (RU-152 art. 12 p. 1)", rknAdequacyAsOf: "2022-08-05", convention108: true },
  { code: "NL", nameEn: "Netherlands", nameKk: "Нидерланды", nameRu: "Нидерланды", kzAdequate: null, kzAdequacySource: null, rknAdequate: true, rknAdequacySource: "Convention 108 party (RU-152 art. 12 p. 1)", rknAdequacyAsOf: "2022-08-05", convention108: true },
  { code: "US", nameEn: "United States", nameKk: "Америка Құрама Штаттары", nameRu: "США", kzAdequate: null, kzAdequacySource: null, rknAdequate: false, rknAdequacySource: RKN_ADEQUACY_ORDER, rknAdequacyAsOf: "2022-08-05", convention108: false },
] as const;
