import type { Locale } from "./index";
import { remindersEn } from "./reminders.en";
import { remindersIt } from "./reminders.it";

export type ReminderMessages = typeof remindersIt;

export function reminderMessages(locale: Locale): ReminderMessages {
  return locale === "en" ? remindersEn : remindersIt;
}
