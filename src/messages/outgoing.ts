// What leaves for Slack, as the outbox stores it. Pure types: services and builders describe a message, the
// Slack adapter (slack/outbox.ts) delivers it.

/**
 * What leaves for Slack. `respond` posts to a response_url (payload.url) instead of the Web API. `files.upload`
 * uploads payload.data (base64) as payload.filename/title into the channel (in the anchor's thread) through
 * files.getUploadURLExternal, a POST of the bytes and files.completeUploadExternal (with payload.initial_comment
 * when given).
 */
export type OutboxMethod =
  | "chat.postMessage"
  | "chat.update"
  | "chat.postEphemeral"
  | "respond"
  | "files.upload";

/** The message a row belongs to, resolved when it is sent (the parent may not exist yet when queued). */
export type Anchor = { caseId: number } | { tripId: number } | { digestDate: string } | { outboxKey: string };

export interface OutgoingMessage {
  method: OutboxMethod;
  /** channel id, user id (DM) or, for `respond`, any stable key */
  channel: string;
  payload: Record<string, unknown>;
  /** post in this anchor's thread; for chat.update: edit the anchor's message */
  anchor?: Anchor;
  /** recorded once sent, by the handler registered for `kind` (e.g. store a case's thread ts) */
  onSent?: { kind: string; [key: string]: unknown };
  /** a second message with the same key is not queued again */
  dedupeKey?: string;
}
