/**
 * Escapes user text for Slack mrkdwn: with &, < and > escaped nobody can inject a mention
 * (<!channel>, <@U123>) or a link through a note; the text is shown as typed.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Lower case, accents removed, spaces collapsed: "Caffè  Né" -> "caffe ne". For search keys. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Cuts text to `max` characters with an ellipsis (Slack rejects over-long fields). */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
