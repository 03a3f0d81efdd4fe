// When a once-a-day schedule fires: what a job needs to catch up at start-up on a firing it missed while the
// bot was down. Pure: the day of the week comes in, nothing reads a clock.

/**
 * The time ("HH:MM") at which a daily cron expression fires on a day of the week (0 = Sunday … 6 = Saturday),
 * or null when it does not fire that day, or is not of that simple kind: a fixed minute and hour (an optional
 * leading seconds field is ignored), any day of the month, any month, and `*`, a day, a range (`1-5`) or a
 * list of them (`1,3,5`) as the days of the week (7 is Sunday too). Anything else (`*\/15`, `MON-FRI`, a
 * day of the month) gets no catch-up: only the schedule itself fires it.
 */
export function dailyFiringTime(cron: string, dayOfWeek: number): string | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length < 5 || fields.length > 6) return null;
  const [minute, hour, dayOfMonth, month, weekdays] = fields.length === 6 ? fields.slice(1) : fields;
  if (!/^\d{1,2}$/.test(minute ?? "") || !/^\d{1,2}$/.test(hour ?? "")) return null;
  if (Number(minute) > 59 || Number(hour) > 23) return null;
  if (dayOfMonth !== "*" || month !== "*") return null;
  const days = weekdaysOf(weekdays ?? "");
  if (!days?.has(dayOfWeek)) return null;
  return `${hour!.padStart(2, "0")}:${minute!.padStart(2, "0")}`;
}

/** The days a day-of-week field names (Sunday as 0), or null for a form this reading doesn't take. */
function weekdaysOf(field: string): Set<number> | null {
  if (field === "*") return new Set([0, 1, 2, 3, 4, 5, 6]);
  const days = new Set<number>();
  for (const part of field.split(",")) {
    const m = /^(\d)(?:-(\d))?$/.exec(part);
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from > 7 || to > 7 || to < from) return null;
    for (let d = from; d <= to; d++) days.add(d % 7);
  }
  return days;
}
