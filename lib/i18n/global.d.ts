import type messages from "./messages/en.json";
import type { Locale } from "./config";

// Typed message keys: a key missing from en.json fails the typecheck.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
