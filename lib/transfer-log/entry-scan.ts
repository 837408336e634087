/**
 * Byte-level fast path of the bundle verifier (FORMAT.md §6.3): splits a block
 * of bundle bytes into lines and, for every line that is a byte-exact entry
 * line of a valid entry, recomputes the leaf hash from the line's own bytes
 * and compares it with the recorded `leafHash`.
 *
 * Entry lines must be byte-exact canonical JSON, so the entry never needs to
 * be parsed into objects or re-serialised: one pass over the bytes checks the
 * fixed 15-field schema exactly as `parseCanonicalEntryJson` does (same
 * grammar, same semantic checks: timestamps, safe integers, well-formed
 * Unicode) and the JSON text itself is hashed.
 *
 * The scanner only ever *accepts*: a line it does not recognise (anything but
 * a canonical entry whose recomputed hash equals the recorded one: headers,
 * checkpoints, blank lines, malformed or altered entries, invalid UTF-8) is
 * reported as LINE_OTHER and the caller feeds its decoded text to
 * BundleVerifier.push(), which names the failure exactly as before. Accepted
 * lines go to BundleVerifier.pushCanonicalEntry(), which does the in-order
 * checks (sequence, prefix) and appends the leaf.
 *
 * `makeBlockScanner` is self-contained (no imports, no outer references): its
 * source text is also what the worker threads run (verify-file.ts).
 */

/** The line is not (or not provably) a valid canonical entry line: decode it and use push(). */
export const LINE_OTHER = 0;
/** Canonical entry line of a valid entry; recomputed leaf hash = recorded leafHash. */
export const LINE_ENTRY = 1;

export interface BlockScan {
  /** Number of lines in the block. */
  count: number;
  /** LINE_OTHER or LINE_ENTRY, per line. */
  kinds: Uint8Array;
  /** Index of the line's "\n" (or the block length for a final unterminated line); a line starts after the previous end. */
  ends: Int32Array;
  /** seq of LINE_ENTRY lines. */
  seqs: Float64Array;
  /** Leaf hash of LINE_ENTRY line i at bytes [32i, 32i+32). */
  leaves: Uint8Array;
}

export interface BlockScanner {
  /**
   * Scan buf[0, len): lines separated by "\n" (a trailing "\r" is ignored, as push() does).
   * `reuse` lends the arrays of an earlier result that is no longer needed.
   */
  scan(buf: Uint8Array, len: number, reuse?: BlockScan): BlockScan;
  /** seq if json[start, end) is the canonical JSON of a valid entry (per parseCanonicalEntryJson), else -1. */
  canonicalEntrySeq(buf: Uint8Array, start: number, end: number): number;
}

/**
 * @param digestLatin1 SHA-256 of bytes as a 32-char latin1 string (hash.ts sha256Latin1).
 */
export function makeBlockScanner(digestLatin1: (data: Uint8Array) => string): BlockScanner {
  const ascii = (s: string): Uint8Array => {
    const a = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
    return a;
  };
  // bundle.ts ENTRY_LINE_HEAD / ENTRY_LINE_MID, canonical.ts ENTRY_FORMAT (kept literal: this function has no imports).
  /** A literal as little-endian 32-bit words (the last one overlapping when the length is not a multiple of 4). */
  interface Lit {
    n: number;
    offs: Int32Array;
    words: Int32Array;
  }
  const litOf = (s: string): Lit => {
    const a = ascii(s);
    const d = new DataView(a.buffer);
    const offs: number[] = [];
    for (let i = 0; i + 4 <= a.length; i += 4) offs.push(i);
    if (a.length % 4 !== 0) offs.push(a.length - 4);
    return { n: a.length, offs: Int32Array.from(offs), words: Int32Array.from(offs, (o) => d.getInt32(o, true)) };
  };
  const HEAD = litOf('{"type":"entry","leafHash":"');
  const MID = litOf('","entry":');
  const HEX_AT = HEAD.n;
  const JSON_AT = HEAD.n + 64 + MID.n;
  // 0x00 || "qplus-tlog-entry/v1\n": written over the bytes just before the entry JSON while hashing.
  const PL = 21; // 0x00 || "qplus-tlog-entry/v1\n"
  // The 21 borrowed bytes are moved as 32-bit words at these offsets (the last two overlap).
  const PREFIX = litOf("\u0000qplus-tlog-entry/v1\n");
  if (PREFIX.n !== PL) throw new Error("leaf prefix length");
  const saved = new Int32Array(PREFIX.offs.length);
  const K_APPROVAL = litOf('{"approvalId":');
  const K_DATA = litOf(',"dataItems":');
  const K_COUNTRY = litOf(',"destinationCountry":');
  const K_EXTREF = litOf(',"externalReference":');
  const K_FLAGS = litOf(',"flags":');
  const K_IDEM = litOf(',"idempotencyKey":');
  const K_LOGGED = litOf(',"loggedAt":');
  const K_OCCURRED = litOf(',"occurredAt":');
  const K_PURPOSES = litOf(',"purposeCodes":');
  const K_RECIPIENT = litOf(',"recipientId":');
  const K_RVERSION = litOf(',"recipientVersion":');
  const K_RCOUNT = litOf(',"recordCount":');
  const K_SYSTEM = litOf(',"sendingSystem":');
  const K_SEQ = litOf(',"seq":');
  const K_POPS = litOf(',"subjectPopulations":');
  const F_CODE = litOf('{"code":');
  const F_REASON = litOf(',"reason":');
  const NULL = litOf("null");
  const OTHER = 0; // LINE_OTHER (module constants are out of reach of the worker copy)
  const ENTRY = 1; // LINE_ENTRY
  const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  // HEX2[b] = the two lowercase hex digits of byte b as a little-endian 16-bit word.
  const HEX2 = new Uint16Array(256);
  for (let b = 0; b < 256; b++) HEX2[b] = "0123456789abcdef".charCodeAt(b >> 4) | ("0123456789abcdef".charCodeAt(b & 15) << 8);
  // Bytes a canonical string holds raw and alone: U+0020..U+007F except '"' and '\'.
  const PLAIN = new Uint8Array(256);
  for (let c = 0x20; c < 0x80; c++) PLAIN[c] = c === 0x22 || c === 0x5c ? 0 : 1;

  // Each step takes the position to parse at (or -1 after an earlier failure)
  // and returns the position after what it matched, or -1.

  // The block being scanned, as a DataView for word reads.
  let dv: DataView = new DataView(new ArrayBuffer(0));
  let dvLen = 0;

  const lit = (b: Uint8Array, p: number, l: Lit): number => {
    if (p < 0 || p + l.n > dvLen) return -1;
    const { offs, words } = l;
    for (let i = 0; i < offs.length; i++) if (dv.getInt32(p + offs[i], true) !== words[i]) return -1;
    return p + l.n;
  };

  /**
   * A canonical JSON string (quotes included), as canonical.ts STR: raw
   * characters except '"', '\' and U+0000..U+001F, exactly JSON.stringify's
   * escapes, and strictly well-formed UTF-8 (no overlongs, no surrogates, at
   * most U+10FFFF) so the bytes are the UTF-8 encoding of the decoded text.
   */
  const str = (b: Uint8Array, p: number, end: number): number => {
    if (p < 0 || b[p] !== 0x22) return -1;
    p++;
    while (p < end) {
      if (p + 4 <= end) {
        // Four plain bytes at once: none >= 0x80, none < 0x20, no '"', no '\'.
        const w = dv.getInt32(p, true);
        const q = w ^ 0x22222222;
        const r = w ^ 0x5c5c5c5c;
        // High bit of each byte that is >= 0x80, < 0x20, '"' or '\' (the lowest flag is always exact).
        const t = (w | ((w - 0x20202020) & ~w) | ((q - 0x01010101) & ~q) | ((r - 0x01010101) & ~r)) & 0x80808080;
        if (t === 0) {
          p += 4;
          continue;
        }
        p += (31 - Math.clz32(t & -t)) >> 3; // skip the plain bytes before the first special one
      }
      const c = b[p];
      if (PLAIN[c] === 1) {
        p++;
        continue;
      }
      if (c === 0x22) return p + 1;
      if (c === 0x5c) {
        const n = b[p + 1];
        if (n === 0x22 || n === 0x5c || n === 0x62 || n === 0x66 || n === 0x6e || n === 0x72 || n === 0x74) {
          p += 2; // \" \\ \b \f \n \r \t
          continue;
        }
        // \u00xx, lowercase hex, only for controls without a short escape: 00-07, 0b, 0e, 0f, 10-1f.
        if (n !== 0x75 || b[p + 2] !== 0x30 || b[p + 3] !== 0x30) return -1;
        const h = b[p + 4];
        const l = b[p + 5];
        if (h === 0x30) {
          if (!((l >= 0x30 && l <= 0x37) || l === 0x62 || l === 0x65 || l === 0x66)) return -1;
        } else if (h === 0x31) {
          if (!((l >= 0x30 && l <= 0x39) || (l >= 0x61 && l <= 0x66))) return -1;
        } else return -1;
        p += 6;
        continue;
      }
      if (c < 0xc2) return -1; // raw control, stray continuation byte or overlong lead
      if (c < 0xe0) {
        if ((b[p + 1] & 0xc0) !== 0x80) return -1;
        p += 2;
      } else if (c < 0xf0) {
        const c1 = b[p + 1];
        if (c === 0xe0 ? c1 < 0xa0 || c1 > 0xbf : c === 0xed ? c1 < 0x80 || c1 > 0x9f : (c1 & 0xc0) !== 0x80) return -1;
        if ((b[p + 2] & 0xc0) !== 0x80) return -1;
        p += 3;
      } else if (c < 0xf5) {
        const c1 = b[p + 1];
        if (c === 0xf0 ? c1 < 0x90 || c1 > 0xbf : c === 0xf4 ? c1 < 0x80 || c1 > 0x8f : (c1 & 0xc0) !== 0x80) return -1;
        if ((b[p + 2] & 0xc0) !== 0x80 || (b[p + 3] & 0xc0) !== 0x80) return -1;
        p += 4;
      } else return -1;
    }
    return -1;
  };

  const strOrNull = (b: Uint8Array, p: number, end: number): number => (p >= 0 && b[p] === 0x6e ? lit(b, p, NULL) : str(b, p, end));

  /** [] or ["a","b",...] */
  const strList = (b: Uint8Array, p: number, end: number): number => {
    if (p < 0 || b[p] !== 0x5b) return -1;
    if (b[++p] === 0x5d) return p + 1;
    for (;;) {
      p = str(b, p, end);
      if (p < 0) return -1;
      const c = b[p];
      if (c === 0x5d) return p + 1;
      if (c !== 0x2c) return -1;
      p++;
    }
  };

  /** [] or [{"code":"..","reason":".."},...] */
  const flagList = (b: Uint8Array, p: number, end: number): number => {
    if (p < 0 || b[p] !== 0x5b) return -1;
    if (b[++p] === 0x5d) return p + 1;
    for (;;) {
      p = str(b, lit(b, p, F_CODE), end);
      p = str(b, lit(b, p, F_REASON), end);
      if (p < 0 || b[p] !== 0x7d) return -1;
      const c = b[++p];
      if (c === 0x5d) return p + 1;
      if (c !== 0x2c) return -1;
      p++;
    }
  };

  let num = 0; // value of the last count() match

  /** 0|[1-9][0-9]{0,15}, at most 2^53-1 (canonical.ts COUNT + Number.isSafeInteger). */
  const count = (b: Uint8Array, p: number): number => {
    if (p < 0) return -1;
    const first = b[p] - 0x30;
    if (first === 0) {
      num = 0;
      return p + 1;
    }
    if (!(first >= 1 && first <= 9)) return -1;
    let v = first;
    let q = p + 1;
    const max = p + 16;
    while (q < max) {
      const d = b[q] - 0x30;
      if (!(d >= 0 && d <= 9)) break;
      v = v * 10 + d;
      q++;
    }
    // Exact below 2^53; a larger value rounds to >= 2^53 and is refused.
    if (v > 9007199254740991) return -1;
    num = v;
    return q;
  };

  const digits = (b: Uint8Array, at: number, n: number): number => {
    let v = 0;
    for (let i = at; i < at + n; i++) {
      const d = b[i] - 0x30;
      if (!(d >= 0 && d <= 9)) return -1;
      v = v * 10 + d;
    }
    return v;
  };

  /** "YYYY-MM-DDTHH:mm:ss.sssZ" naming a real instant (canonical.ts isIsoMillis), quotes included. */
  const time = (b: Uint8Array, p: number): number => {
    if (p < 0 || b[p] !== 0x22 || b[p + 25] !== 0x22) return -1;
    const q = p + 1;
    if (b[q + 4] !== 0x2d || b[q + 7] !== 0x2d || b[q + 10] !== 0x54 || b[q + 13] !== 0x3a || b[q + 16] !== 0x3a || b[q + 19] !== 0x2e || b[q + 23] !== 0x5a) {
      return -1;
    }
    const year = digits(b, q, 4);
    const month = digits(b, q + 5, 2);
    const day = digits(b, q + 8, 2);
    const hour = digits(b, q + 11, 2);
    const minute = digits(b, q + 14, 2);
    const second = digits(b, q + 17, 2);
    const ms = digits(b, q + 20, 3);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || ms < 0) {
      return -1;
    }
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1])) return -1;
    return p + 26;
  };

  let entrySeq = 0; // seq of the last entryEnd() match

  /**
   * The canonical entry object starting at `start`, keys in ENTRY_KEYS order:
   * the position after its closing brace (its seq in entrySeq), or -1. No
   * part of it can contain a raw "\n", so `limit` may be the block's end.
   */
  const entryEnd = (b: Uint8Array, start: number, limit: number): number => {
    let p = strOrNull(b, lit(b, start, K_APPROVAL), limit);
    p = strList(b, lit(b, p, K_DATA), limit);
    p = str(b, lit(b, p, K_COUNTRY), limit);
    p = strOrNull(b, lit(b, p, K_EXTREF), limit);
    p = flagList(b, lit(b, p, K_FLAGS), limit);
    p = str(b, lit(b, p, K_IDEM), limit);
    p = time(b, lit(b, p, K_LOGGED));
    p = time(b, lit(b, p, K_OCCURRED));
    p = strList(b, lit(b, p, K_PURPOSES), limit);
    p = str(b, lit(b, p, K_RECIPIENT), limit);
    p = count(b, lit(b, p, K_RVERSION));
    p = count(b, lit(b, p, K_RCOUNT));
    p = str(b, lit(b, p, K_SYSTEM), limit);
    p = count(b, lit(b, p, K_SEQ));
    entrySeq = num;
    p = strList(b, lit(b, p, K_POPS), limit);
    if (p < 0 || p >= limit || b[p] !== 0x7d) return -1;
    return p + 1;
  };

  const scan = (buf: Uint8Array, len: number, reuse?: BlockScan): BlockScan => {
    dv = new DataView(buf.buffer, buf.byteOffset, len);
    dvLen = len;
    const bytes = Buffer.from(buf.buffer, buf.byteOffset, len); // Buffer#indexOf is a memchr
    const ab = buf.buffer;
    const base = buf.byteOffset;
    // Output arrays: reused from an earlier block when given (fresh memory costs page faults), grown on demand.
    let cap = reuse ? reuse.kinds.length : (len >> 8) + 64;
    let kinds = reuse ? reuse.kinds : new Uint8Array(cap);
    let ends = reuse ? reuse.ends : new Int32Array(cap);
    let seqs = reuse ? reuse.seqs : new Float64Array(cap);
    let leaves = reuse ? reuse.leaves : new Uint8Array(cap * 32);
    let n = 0;
    let s = 0;
    while (s < len) {
      if (n === cap) {
        cap *= 2;
        const k2 = new Uint8Array(cap);
        k2.set(kinds);
        kinds = k2;
        const e2 = new Int32Array(cap);
        e2.set(ends);
        ends = e2;
        const s2 = new Float64Array(cap);
        s2.set(seqs);
        seqs = s2;
        const l2 = new Uint8Array(cap * 32);
        l2.set(leaves);
        leaves = l2;
      }
      let kind = OTHER;
      let nl = -1;
      const j = s + JSON_AT;
      if (j < len && lit(buf, s, HEAD) >= 0 && lit(buf, j - MID.n, MID) >= 0) {
        // The entry, then the line's "}", then "\n" ("\r\n"), or the end of the block.
        const je = entryEnd(buf, j, len);
        if (je >= 0 && je < len && buf[je] === 0x7d) {
          let q = je + 1;
          if (q < len && buf[q] === 0x0d) q++;
          if (q === len || buf[q] === 0x0a) {
            nl = q;
            // Hash 0x00 || "qplus-tlog-entry/v1\n" || JSON in place: borrow the bytes before the JSON.
            const pre = j - PL;
            const { offs, words } = PREFIX;
            for (let i = 0; i < offs.length; i++) saved[i] = dv.getInt32(pre + offs[i], true);
            for (let i = 0; i < offs.length; i++) dv.setInt32(pre + offs[i], words[i], true);
            const leaf = digestLatin1(new Uint8Array(ab, base + pre, je - pre));
            for (let i = 0; i < offs.length; i++) dv.setInt32(pre + offs[i], saved[i], true);
            // Recorded leafHash must spell the recomputed hash in lowercase hex.
            const h = s + HEX_AT;
            const o = n * 32;
            let i = 0;
            for (; i < 32; i += 2) {
              const c0 = leaf.charCodeAt(i);
              const c1 = leaf.charCodeAt(i + 1);
              if (dv.getInt32(h + 2 * i, true) !== (HEX2[c0] | (HEX2[c1] << 16))) break;
              leaves[o + i] = c0;
              leaves[o + i + 1] = c1;
            }
            if (i === 32) {
              kind = ENTRY;
              seqs[n] = entrySeq;
            }
          }
        }
      }
      if (nl < 0) {
        nl = bytes.indexOf(0x0a, s);
        if (nl < 0 || nl > len) nl = len;
      }
      kinds[n] = kind;
      ends[n] = nl;
      n++;
      s = nl + 1;
    }
    return { count: n, kinds, ends, seqs, leaves };
  };

  return {
    scan,
    canonicalEntrySeq: (buf: Uint8Array, start: number, end: number): number => {
      dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
      dvLen = buf.byteLength;
      const p = entryEnd(buf, start, end);
      return p === end ? entrySeq : -1;
    },
  };
}
