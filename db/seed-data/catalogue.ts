/**
 * Catalogue facts for the seed, from the policy (version 1.0) and RULES.md, each with its source.
 * Names in Kazakh and Russian come from the Kazakh original where it has them; others are the
 * team's translations for the DPO to correct in the portal.
 */
export const dataCategoryNames: Record<string, { en: string; kk: string; ru: string }> = {
  identifiers: { en: "Identifiers", kk: "Идентификаторлар", ru: "Идентификаторы" },
  contact: { en: "Contact information", kk: "Байланыс ақпараты", ru: "Контактная информация" },
  "document-details": { en: "Document details", kk: "Құжаттардан мәліметтер", ru: "Сведения из документов" },
  "document-copies": { en: "Document copies", kk: "Құжаттардың көшірмелері", ru: "Копии документов" },
  financial: { en: "Financial information", kk: "Қаржылық ақпарат", ru: "Финансовая информация" },
  system: { en: "System data", kk: "Жүйелік деректер", ru: "Системные данные" },
  online: { en: "Online identifiers", kk: "Онлайн идентификаторлар", ru: "Онлайн-идентификаторы" },
  other: { en: "Other", kk: "Басқа", ru: "Прочее" },
};

export const subjectCategoryFacts = [
  // Visitors of the resource have no contract with the operator (policy 3.4.1).
  { key: "visitors", nameEn: "Visitors of the resource", nameKk: "Ресурсқа келушілер", nameRu: "Посетители Ресурса", hasContract: false },
  { key: "clients", nameEn: "Clients of the system (e-money holders)", nameKk: "Жүйенің клиенттері", nameRu: "Клиенты Системы (владельцы электронных денег)", hasContract: true },
] as const;

export const legalReferenceFacts = [
  { code: "KZ-PDL", titleEn: "Law of Kazakhstan No. 94-V of 21 May 2013 on personal data and their protection", titleRu: "Закон РК от 21 мая 2013 года № 94-V «О персональных данных и их защите»", titleKk: "«Дербес деректер және оларды қорғау туралы» 2013 жылғы 21 мамырдағы № 94-V ҚР Заңы", years: null },
  { code: "RU-152", titleEn: "Russian Federal Law No. 152-FZ of 27 Jul 2006 on personal data", titleRu: "Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных»", titleKk: "«Дербес деректер туралы» 2006 жылғы 27 шілдедегі № 152-ФЗ РФ Федералдық заңы", years: null },
  { code: "AML-11-4", titleEn: "AML/CFT law No. 191-IV of 28 Aug 2009, art. 11 p. 4", titleRu: "Закон РК от 28 августа 2009 года № 191-IV о ПОД/ФТ, ст. 11 п. 4", titleKk: "ҚКЖ/ҚТ туралы 2009 жылғы 28 тамыздағы № 191-IV Заң, 11-бап 4-т.", years: 5 },
  { code: "CC-178-1", titleEn: "Civil Code No. 268-XIII of 27 Dec 1994, art. 178 p. 1", titleRu: "Гражданский кодекс РК от 27 декабря 1994 года № 268-XIII, ст. 178 п. 1", titleKk: "ҚР Азаматтық кодексі, 1994 жылғы 27 желтоқсан № 268-XIII, 178-бап 1-т.", years: 3 },
  { code: "ORDER-263-202", titleEn: "Item 202 of the List of typical documents, order No. 263 of 29 Sep 2017", titleRu: "Пункт 202 Перечня типовых документов, приказ № 263 от 29 сентября 2017 года", titleKk: "Үлгілік құжаттар тізбесінің 202-тармағы, 2017 жылғы 29 қыркүйектегі № 263 бұйрық", years: null },
] as const;

/** Policy section 1: channels of collection. Visitors come only through the resource. */
export const channelsBySubjectCategory: Record<string, string[]> = {
  visitors: ["resource"],
  clients: ["resource", "self-service-terminals", "pos-terminals"],
};

/** Policy 3.4: research purposes (KZ-PDL art. 17 p. 1 applies to them). */
export const researchPurposeCodes = ["C8"];

/** Policy 3.5: the AML purpose rests on the AML law as well as consent. */
export const purposesWithAmlBasis = ["C9"];

/**
 * Kazakh and Russian names of the data items (key = "group: item"). Kazakh follows the wording
 * of section 3.4 of the Kazakh original; Russian is the team's translation for the DPO to correct.
 */
export const dataItemNames: Record<string, { kk: string; ru: string }> = {
  "identifiers: login (phone number)": { kk: "логин (телефон нөмірі)", ru: "логин (номер телефона)" },
  "identifiers: wallet number": { kk: "электрондық әмиянның нөмірі", ru: "номер электронного кошелька" },
  "identifiers: identity-document details": { kk: "жеке басын куәландыратын құжаттың мәліметтері", ru: "сведения документа, удостоверяющего личность" },
  "identifiers: IP address": { kk: "IP мекенжайы", ru: "IP-адрес" },
  "contact: full name": { kk: "Т.А.Ә.", ru: "Ф.И.О." },
  "contact: email": { kk: "электрондық пошта мекенжайы", ru: "адрес электронной почты" },
  "contact: phone": { kk: "телефон нөмірі", ru: "номер телефона" },
  "document-details: citizenship": { kk: "азаматтығы", ru: "гражданство" },
  "document-details: date of birth": { kk: "туған күні", ru: "дата рождения" },
  "document-details: passport number": { kk: "төлқұжаттың нөмірі", ru: "номер паспорта" },
  "document-details: passport series": { kk: "төлқұжат сериясы", ru: "серия паспорта" },
  "document-details: issuing authority": { kk: "беру органы", ru: "орган выдачи" },
  "document-details: issue date": { kk: "берілген күні", ru: "дата выдачи" },
  "document-details: IIN": { kk: "ЖСН", ru: "ИИН" },
  "document-details: gender": { kk: "жынысы", ru: "пол" },
  "document-copies: scanned passport": { kk: "сканерленген төлқұжат", ru: "скан паспорта" },
  "document-copies: identity-document copy": { kk: "жеке басын куәландыратын құжаттың көшірмесі", ru: "копия документа, удостоверяющего личность" },
  "document-copies: phone-ownership document (details, telecom operator)": {
    kk: "телефон нөмірінің тиесілігін растайтын құжат (деректемелері, байланыс операторы)",
    ru: "документ о принадлежности номера телефона (реквизиты, оператор связи)",
  },
  "financial: balance": { kk: "теңгерім туралы мәліметтер", ru: "сведения о балансе" },
  "financial: e-money operations (amount, time and date, purpose, recipients)": {
    kk: "электрондық ақшамен жасалған операциялар (сомасы, уақыты мен күні, мақсаты, алушылар)",
    ru: "операции с электронными деньгами (сумма, время и дата, назначение, получатели)",
  },
  "financial: changes of wallet state": { kk: "электрондық әмиянның жай-күйінің өзгеруі", ru: "изменения состояния кошелька" },
  "financial: wallet transactions": { kk: "әмиян транзакциялары", ru: "транзакции кошелька" },
  "system: statuses in the system": { kk: "Жүйедегі мәртебелер", ru: "статусы в Системе" },
  "system: device data (software and hardware configuration)": {
    kk: "құрылғылар туралы мәліметтер (бағдарламалық-аппараттық құралдардың конфигурациясы)",
    ru: "данные об устройствах (конфигурация программных и аппаратных средств)",
  },
  "online: cookies: analytical": { kk: "аналитикалық cookie-файлдар", ru: "аналитические cookie-файлы" },
  "online: cookies: marketing": { kk: "маркетингтік cookie-файлдар", ru: "маркетинговые cookie-файлы" },
  "other: interview answers": { kk: "сұхбат барысында респондент хабарлаған мәліметтер", ru: "сведения, сообщённые респондентом в интервью" },
  "other: information about the client's activity": { kk: "клиенттің қызметі туралы ақпарат", ru: "информация о деятельности клиента" },
  "other: other information given in a request": { kk: "сұрау бойынша ұсынылған басқа да ақпарат", ru: "иная информация, предоставленная в обращении" },
};
