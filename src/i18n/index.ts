import { en } from "./en";
import { it, type Messages } from "./it";

export type { Messages };
export type Locale = "it" | "en";

export function messages(locale: Locale): Messages {
  return locale === "en" ? en : it;
}
