/** mrkdwn section blocks of at most ~2900 characters each (Slack's section limit is 3000), 45 blocks at most. */
export function mrkdwnSections(lines: readonly string[]): Array<Record<string, unknown>> {
  const blocks: Array<Record<string, unknown>> = [];
  let current = "";
  for (const line of lines) {
    const piece = line.length > 2900 ? `${line.slice(0, 2899)}…` : line;
    if (current.length + piece.length + 1 > 2900) {
      blocks.push({ type: "section", text: { type: "mrkdwn", text: current } });
      current = "";
    }
    current = current ? `${current}\n${piece}` : piece;
  }
  if (current) blocks.push({ type: "section", text: { type: "mrkdwn", text: current } });
  return blocks.slice(0, 45);
}

/** The summary of an import posted in a DM: header and lines as sections, `plain` (at most 3900 characters) as the fallback. */
export function importResultMessage(
  header: string,
  lines: readonly string[],
  plain: string,
): { text: string; blocks: Array<Record<string, unknown>> } {
  return {
    text: plain.length > 3900 ? `${plain.slice(0, 3899)}…` : plain,
    blocks: mrkdwnSections([header, ...lines]),
  };
}
