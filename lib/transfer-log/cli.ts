/**
 * Offline verifier for transfer-log bundles. No network, no database.
 *
 *   tsx lib/transfer-log/cli.ts [--origin <origin>] [--key <vkey>]... <bundle.jsonl>
 *
 * Exit codes: 0 verified, 1 verification failed, 2 usage or I/O error.
 * --key pins the log's public key(s) (C2SP vkey strings, published out of
 * band); without it the keys in the bundle header are trusted as given.
 */
import { parseVerifierKey } from "./keys";
import { verifyBundleFile } from "./verify-file";
import type { BundleVerification, VerifyBundleOptions } from "./verify-bundle";

const USAGE = "usage: tsx lib/transfer-log/cli.ts [--origin <origin>] [--key <vkey>]... <bundle.jsonl>";

class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): { file: string; options: VerifyBundleOptions } {
  const keys: string[] = [];
  let origin: string | undefined;
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--key" || a === "--origin") {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${a} needs a value`);
      if (a === "--origin") origin = value;
      else {
        try {
          parseVerifierKey(value);
        } catch (e) {
          throw new UsageError(`bad --key: ${(e as Error).message}`);
        }
        keys.push(value);
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
  return { file, options: { ...(origin !== undefined ? { origin } : {}), ...(keys.length ? { trustedKeys: keys } : {}) } };
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
