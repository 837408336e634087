/**
 * Offline verifier for transfer-log bundles. No network, no database.
 *
 *   tsx lib/transfer-log/cli.ts [--origin <origin>] [--keys <keys.json>] [--key <vkey>]... <bundle.jsonl>
 *
 * Exit codes: 0 verified, 1 verification failed, 2 usage or I/O error.
 * --keys pins the log's keys WITH their validity: a file holding the answer of
 * GET /api/v1/log/keys, saved as it is. --key pins a key (C2SP vkey string) but
 * not its validity, which then comes from the bundle header. Without either the
 * keys in the bundle header are trusted as given.
 */
import { readFileSync } from "node:fs";
import { parseVerifierKey, pinnedKeysFromJson } from "./keys";
import type { LogPublicKey } from "./types";
import { verifyBundleFile } from "./verify-file";
import type { BundleVerification, VerifyBundleOptions } from "./verify-bundle";

const USAGE = "usage: tsx lib/transfer-log/cli.ts [--origin <origin>] [--keys <keys.json>] [--key <vkey>]... <bundle.jsonl>";

class UsageError extends Error {}

export interface CliArgs {
  file: string;
  options: VerifyBundleOptions;
  /** What the pins cover, for the report: a vkey alone leaves validity to the bundle. */
  pinned: "none" | "keys-with-validity" | "vkeys-only" | "mixed";
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const vkeys: string[] = [];
  const keys: LogPublicKey[] = [];
  let origin: string | undefined;
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--key" || a === "--origin" || a === "--keys") {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${a} needs a value`);
      if (a === "--origin") origin = value;
      else if (a === "--keys") keys.push(...readKeysFile(value));
      else {
        try {
          parseVerifierKey(value);
        } catch (e) {
          throw new UsageError(`bad --key: ${(e as Error).message}`);
        }
        vkeys.push(value);
      }
    } else if (a === "--") {
      continue;
    } else if (a.startsWith("-")) {
      throw new UsageError(`unknown option ${a}`);
    } else if (file === undefined) {
      file = a;
    } else {
      throw new UsageError("exactly one bundle file expected");
    }
  }
  if (file === undefined) throw new UsageError("no bundle file given");
  // A key pinned both ways keeps its pinned validity: the verifier matches the first pin.
  const trustedKeys = [...keys, ...vkeys];
  const pinned = trustedKeys.length === 0 ? "none" : vkeys.length === 0 ? "keys-with-validity" : keys.length === 0 ? "vkeys-only" : "mixed";
  return { file, options: { ...(origin !== undefined ? { origin } : {}), ...(trustedKeys.length ? { trustedKeys } : {}) }, pinned };
}

function readKeysFile(path: string): LogPublicKey[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new UsageError(`bad --keys ${path}: ${(e as Error).message}`);
  }
  try {
    return pinnedKeysFromJson(json);
  } catch (e) {
    throw new UsageError(`bad --keys ${path}: ${(e as Error).message}`);
  }
}

export { verifyBundleFile, type VerifyFileTuning } from "./verify-file";

export function formatResult(r: BundleVerification): string {
  if (!r.ok) return `FAIL: ${r.failure.message} [${r.failure.code}]`;
  const keys = r.keysUsed.map((k) => `${k.name} (${k.keyId}, valid ${k.validFrom}..${k.validUntil ?? "open"})`).join(", ");
  return (
    `OK: ${r.entries} entries, seq ${r.range.from}..${r.range.to}, ${r.checkpoints} checkpoint${r.checkpoints === 1 ? "" : "s"} verified, ` +
    `keys: ${keys}\nlast checkpoint: ${r.origin} size ${r.lastCheckpoint.size} root ${r.lastCheckpoint.rootHash} at ${r.lastCheckpoint.timestamp}`
  );
}

export async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message}\n${USAGE}\n`);
    return 2;
  }
  let result: BundleVerification;
  try {
    result = await verifyBundleFile(args.file, args.options);
  } catch (e) {
    process.stderr.write(`error: cannot read ${args.file}: ${(e as Error).message}\n`);
    return 2;
  }
  process.stdout.write(formatResult(result) + "\n");
  if (args.pinned === "none") {
    process.stderr.write("note: no keys pinned; the bundle's own header keys were trusted. Pin the published keys with --keys <file> (the answer of GET /api/v1/log/keys).\n");
  } else if (args.pinned !== "keys-with-validity") {
    process.stderr.write("note: --key pins a key but not its validity; the bundle header said when each such key was valid. Pin validity with --keys <file>.\n");
  }
  return result.ok ? 0 : 1;
}

// Run only when executed directly (tsx lib/transfer-log/cli.ts ...), not when imported by tests.
const invokedAs = process.argv[1] ?? "";
if (/(^|[\\/])cli\.(ts|js|mjs)$/.test(invokedAs) && invokedAs.includes("transfer-log")) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
