import { describe, expect, it } from "vitest";
import { busyEn } from "../../src/i18n/busy.en";
import { busyIt } from "../../src/i18n/busy.it";
import { configEn } from "../../src/i18n/config.en";
import { configIt } from "../../src/i18n/config.it";
import { demoEn } from "../../src/i18n/demo.en";
import { demoIt } from "../../src/i18n/demo.it";
import { en } from "../../src/i18n/en";
import { it as itMessages } from "../../src/i18n/it";
import { pecRecapEn } from "../../src/i18n/pec-recap.en";
import { pecRecapIt } from "../../src/i18n/pec-recap.it";
import { remindersEn } from "../../src/i18n/reminders.en";
import { remindersIt } from "../../src/i18n/reminders.it";

// Issue 18, point 4: a key missing in one language fails tsc (each English catalogue is typed `typeof` the
// Italian one). The maps cast to Record<string, string> (kinds, stages, outcomes...) escape that check: this
// test compares every pair's keys, all the way down, and what each message function takes.

function shape(value: unknown, path: string, out: string[]): string[] {
  if (typeof value === "function") out.push(`${path}(${value.length})`);
  else if (Array.isArray(value)) out.push(`${path}[${value.length}]`);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      shape(v, `${path}.${k}`, out);
  else out.push(path);
  return out;
}

const PAIRS: [string, unknown, unknown][] = [
  ["messages", itMessages, en],
  ["reminders", remindersIt, remindersEn],
  ["busy", busyIt, busyEn],
  ["config", configIt, configEn],
  ["demo", demoIt, demoEn],
  ["pec-recap", pecRecapIt, pecRecapEn],
];

describe("the catalogues", () => {
  it.each(PAIRS)("%s: the same keys and message arities in Italian and English", (_, italian, english) => {
    expect(shape(english, "", [])).toEqual(shape(italian, "", []));
  });
});
