import { busyEn } from "./busy.en";
import { busyIt } from "./busy.it";

export type BusyMessages = typeof busyIt;

/** The busy-database messages in the configured language. */
export function busyMessages(locale: "it" | "en"): BusyMessages {
  return locale === "en" ? busyEn : busyIt;
}
