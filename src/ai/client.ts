import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { type ZodType, z } from "zod";
import type { AppContext } from "../context";
import { projectPath } from "../project-path";

/** prompts/ at the repository root, versioned with the code. */
const PROMPTS_DIR = pathToFileURL(projectPath("prompts/"));

const promptCache = new Map<string, string>();

/** The text of prompts/<name> (".md" added when missing); cached after the first read. */
export async function loadPrompt(name: string): Promise<string> {
  const file = name.endsWith(".md") ? name : `${name}.md`;
  if (!/^[a-z0-9][a-z0-9._-]*\.md$/i.test(file)) throw new Error(`invalid prompt name: ${name}`);
  const cached = promptCache.get(file);
  if (cached !== undefined) return cached;
  const text = await readFile(new URL(file, PROMPTS_DIR), "utf8");
  promptCache.set(file, text);
  return text;
}

/**
 * Asks the model for a JSON object matching `schema`: the prompt file is the system message, `input`
 * goes as JSON in the user message. Returns null (and logs why) when no API key is configured, on any
 * error, on timeout (config.openai.timeoutMs, no retries) or when the answer is not valid JSON matching
 * the schema: callers then use their deterministic fallback.
 */
export async function generateStructured<T>(
  ctx: Pick<AppContext, "config" | "log">,
  req: { prompt: string; input: unknown; schema: ZodType<T> },
): Promise<T | null> {
  const { apiKey, baseUrl, model, timeoutMs } = ctx.config.openai;
  if (!apiKey) return null;
  try {
    const system = await loadPrompt(req.prompt);
    const { default: OpenAI } = await import("openai"); // loaded on first use, not at start-up
    const client = new OpenAI({ apiKey, baseURL: baseUrl, timeout: timeoutMs, maxRetries: 0 });
    let jsonSchema: Record<string, unknown> | undefined;
    try {
      jsonSchema = z.toJSONSchema(req.schema) as Record<string, unknown>;
    } catch {
      jsonSchema = undefined;
    }
    const completion = await client.chat.completions.create(
      {
        model,
        temperature: 0.2,
        messages: [
          { role: "system", content: system },
          { role: "user", content: JSON.stringify(req.input) },
        ],
        response_format: jsonSchema
          ? { type: "json_schema", json_schema: { name: "answer", schema: jsonSchema, strict: false } }
          : { type: "json_object" },
      },
      { signal: AbortSignal.timeout(timeoutMs) },
    );
    const content = completion.choices[0]?.message?.content;
    if (!content) {
      ctx.log.warn(`ai: ${req.prompt}: empty answer`);
      return null;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(stripFences(content));
    } catch {
      ctx.log.warn(`ai: ${req.prompt}: answer is not JSON`);
      return null;
    }
    const result = req.schema.safeParse(parsed);
    if (!result.success) {
      ctx.log.warn(`ai: ${req.prompt}: answer does not match the schema: ${result.error.message}`);
      return null;
    }
    return result.data;
  } catch (err) {
    ctx.log.warn(`ai: ${req.prompt} failed: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

/** Some models wrap JSON in ```json fences even when asked not to. */
function stripFences(s: string): string {
  const m = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/.exec(s);
  return m ? (m[1] ?? s) : s;
}
