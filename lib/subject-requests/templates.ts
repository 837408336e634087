/**
 * Answer templates for data-subject requests, in Kazakh, Russian and English: ONE module holds
 * every sentence, and fillAnswer() fills them from the record of processing (purposes, data
 * items, retention, recipients and cross-border transfers) — policy 5.2 (information row) lists what the
 * information answer must tell. Pure: the page shows the filled text, the DPO may edit it,
 * and the server checks the decision against it (decision.ts).
 */
import { localized, type Locale } from "@/lib/i18n/config";
import type { RecordOfProcessing } from "@/lib/register/record";
import type { AnswerLocale, SubjectDecisionOutcome, SubjectIdKind, SubjectRight } from "./facts";

type Sentences = {
  subject: string;
  greeting: string;
  reference: string;
  idKind: Record<SubjectIdKind, string>;
  informationIntro: string;
  purposeLine: string;
  dataLine: string;
  retentionLine: string;
  retentionNone: string;
  retentionEvent: Record<string, string>;
  recipientsLine: string;
  recipientsNone: string;
  recipientEntry: string;
  crossBorderYes: string;
  crossBorderNo: string;
  crossBorderSummary: string;
  crossBorderNone: string;
  granted: Record<SubjectRight, string>;
  partialIntro: string;
  refusalIntro: string;
  retainedLine: string;
  retainedUntil: string;
  retainedRunning: string;
  groundLine: string;
  reasonLine: string;
  serviceEnds: string;
  complaint: Record<"KZ" | "RU", string>;
  closing: string;
};

/** The operator as the policy names it (section 1), per language. */
const OPERATOR: Record<AnswerLocale, string> = {
  en: "QIWI Kazakhstan LLP, Kozybayev st. 212, Almaty 050059; kzps@qiwi.com",
  ru: "ТОО «QIWI Kazakhstan», г. Алматы, ул. Козыбаева, 212, 050059; kzps@qiwi.com",
  kk: "«КИВИ Қазақстан» ЖШС, Алматы қ., Қозыбаев к-сі, 212, 050059; kzps@qiwi.com",
};

export const ANSWER_TEMPLATES: Readonly<Record<AnswerLocale, Sentences>> = {
  en: {
    subject: "Your personal-data request No. {number}",
    greeting: "Dear client,",
    reference: "We have considered your request of {receivedOn} concerning the {idKind} {subjectId}.",
    idKind: { wallet: "wallet number", login: "login" },
    informationIntro: "QIWI Kazakhstan LLP processes your personal data for the following purposes:",
    purposeLine: "• {code} — {name}.",
    dataLine: "  Data: {items}.",
    retentionLine: "  Kept for {years} years from {event} ({laws}).",
    retentionNone: "  Kept only as long as the purpose needs.",
    retentionEvent: { "contract-end": "the end of the contract", transaction: "the operation", collection: "collection", "purpose-achieved": "achieving the purpose" },
    recipientsLine: "  Recipients: {recipients}.",
    recipientsNone: "  Recipients: none.",
    recipientEntry: "{name} ({country}; {crossBorder})",
    crossBorderYes: "cross-border transfer",
    crossBorderNo: "no cross-border transfer",
    crossBorderSummary: "Cross-border transfer of your data takes place to: {list}.",
    crossBorderNone: "Your data for these purposes is not transferred abroad.",
    granted: {
      information: "This letter is the information about the processing of your personal data that you asked for.",
      rectification: "Your personal data has been rectified as you asked.",
      "consent-withdrawal": "Your consent has been withdrawn: processing for these purposes has stopped and the data has been destroyed.",
      blocking: "Your personal data has been blocked.",
      deletion: "Your personal data for these purposes has been destroyed.",
      complaint: "We have considered your complaint; the information about the processing of your data is given above.",
    },
    partialIntro: "Your request has been granted in part: for {granted} it has been carried out.",
    refusalIntro: "We cannot carry out your request in full.",
    retainedLine: "The data for {codes} is kept because the law requires it: {ground}; {until}.",
    retainedUntil: "it will be destroyed after {date}",
    retainedRunning: "the retention period has not yet started to run",
    groundLine: "Legal ground: {ground}.",
    reasonLine: "Reasons: {reason}",
    serviceEnds: "Without this processing the service cannot be provided, so the contract for the QPlus service ends.",
    complaint: {
      KZ: "You may protect your rights in court or by a complaint to the Ministry of Digital Development, Innovation and Aerospace Industry of the Republic of Kazakhstan.",
      RU: "You may protect your rights in court or by a complaint to Roskomnadzor.",
    },
    closing: "Yours faithfully,\n{operator}",
  },
  ru: {
    subject: "Ваше обращение о персональных данных № {number}",
    greeting: "Уважаемый клиент!",
    reference: "Мы рассмотрели ваше обращение от {receivedOn} в отношении {idKind} {subjectId}.",
    idKind: { wallet: "номера кошелька", login: "логина" },
    informationIntro: "ТОО «QIWI Kazakhstan» обрабатывает ваши персональные данные в следующих целях:",
    purposeLine: "• {code} — {name}.",
    dataLine: "  Данные: {items}.",
    retentionLine: "  Срок хранения (лет): {years}, считая с момента: {event} ({laws}).",
    retentionNone: "  Хранятся, пока это нужно для цели.",
    retentionEvent: { "contract-end": "прекращение договора", transaction: "совершение операции", collection: "сбор данных", "purpose-achieved": "достижение цели" },
    recipientsLine: "  Получатели: {recipients}.",
    recipientsNone: "  Получатели: нет.",
    recipientEntry: "{name} ({country}; {crossBorder})",
    crossBorderYes: "трансграничная передача",
    crossBorderNo: "без трансграничной передачи",
    crossBorderSummary: "Трансграничная передача ваших данных осуществляется: {list}.",
    crossBorderNone: "Ваши данные для этих целей за рубеж не передаются.",
    granted: {
      information: "В этом письме приведены сведения об обработке ваших персональных данных, которые вы запросили.",
      rectification: "Ваши персональные данные уточнены согласно обращению.",
      "consent-withdrawal": "Ваше согласие отозвано: обработка в этих целях прекращена, данные уничтожены.",
      blocking: "Ваши персональные данные заблокированы.",
      deletion: "Ваши персональные данные для этих целей уничтожены.",
      complaint: "Мы рассмотрели вашу жалобу; сведения об обработке ваших данных приведены выше.",
    },
    partialIntro: "Ваше обращение удовлетворено частично: для целей {granted} оно исполнено.",
    refusalIntro: "Мы не можем исполнить ваше обращение полностью.",
    retainedLine: "Данные для целей {codes} хранятся, поскольку этого требует закон: {ground}; {until}.",
    retainedUntil: "они будут уничтожены после {date}",
    retainedRunning: "срок хранения ещё не начал течь",
    groundLine: "Правовое основание: {ground}.",
    reasonLine: "Мотивы решения: {reason}",
    serviceEnds: "Без этой обработки оказание услуги невозможно, поэтому договор об услуге QPlus прекращается.",
    complaint: {
      KZ: "Вы можете защитить свои права в суде или подав жалобу в Министерство цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан.",
      RU: "Вы можете защитить свои права в суде или подав жалобу в Роскомнадзор.",
    },
    closing: "С уважением,\n{operator}",
  },
  kk: {
    subject: "Дербес деректер туралы № {number} өтінішіңіз",
    greeting: "Құрметті клиент!",
    reference: "Біз сіздің {receivedOn} күнгі {subjectId} {idKind} қатысты өтінішіңізді қарадық.",
    idKind: { wallet: "әмиян нөміріне", login: "логинге" },
    informationIntro: "«КИВИ Қазақстан» ЖШС сіздің дербес деректеріңізді мына мақсаттарда өңдейді:",
    purposeLine: "• {code} — {name}.",
    dataLine: "  Деректер: {items}.",
    retentionLine: "  {event} бастап {years} жыл сақталады ({laws}).",
    retentionNone: "  Мақсатқа қажет болғанша ғана сақталады.",
    retentionEvent: { "contract-end": "шарт тоқтатылған сәттен", transaction: "операция жасалған сәттен", collection: "деректер жиналған сәттен", "purpose-achieved": "мақсатқа қол жеткізілген сәттен" },
    recipientsLine: "  Алушылар: {recipients}.",
    recipientsNone: "  Алушылар: жоқ.",
    recipientEntry: "{name} ({country}; {crossBorder})",
    crossBorderYes: "трансшекаралық беру",
    crossBorderNo: "трансшекаралық берусіз",
    crossBorderSummary: "Деректеріңізді трансшекаралық беру мына алушыларға жүзеге асырылады: {list}.",
    crossBorderNone: "Бұл мақсаттар үшін деректеріңіз шетелге берілмейді.",
    granted: {
      information: "Бұл хатта сіз сұраған дербес деректеріңізді өңдеу туралы мәліметтер берілген.",
      rectification: "Дербес деректеріңіз өтінішке сәйкес нақтыланды.",
      "consent-withdrawal": "Келісіміңіз кері қайтарылды: осы мақсаттардағы өңдеу тоқтатылды, деректер жойылды.",
      blocking: "Дербес деректеріңіз бұғатталды.",
      deletion: "Осы мақсаттар үшін дербес деректеріңіз жойылды.",
      complaint: "Біз сіздің шағымыңызды қарадық; деректеріңізді өңдеу туралы мәліметтер жоғарыда берілген.",
    },
    partialIntro: "Өтінішіңіз ішінара қанағаттандырылды: {granted} мақсаттары үшін ол орындалды.",
    refusalIntro: "Біз өтінішіңізді толық орындай алмаймыз.",
    retainedLine: "{codes} мақсаттарына арналған деректер заң талап ететіндіктен сақталады: {ground}; {until}.",
    retainedUntil: "олар {date} кейін жойылады",
    retainedRunning: "сақтау мерзімі әлі басталған жоқ",
    groundLine: "Құқықтық негіз: {ground}.",
    reasonLine: "Шешімнің уәждері: {reason}",
    serviceEnds: "Бұл өңдеусіз қызмет көрсету мүмкін емес, сондықтан QPlus қызметі туралы шарт тоқтатылады.",
    complaint: {
      KZ: "Сіз өз құқықтарыңызды сотта немесе Қазақстан Республикасының Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігіне шағым беру арқылы қорғай аласыз.",
      RU: "Сіз өз құқықтарыңызды сотта немесе Роскомнадзорға шағым беру арқылы қорғай аласыз.",
    },
    closing: "Құрметпен,\n{operator}",
  },
};

/** A calendar day as the letter's language writes it ("8 May 2026", «8 мая 2026 г.»). */
function longDate(locale: AnswerLocale, day: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

export interface AnswerRequestFacts {
  number: number;
  law: "KZ" | "RU";
  right: SubjectRight;
  subjectIdKind: SubjectIdKind;
  subjectId: string;
  receivedOn: string;
  purposeCodes: string[];
}

export interface AnswerDecisionFacts {
  outcome: SubjectDecisionOutcome;
  legalGroundCode: string | null;
  reason: string | null;
  grantedCodes: string[];
  retained: { code: string; retainedUntil: string | null }[];
  serviceEnds: boolean;
}

/** The sentence the decision rule looks for when the service ends (policy 4.3). */
export function serviceEndsSentence(locale: AnswerLocale): string {
  return ANSWER_TEMPLATES[locale].serviceEnds;
}

/** The filled answer: a subject line and the letter's text, in the chosen language. */
export function fillAnswer(locale: AnswerLocale, request: AnswerRequestFacts, decision: AnswerDecisionFacts, record: RecordOfProcessing): { subject: string; text: string } {
  const s = ANSWER_TEMPLATES[locale];
  const l = locale as Locale;
  const purposes = request.purposeCodes.map((code) => record.purposes.find((p) => p.code === code)).filter((p) => !!p);
  const itemName = (key: string) => {
    const item = record.dataItems.find((i) => i.key === key);
    return item ? localized(l, item.name) : key;
  };
  const country = (code: string) => {
    const c = record.countries.find((x) => x.code === code);
    return c ? localized(l, c.name) : code;
  };
  const reference = (code: string) => {
    const r = record.legalReferences.find((x) => x.code === code);
    return r ? localized(l, r.title) : code;
  };
  const recipientsOf = (code: string) => record.recipients.filter((r) => r.status !== "archived" && r.linkedPurposeCodes.includes(code));
  const lines: string[] = [s.greeting, "", fill(s.reference, { receivedOn: longDate(locale, request.receivedOn), idKind: s.idKind[request.subjectIdKind], subjectId: request.subjectId }), ""];

  // The information part: what policy 5.2 (information row) promises, for the purposes the request concerns.
  lines.push(s.informationIntro);
  for (const p of purposes) {
    lines.push(fill(s.purposeLine, { code: p.code, name: localized(l, p.name) }));
    if (p.dataItemKeys.length) lines.push(fill(s.dataLine, { items: p.dataItemKeys.map(itemName).join("; ") }));
    lines.push(
      p.retentionYears && p.retentionFrom
        ? fill(s.retentionLine, { years: p.retentionYears, event: s.retentionEvent[p.retentionFrom] ?? p.retentionFrom, laws: p.retentionLawCodes.map(reference).join("; ") })
        : s.retentionNone,
    );
    const recipients = recipientsOf(p.code);
    lines.push(
      recipients.length
        ? fill(s.recipientsLine, {
            recipients: recipients.map((r) => fill(s.recipientEntry, { name: localized(l, r.name), country: country(r.countryCode), crossBorder: r.crossBorder ? s.crossBorderYes : s.crossBorderNo })).join("; "),
          })
        : s.recipientsNone,
    );
  }
  const abroad = [...new Map(purposes.flatMap((p) => recipientsOf(p.code)).filter((r) => r.crossBorder).map((r) => [r.id, r])).values()];
  lines.push(abroad.length ? fill(s.crossBorderSummary, { list: abroad.map((r) => `${localized(l, r.name)} (${country(r.countryCode)})`).join("; ") }) : s.crossBorderNone, "");

  // The decision part.
  if (decision.outcome === "granted") lines.push(s.granted[request.right]);
  else {
    lines.push(decision.outcome === "partial" ? fill(s.partialIntro, { granted: decision.grantedCodes.join(", ") }) : s.refusalIntro);
    if (decision.outcome === "partial" && decision.grantedCodes.length) lines.push(s.granted[request.right]);
    const ground = decision.legalGroundCode ? reference(decision.legalGroundCode) : "";
    for (const r of decision.retained) {
      lines.push(fill(s.retainedLine, { codes: r.code, ground, until: r.retainedUntil ? fill(s.retainedUntil, { date: longDate(locale, r.retainedUntil) }) : s.retainedRunning }));
    }
    if (ground) lines.push(fill(s.groundLine, { ground }));
    if (decision.reason) lines.push(fill(s.reasonLine, { reason: decision.reason }));
  }
  if (decision.serviceEnds) lines.push(s.serviceEnds);
  lines.push("", s.complaint[request.law], "", fill(s.closing, { operator: OPERATOR[locale] }));
  return { subject: fill(s.subject, { number: request.number }), text: lines.join("\n") };
}
