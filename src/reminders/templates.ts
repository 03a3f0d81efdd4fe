import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { PLACEHOLDERS, type Placeholder, REMINDER_STEPS, type ReminderStep } from "../domain/reminder";
import { configIt } from "../i18n/config.it";
import { projectPath } from "../project-path";

/**
 * Reminder templates are plain-text files a company edits: templates/reminders/<step>.<locale>.md, the first
 * line "Oggetto: ..." (or "Subject: ..."), then a blank line, then the body. {{placeholder}} is replaced by
 * its value in one pass: a value is never read as a template itself, and nothing in a file is executed
 * (a template library would add loops and helpers nobody here needs, and code in files people edit).
 */
export const DEFAULT_TEMPLATES_DIR = projectPath("templates", "reminders");

export interface ReminderTemplate {
  file: string;
  subject: string;
  body: string;
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const SUBJECT = /^(Oggetto|Subject):\s*(.+)$/;

export function templatePath(dir: string, step: ReminderStep, locale: "it" | "en"): string {
  return join(dir, `${step}.${locale}.md`);
}

type TemplateProblems = typeof configIt.templates;

/** Parses a template's text; problems say the file and the line ("courtesy.it.md:7: ..."), in `say`'s language. */
export function parseTemplate(
  text: string,
  file: string,
  say: TemplateProblems = configIt.templates,
): ReminderTemplate | { problems: string[] } {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const problems: string[] = [];
  const subject = SUBJECT.exec(lines[0] ?? "");
  if (!subject) problems.push(say.noSubject(file));
  if ((lines[1] ?? "").trim() !== "") problems.push(say.noBlankLine(file));
  lines.forEach((line, i) => {
    for (const m of line.matchAll(PLACEHOLDER)) {
      if (!(m[1]! in PLACEHOLDERS)) problems.push(say.unknownPlaceholder(`${file}:${i + 1}`, m[1]!));
    }
    const opens = line.split("{{").length - 1;
    const closes = line.split("}}").length - 1;
    if (opens !== closes) problems.push(say.unbalanced(`${file}:${i + 1}`));
  });
  const body = lines.slice(2).join("\n").trim();
  if (!body) problems.push(say.emptyBody(file));
  if (problems.length > 0 || !subject) return { problems };
  return { file, subject: subject[2]!.trim(), body };
}

export function loadTemplate(dir: string, step: ReminderStep, locale: "it" | "en"): ReminderTemplate {
  const path = templatePath(dir, step, locale);
  const parsed = parseTemplate(readFileSync(path, "utf8"), path);
  if ("problems" in parsed) throw new Error(parsed.problems.join("\n"));
  return parsed;
}

/** Every template of every step and locale, checked at start-up: one line per problem, naming file and line. */
export function checkReminderTemplates(dir: string, say: TemplateProblems = configIt.templates): string[] {
  const problems: string[] = [];
  for (const step of REMINDER_STEPS) {
    for (const locale of ["it", "en"] as const) {
      const path = templatePath(dir, step, locale);
      const shown = relative(process.cwd(), path) || path;
      let text: string;
      try {
        text = readFileSync(path, "utf8");
      } catch {
        problems.push(`CREDITO_TEMPLATES_DIR: ${say.missing(shown)}`);
        continue;
      }
      const parsed = parseTemplate(text, shown, say);
      if ("problems" in parsed) problems.push(...parsed.problems.map((p) => `CREDITO_TEMPLATES_DIR: ${p}`));
    }
  }
  return problems;
}

// Control characters other than newlines and tabs have no place in a letter.
// biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * Fills the placeholders (one pass, values inserted as text). A line whose placeholders are all empty is
 * left out (no bare "P. IVA" for a customer without one). A value ending in a full stop followed by the
 * template's own full stop ("S.r.l." then ".") keeps one: no "S.r.l..".
 */
export function fillTemplate(text: string, values: Record<Placeholder, string>): string {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    let filled = "";
    let last = 0;
    let used = 0;
    let empty = 0;
    for (const m of line.matchAll(PLACEHOLDER)) {
      const index = m.index ?? 0;
      filled += line.slice(last, index);
      const value = (values[m[1] as Placeholder] ?? "").replace(CONTROL, "");
      used++;
      if (value.trim() === "") empty++;
      filled += value;
      last = index + m[0].length;
      if (value.endsWith(".") && line[last] === ".") last += 1;
    }
    if (used > 0 && empty === used) continue;
    out.push(filled + line.slice(last));
  }
  return out.join("\n");
}

export function renderTemplate(
  t: ReminderTemplate,
  values: Record<Placeholder, string>,
): { subject: string; body: string } {
  return {
    subject: fillTemplate(t.subject, values).replace(/\s+/g, " ").trim(),
    body: fillTemplate(t.body, values),
  };
}
