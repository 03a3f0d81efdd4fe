import { demoMessages } from "../i18n/demo";
import type { RecordedCall } from "../standin/fake-slack";

type Frames = ReturnType<typeof demoMessages>["frame"];

/**
 * Renders recorded Slack calls as readable terminal text, roughly as the team sees them: messages with
 * their blocks, thread replies indented, ephemeral replies marked, modals and App Home framed.
 */
export function renderCalls(
  calls: readonly RecordedCall[],
  names: ReadonlyMap<string, string>,
  locale: "it" | "en" = "it",
): string {
  const f = demoMessages(locale).frame;
  const out: string[] = [];
  // a message edited several times in a row is shown once, as it ends up
  const lastUpdate = new Map<string, number>();
  calls.forEach((c, i) => {
    if (c.method === "chat.update") lastUpdate.set(`${c.args.channel}:${c.args.ts}`, i);
  });
  for (const [i, call] of calls.entries()) {
    const a = call.args;
    if (call.method === "chat.update" && lastUpdate.get(`${a.channel}:${a.ts}`) !== i) continue;
    switch (call.method) {
      case "chat.postMessage": {
        const where =
          String(a.channel).startsWith("U") || String(a.channel).startsWith("D")
            ? f.dm(names.get(String(a.channel)) ?? String(a.channel))
            : `#${a.channel}`;
        out.push(
          frame(
            a.thread_ts ? f.inThread(where) : `💬 ${where}`,
            renderMessage(a, names, f),
            a.thread_ts ? "    " : "",
          ),
        );
        break;
      }
      case "chat.update":
        out.push(frame(f.updated(String(a.channel)), renderMessage(a, names, f), a.thread_ts ? "    " : ""));
        break;
      case "chat.postEphemeral":
        out.push(frame(f.onlyFor(names.get(String(a.user)) ?? String(a.user)), renderMessage(a, names, f)));
        break;
      case "response_url":
        out.push(frame(f.onlyYou, renderMessage(a, names, f)));
        break;
      case "views.open":
      case "views.update":
      case "views.push": {
        const view = a.view as { title?: { text: string }; blocks?: unknown[] };
        out.push(frame(f.modal(view.title?.text ?? ""), renderBlocks(view.blocks ?? [], names, f)));
        break;
      }
      case "views.publish":
        out.push(
          frame(
            f.home(names.get(String(a.user_id)) ?? String(a.user_id)),
            renderBlocks((a.view as { blocks?: unknown[] }).blocks ?? [], names, f),
          ),
        );
        break;
      case "files.completeUploadExternal":
        out.push(frame(f.file, [`${JSON.stringify(a.files)}`]));
        break;
      default:
        break;
    }
  }
  return out.join("\n");
}

function frame(title: string, lines: string[], indent = ""): string {
  return [`${indent}┌ ${title}`, ...lines.map((l) => `${indent}│ ${l}`), `${indent}└`].join("\n");
}

function renderMessage(
  args: Record<string, unknown>,
  names: ReadonlyMap<string, string>,
  f: Frames,
): string[] {
  const blocks = args.blocks as unknown[] | undefined;
  if (blocks?.length) return renderBlocks(blocks, names, f);
  // a person's own message (the demo records them with their name)
  const who = typeof args.username === "string" && args.user ? `${args.username}: ` : "";
  return mrkdwn(`${who}${String(args.text ?? "")}`, names).split("\n");
}

type Text = { type?: string; text?: string };
type AnyBlock = {
  type: string;
  text?: Text;
  fields?: Text[];
  elements?: ({ type: string; text?: Text | string; options?: { text: Text }[] } & Text)[];
  accessory?: { type: string; text?: Text; options?: { text: Text }[] };
  label?: Text;
  element?: {
    type: string;
    placeholder?: Text;
    initial_value?: string;
    initial_date?: string;
    initial_option?: { text: Text };
  };
  hint?: Text;
  optional?: boolean;
};

export function renderBlocks(
  blocks: readonly unknown[],
  names: ReadonlyMap<string, string>,
  f: Frames = demoMessages("it").frame,
): string[] {
  const out: string[] = [];
  const md = (t?: Text) => mrkdwn(t?.text ?? "", names);
  for (const raw of blocks) {
    const b = raw as AnyBlock;
    switch (b.type) {
      case "header":
        out.push(`▌${md(b.text).toUpperCase()}`);
        break;
      case "section": {
        if (b.text) out.push(...md(b.text).split("\n"));
        if (b.fields) {
          // a field is "*Label*\nvalue" and a value may run over several lines: "Label: value · value"
          const cells = b.fields.map((f) => {
            const [label, ...lines] = md(f).split("\n");
            return lines.length > 0 ? `${label}: ${lines.join(" · ")}` : (label ?? "");
          });
          for (let i = 0; i < cells.length; i += 2) out.push(cells.slice(i, i + 2).join("   ·   "));
        }
        if (b.accessory?.type === "button") out.push(`  [${md(b.accessory.text)}]`);
        if (b.accessory?.type === "overflow") {
          out[out.length - 1] =
            `${out[out.length - 1]}   ⋯ ${b.accessory.options?.map((o) => md(o.text)).join(" | ")}`;
        }
        break;
      }
      case "context":
        out.push(...`  ${(b.elements ?? []).map((e) => contextText(e.text, names)).join("  ")}`.split("\n"));
        break;
      case "divider":
        out.push("─".repeat(40));
        break;
      case "actions":
        out.push(
          (b.elements ?? [])
            .map((e) =>
              e.type === "button" ? `[${md(e.text as Text)}]` : `[${e.type.replace(/_/g, " ")} ▾]`,
            )
            .join(" "),
        );
        break;
      case "input": {
        const el = b.element;
        const value =
          el?.initial_value ?? el?.initial_date ?? (el?.initial_option ? md(el.initial_option.text) : "");
        out.push(`${md(b.label)}${b.optional ? f.optional : ""}: [${value || md(el?.placeholder) || "…"}]`);
        break;
      }
      case "image":
        out.push(f.image);
        break;
      default:
        break;
    }
  }
  return out;
}

function contextText(text: Text | string | undefined, names: ReadonlyMap<string, string>): string {
  return mrkdwn(typeof text === "string" ? text : (text?.text ?? ""), names);
}

/** Slack mrkdwn to plain text: mentions to names, links to their labels, entities back to characters. */
export function mrkdwn(text: string, names: ReadonlyMap<string, string>): string {
  return text
    .replace(/<@([A-Z0-9]+)(\|[^>]*)?>/g, (_, id: string) => `@${names.get(id) ?? id}`)
    .replace(/<#([A-Z0-9]+)(\|([^>]*))?>/g, (_, id: string, __, label?: string) => `#${label ?? id}`)
    .replace(/<!(\w+)>/g, "@$1")
    .replace(/<([^|>]+)\|([^>]+)>/g, "$2")
    .replace(/<([^>]+)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
