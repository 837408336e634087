import fs from "node:fs/promises";
import path from "node:path";
import type { ActFonts } from "./pdf";

let cached: Promise<ActFonts> | null = null;

/** DejaVu Sans (regular and bold): it has the Kazakh and Russian letters the act needs. Read once. */
export function loadActFonts(): Promise<ActFonts> {
  cached ??= readActFonts(path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf"));
  return cached;
}

export async function readActFonts(dir: string): Promise<ActFonts> {
  const [regular, bold] = await Promise.all([fs.readFile(path.join(dir, "DejaVuSans.ttf")), fs.readFile(path.join(dir, "DejaVuSans-Bold.ttf"))]);
  return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
}
