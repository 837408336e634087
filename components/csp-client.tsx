"use client";
import { setNonce } from "get-nonce";
import { z } from "zod";

/**
 * What the browser side needs to live under the page's CSP (lib/security-headers.ts), set up when
 * the root layout's client code loads, before any dialog opens or form validates:
 *
 * - Radix's scroll lock (react-remove-scroll, when a dialog or menu opens) inserts a `<style>`
 *   element and asks get-nonce for the nonce to put on it. The nonce is taken from a script Next.js
 *   rendered with it: browsers hide it from the attribute but keep it in the `nonce` property.
 * - zod 4 compiles object parsers with `new Function` after probing whether eval is allowed; the
 *   probe alone is a CSP violation. jitless parses the same, without eval.
 */
if (typeof document !== "undefined") {
  const nonce = document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce;
  if (nonce) setNonce(nonce);
  z.config({ jitless: true });
}

export function CspClient() {
  return null;
}
