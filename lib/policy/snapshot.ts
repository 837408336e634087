/**
 * The published policy's content: sections 3 (purposes of processing) and 7.1 (recipients), frozen
 * from the register when the DPO publishes an edition. Stored as JSON in policy_publications, so
 * an old edition reads the same forever, whatever the register says later.
 */
import { comparePurposeCodes, type RecordOfProcessing, type Text3 } from "@/lib/register/record";

export const POLICY_SNAPSHOT_FORMAT = 1;

export interface PolicyReference {
  code: string;
  title: Text3;
}

export interface PolicyPurpose {
  code: string;
  subjectCategory: string;
  name: Text3;
  legalBases: { kind: "consent" | "law" | "contract"; reference: PolicyReference | null }[];
  /** Data items grouped by their category, in the catalogue's order. */
  data: { category: Text3; items: Text3[] }[];
  channels: string[];
  retention: { years: number | null; from: string | null; references: PolicyReference[] };
  deletion: { event: string | null; delayYears: number | null };
  recipientKeys: string[];
}

export interface PolicyRecipient {
  key: string;
  name: Text3;
  role: "operator" | "processor";
  country: { code: string; name: Text3 };
  crossBorder: boolean;
  basis: "contract" | "law" | "consent";
  transferPurposes: string[];
  purposeCodes: string[];
  actions: Text3[];
}

export interface PolicySnapshot {
  format: typeof POLICY_SNAPSHOT_FORMAT;
  subjectCategories: { key: string; name: Text3 }[];
  purposes: PolicyPurpose[];
  recipients: PolicyRecipient[];
}

const plain = (t: Text3): Text3 => ({ en: t.en, kk: t.kk ?? null, ru: t.ru ?? null });

/** What the public sees: active purposes and the recipients not archived, in the policy's order. */
export function buildPolicySnapshot(record: RecordOfProcessing): PolicySnapshot {
  const purposes = record.purposes.filter((p) => p.status === "active").sort((a, b) => comparePurposeCodes(a.code, b.code));
  const recipients = record.recipients.filter((r) => r.status !== "archived").sort((a, b) => a.name.en.localeCompare(b.name.en));
  const references = new Map(record.legalReferences.map((l) => [l.code, { code: l.code, title: plain(l.title) }]));
  const reference = (code: string): PolicyReference => references.get(code) ?? { code, title: { en: code, kk: null, ru: null } };
  const items = new Map(record.dataItems.map((i) => [i.key, i]));
  const categories = [...record.dataCategories].sort((a, b) => a.position - b.position || a.key.localeCompare(b.key));
  const countries = new Map(record.countries.map((c) => [c.code, c]));
  const actions = [...record.actions].sort((a, b) => a.position - b.position);
  const activeCodes = new Set(purposes.map((p) => p.code));

  const usedCategories = new Set(purposes.map((p) => p.subjectCategory));
  return {
    format: POLICY_SNAPSHOT_FORMAT,
    subjectCategories: record.subjectCategories.filter((s) => usedCategories.has(s.key)).map((s) => ({ key: s.key, name: plain(s.name) })),
    purposes: purposes.map((p) => ({
      code: p.code,
      subjectCategory: p.subjectCategory,
      name: plain(p.name),
      legalBases: p.legalBases.map((b) => ({ kind: b.kind, reference: b.referenceCode ? reference(b.referenceCode) : null })),
      data: categories
        .map((c) => ({
          category: plain(c.name),
          items: p.dataItemKeys
            .map((k) => items.get(k))
            .filter((i) => i && i.categoryKey === c.key)
            .map((i) => plain(i!.name))
            .sort((a, b) => a.en.localeCompare(b.en)),
        }))
        .filter((g) => g.items.length > 0),
      channels: [...p.channels],
      retention: { years: p.retentionYears, from: p.retentionFrom, references: p.retentionLawCodes.map(reference) },
      deletion: { event: p.deletionEvent, delayYears: p.deletionDelayYears },
      recipientKeys: recipients.filter((r) => r.linkedPurposeCodes.includes(p.code)).map((r) => r.key),
    })),
    recipients: recipients.map((r) => ({
      key: r.key,
      name: plain(r.name),
      role: r.role,
      country: { code: r.countryCode, name: plain(countries.get(r.countryCode)?.name ?? { en: r.countryCode, kk: null, ru: null }) },
      crossBorder: r.crossBorder,
      basis: r.basis,
      transferPurposes: [...r.transferPurposes],
      purposeCodes: r.linkedPurposeCodes.filter((c) => activeCodes.has(c)).sort(comparePurposeCodes),
      actions: actions.filter((a) => r.permittedActions.includes(a.key)).map((a) => plain(a.name)),
    })),
  };
}
