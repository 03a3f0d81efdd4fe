import { demoEn } from "./demo.en";
import { demoIt } from "./demo.it";

export type DemoMessages = typeof demoIt;

/** The demo's own text in the given language. */
export function demoMessages(locale: "it" | "en"): DemoMessages {
  return locale === "en" ? demoEn : demoIt;
}
