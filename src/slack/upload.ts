import type { WebClient } from "@slack/web-api";

/**
 * Uploads a file into a channel (in a thread when threadTs is given) the way Slack wants it now:
 * files.getUploadURLExternal, POST of the bytes to the upload URL, files.completeUploadExternal.
 * Returns the file id. Throws on any failure (the caller tells the user).
 */
export async function uploadFile(
  client: WebClient,
  file: {
    channel: string;
    threadTs?: string;
    filename: string;
    title: string;
    bytes: Buffer;
    comment?: string;
  },
  fetchFn: typeof fetch = fetch,
): Promise<string> {
  const target = await client.files.getUploadURLExternal({
    filename: file.filename,
    length: file.bytes.length,
  });
  if (!target.upload_url || !target.file_id) throw new Error("files.getUploadURLExternal: no upload_url");
  const res = await fetchFn(target.upload_url, {
    method: "POST",
    headers: { "content-type": "application/octet-stream" },
    body: new Uint8Array(file.bytes),
  });
  if (!res.ok) throw new Error(`upload to Slack answered ${res.status}`);
  await client.files.completeUploadExternal({
    files: [{ id: target.file_id, title: file.title }],
    channel_id: file.channel,
    ...(file.threadTs ? { thread_ts: file.threadTs } : {}),
    ...(file.comment ? { initial_comment: file.comment } : {}),
  });
  return target.file_id;
}
