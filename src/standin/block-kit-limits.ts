// Block Kit limits as Slack enforces them (issue 13, point 13), so the stand-in refuses what Slack refuses.
// Sources: Slack's Block Kit reference (block and element pages) and the limits listed in ARCHITECTURE.md.
// Each problem is reported as Slack does: a message and a JSON pointer to the offending field.

export type Surface = "message" | "modal" | "home";

export interface BlockKitProblem {
  pointer: string;
  message: string;
}

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  viewTitle: 24,
  viewButton: 24,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  id: 255,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  contextElements: 10,
  actionsElements: 25,
  inputLabel: 2000,
  placeholder: 150,
  privateMetadata: 3000,
  callbackId: 255,
  messageText: 40000,
  imageAltText: 2000,
} as const;

const BLOCK_TYPES: Record<Surface, ReadonlySet<string>> = {
  message: new Set([
    "section",
    "divider",
    "header",
    "context",
    "actions",
    "image",
    "rich_text",
    "video",
    "file",
  ]),
  modal: new Set([
    "section",
    "divider",
    "header",
    "context",
    "actions",
    "image",
    "rich_text",
    "video",
    "input",
  ]),
  home: new Set([
    "section",
    "divider",
    "header",
    "context",
    "actions",
    "image",
    "rich_text",
    "video",
    "input",
  ]),
};

const SELECTS = new Set([
  "static_select",
  "multi_static_select",
  "external_select",
  "multi_external_select",
  "users_select",
  "multi_users_select",
  "conversations_select",
  "multi_conversations_select",
  "channels_select",
  "multi_channels_select",
]);

const INPUT_ELEMENTS = new Set([
  ...SELECTS,
  "plain_text_input",
  "datepicker",
  "timepicker",
  "datetimepicker",
  "checkboxes",
  "radio_buttons",
  "number_input",
  "email_text_input",
  "url_text_input",
  "rich_text_input",
  "file_input",
]);

type Obj = Record<string, unknown>;

class Checker {
  readonly problems: BlockKitProblem[] = [];

  fail(pointer: string, message: string): void {
    this.problems.push({ pointer, message });
  }

  maxLength(value: unknown, max: number, pointer: string): void {
    if (typeof value === "string" && value.length > max)
      this.fail(pointer, `must be less than ${max + 1} characters`);
  }

  /** A text object; `plain` when Slack accepts only plain_text there. */
  text(t: unknown, pointer: string, max: number, plain: boolean) {
    if (!isObj(t)) return this.fail(pointer, "must provide an object");
    if (t.type !== "plain_text" && t.type !== "mrkdwn")
      return this.fail(`${pointer}/type`, "must be a valid enum value");
    if (plain && t.type !== "plain_text") this.fail(`${pointer}/type`, "must be plain_text");
    if (typeof t.text !== "string" || t.text.length === 0)
      return this.fail(`${pointer}/text`, "must be more than 0 characters");
    this.maxLength(t.text, max, `${pointer}/text`);
  }

  id(value: unknown, pointer: string): void {
    this.maxLength(value, LIMITS.id, pointer);
  }

  /** An option; in selects and overflow menus its text must be plain_text (checkboxes and radios take mrkdwn). */
  option(o: unknown, pointer: string, plain = true) {
    if (!isObj(o)) return this.fail(pointer, "must provide an object");
    this.text(o.text, `${pointer}/text`, LIMITS.optionText, plain);
    this.maxLength(o.value, LIMITS.optionValue, `${pointer}/value`);
  }

  element(e: unknown, pointer: string, actionIds: Set<string>) {
    if (!isObj(e)) return this.fail(pointer, "must provide an object");
    if (typeof e.action_id === "string") {
      this.id(e.action_id, `${pointer}/action_id`);
      if (actionIds.has(e.action_id))
        this.fail(`${pointer}/action_id`, "action_id must be unique within a block");
      actionIds.add(e.action_id);
    }
    const type = String(e.type ?? "");
    if (type === "button") {
      this.text(e.text, `${pointer}/text`, LIMITS.buttonText, true);
      this.maxLength(e.value, LIMITS.buttonValue, `${pointer}/value`);
      this.maxLength(e.url, LIMITS.url, `${pointer}/url`);
    } else if (type === "overflow") {
      const options = Array.isArray(e.options) ? e.options : [];
      if (options.length < 1 || options.length > 5)
        this.fail(`${pointer}/options`, "must provide 1 to 5 items");
      for (const [i, o] of options.entries()) this.option(o, `${pointer}/options/${i}`);
    } else if (SELECTS.has(type)) {
      if (e.placeholder !== undefined)
        this.text(e.placeholder, `${pointer}/placeholder`, LIMITS.placeholder, true);
      if (type === "static_select" || type === "multi_static_select") {
        const groups = Array.isArray(e.option_groups) ? e.option_groups : null;
        const options = Array.isArray(e.options) ? e.options : [];
        const total = groups
          ? groups.reduce(
              (n: number, g) => n + (isObj(g) && Array.isArray(g.options) ? g.options.length : 0),
              0,
            )
          : options.length;
        if (!groups && options.length === 0) this.fail(`${pointer}/options`, "must provide at least 1 item");
        if (total > LIMITS.selectOptions)
          this.fail(`${pointer}/options`, `must provide no more than ${LIMITS.selectOptions} items`);
        for (const [i, o] of options.entries()) this.option(o, `${pointer}/options/${i}`);
      }
    } else if (type === "plain_text_input") {
      if (e.placeholder !== undefined)
        this.text(e.placeholder, `${pointer}/placeholder`, LIMITS.placeholder, true);
    } else if (type === "checkboxes" || type === "radio_buttons") {
      const options = Array.isArray(e.options) ? e.options : [];
      if (options.length < 1 || options.length > 10)
        this.fail(`${pointer}/options`, "must provide 1 to 10 items");
      for (const [i, o] of options.entries()) this.option(o, `${pointer}/options/${i}`, false);
    } else if (type === "image") {
      this.maxLength(e.alt_text, LIMITS.imageAltText, `${pointer}/alt_text`);
    } else if (!INPUT_ELEMENTS.has(type) && type !== "datepicker") {
      if (type !== "workflow_button") this.fail(`${pointer}/type`, "must be a valid enum value");
    }
  }

  block(b: unknown, pointer: string, surface: Surface, blockIds: Set<string>) {
    if (!isObj(b)) return this.fail(pointer, "must provide an object");
    const type = String(b.type ?? "");
    if (!BLOCK_TYPES[surface].has(type)) {
      return this.fail(
        `${pointer}/type`,
        type === "input"
          ? "input blocks are only allowed in modals and App Home"
          : "must be a valid enum value",
      );
    }
    if (b.block_id !== undefined) {
      this.id(b.block_id, `${pointer}/block_id`);
      if (typeof b.block_id === "string") {
        if (blockIds.has(b.block_id)) this.fail(`${pointer}/block_id`, "block_id must be unique");
        blockIds.add(b.block_id);
      }
    }
    const actionIds = new Set<string>();
    switch (type) {
      case "section": {
        if (b.text === undefined && b.fields === undefined)
          this.fail(pointer, "must provide either text or fields");
        if (b.text !== undefined) this.text(b.text, `${pointer}/text`, LIMITS.sectionText, false);
        if (b.fields !== undefined) {
          const fields = Array.isArray(b.fields) ? b.fields : [];
          if (fields.length > LIMITS.sectionFields)
            this.fail(`${pointer}/fields`, `must provide no more than ${LIMITS.sectionFields} items`);
          for (const [i, f] of fields.entries())
            this.text(f, `${pointer}/fields/${i}`, LIMITS.fieldText, false);
        }
        if (b.accessory !== undefined) this.element(b.accessory, `${pointer}/accessory`, actionIds);
        return;
      }
      case "header":
        return this.text(b.text, `${pointer}/text`, LIMITS.headerText, true);
      case "context": {
        const elements = Array.isArray(b.elements) ? b.elements : [];
        if (elements.length < 1 || elements.length > LIMITS.contextElements)
          this.fail(`${pointer}/elements`, `must provide 1 to ${LIMITS.contextElements} items`);
        elements.forEach((e, i) => {
          if (isObj(e) && e.type === "image")
            this.maxLength(e.alt_text, LIMITS.imageAltText, `${pointer}/elements/${i}`);
          else this.text(e, `${pointer}/elements/${i}`, LIMITS.sectionText, false);
        });
        return;
      }
      case "actions": {
        const elements = Array.isArray(b.elements) ? b.elements : [];
        if (elements.length < 1 || elements.length > LIMITS.actionsElements)
          this.fail(`${pointer}/elements`, `must provide 1 to ${LIMITS.actionsElements} items`);
        for (const [i, e] of elements.entries()) this.element(e, `${pointer}/elements/${i}`, actionIds);
        return;
      }
      case "input": {
        this.text(b.label, `${pointer}/label`, LIMITS.inputLabel, true);
        if (b.hint !== undefined) this.text(b.hint, `${pointer}/hint`, LIMITS.inputLabel, true);
        if (!isObj(b.element) || !INPUT_ELEMENTS.has(String(b.element.type)))
          this.fail(`${pointer}/element`, "must be a valid input element");
        else this.element(b.element, `${pointer}/element`, actionIds);
        return;
      }
      default:
        return;
    }
  }

  blocks(blocks: unknown, pointer: string, surface: Surface) {
    if (blocks === undefined) return;
    if (!Array.isArray(blocks)) return this.fail(pointer, "must provide an array");
    const max = surface === "message" ? LIMITS.messageBlocks : LIMITS.viewBlocks;
    if (blocks.length > max) this.fail(pointer, `must provide no more than ${max} items`);
    const ids = new Set<string>();
    for (const [i, b] of blocks.entries()) this.block(b, `${pointer}/${i}`, surface, ids);
  }
}

/** Problems of a message's blocks (chat.postMessage, chat.update, chat.postEphemeral, response_url). */
export function messageProblems(args: { text?: unknown; blocks?: unknown }): BlockKitProblem[] {
  const c = new Checker();
  c.blocks(args.blocks, "/blocks", "message");
  return c.problems;
}

/** Problems of a view (views.open, views.push, views.update, views.publish). */
export function viewProblems(view: unknown): BlockKitProblem[] {
  const c = new Checker();
  if (!isObj(view)) {
    c.fail("/view", "must provide an object");
    return c.problems;
  }
  const type = view.type;
  if (type !== "modal" && type !== "home") {
    c.fail("/view/type", "must be a valid enum value");
    return c.problems;
  }
  if (type === "modal") {
    c.text(view.title, "/view/title", LIMITS.viewTitle, true);
    if (view.submit !== undefined) c.text(view.submit, "/view/submit", LIMITS.viewButton, true);
    if (view.close !== undefined) c.text(view.close, "/view/close", LIMITS.viewButton, true);
    const blocks = Array.isArray(view.blocks) ? view.blocks : [];
    if (view.submit === undefined && blocks.some((b) => isObj(b) && b.type === "input"))
      c.fail("/view/submit", "a view with input blocks must provide submit");
  }
  c.maxLength(view.private_metadata, LIMITS.privateMetadata, "/view/private_metadata");
  c.maxLength(view.callback_id, LIMITS.callbackId, "/view/callback_id");
  c.blocks(view.blocks, "/view/blocks", type);
  return c.problems;
}

/** Slack's wording for a list of problems: "must be less than 3001 characters [json-pointer:/blocks/0/text/text]". */
export function describeProblems(problems: readonly BlockKitProblem[]): string[] {
  return problems.map((p) => `${p.message} [json-pointer:${p.pointer}]`);
}

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
