import type { WebClient } from "@slack/web-api";
import type { FetchSharedFile, SharedFileRef as SharedFile } from "../services/imports/import-from-dm";

/** The largest file Credito downloads from Slack to import. */
export const MAX_SHARED_FILE_BYTES = 50 * 1024 * 1024;

/**
 * The Web API side of importing a file shared with Credito: files.info when the event carries only the id,
 * then the download of url_private with the bot token. The import service receives this function.
 */
export function sharedFileFetcher(
  client: WebClient,
  botToken: string,
  fetchFn: typeof fetch = fetch,
): FetchSharedFile {
  return async (f) => {
    const full = f.url_private ? f : await fileInfo(client, f.id);
    const name = full?.name ?? f.id;
    if ((full?.size ?? 0) > MAX_SHARED_FILE_BYTES) return { ok: false, name, error: "too_large" };
    const bytes = full ? await download(full, botToken, fetchFn) : null;
    return bytes ? { ok: true, name, bytes } : { ok: false, name, error: "download_failed" };
  };
}

async function fileInfo(client: WebClient, id: string): Promise<SharedFile | null> {
  try {
    const res = await client.files.info({ file: id });
    return (res.file as SharedFile | undefined) ?? null;
  } catch {
    return null;
  }
}

/** url_private needs the bot token; without files:read Slack answers with an HTML login page. */
async function download(file: SharedFile, token: string, fetchFn: typeof fetch): Promise<Uint8Array | null> {
  const url = file.url_private_download ?? file.url_private;
  if (!url) return null;
  try {
    const res = await fetchFn(url, { headers: { authorization: `Bearer ${token}` }, redirect: "follow" });
    if (!res.ok || (res.headers.get("content-type") ?? "").startsWith("text/html")) return null;
    const bytes = new Uint8Array(await res.arrayBuffer());
    return bytes.length > MAX_SHARED_FILE_BYTES ? null : bytes;
  } catch {
    return null;
  }
}
