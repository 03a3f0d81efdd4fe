import type { CadenceChannel, CadenceTone } from "../domain/cadence";
import type { TaskAction, TaskActionCode, TaskReason, TaskReasonCode } from "../domain/task-text";
import type { Locale } from "./index";
import { tasksEn } from "./tasks.en";
import { tasksIt } from "./tasks.it";

type ReasonOf<C extends TaskReasonCode> = Extract<TaskReason, { code: C }>;
type ActionOf<C extends TaskActionCode> = Extract<TaskAction, { code: C }>;

/**
 * The words of the digest's tasks: one renderer per reason and action code, so a code added to
 * src/domain/task-text.ts without its sentence in both languages fails type checking. "since" gets the
 * reason already rendered; the cadence step's name comes from its channel and tone.
 */
export interface TaskCatalogue {
  reason: { [C in Exclude<TaskReasonCode, "since">]: (r: ReasonOf<C>) => string };
  since: (reason: string, since: string) => string;
  action: { [C in TaskActionCode]: (a: ActionOf<C>) => string };
  cadenceStep: (channel: CadenceChannel, tone: CadenceTone) => string;
}

export function taskCatalogue(locale: Locale): TaskCatalogue {
  return locale === "en" ? tasksEn : tasksIt;
}

/** A task's reason in the reader's locale (plain text: escape it for mrkdwn where it goes). */
export function renderReason(reason: TaskReason, locale: Locale): string {
  const c = taskCatalogue(locale);
  if (reason.code === "since") return c.since(renderReason(reason.reason, locale), reason.since);
  const render = c.reason[reason.code] as (r: TaskReason) => string;
  return render(reason);
}

/** A task's action in the reader's locale (plain text). */
export function renderAction(action: TaskAction, locale: Locale): string {
  const render = taskCatalogue(locale).action[action.code] as (a: TaskAction) => string;
  return render(action);
}
