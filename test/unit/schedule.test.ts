import { describe, expect, it } from "vitest";
import { dailyFiringTime } from "../../src/domain/schedule";

// 0 = Sunday … 6 = Saturday, as weekday() in src/domain/calendar.ts
const MONDAY = 1;
const SATURDAY = 6;
const SUNDAY = 0;

describe("dailyFiringTime: when a daily schedule fires on a day, for the start-up catch-up", () => {
  it("reads a fixed minute and hour on the days of the week named", () => {
    expect(dailyFiringTime("35 8 * * 1-5", MONDAY)).toBe("08:35");
    expect(dailyFiringTime("35 8 * * 1-5", SATURDAY)).toBeNull();
    expect(dailyFiringTime("5 14 * * *", SUNDAY)).toBe("14:05");
    expect(dailyFiringTime("0 9 * * 1,3,5", 3)).toBe("09:00");
    expect(dailyFiringTime("0 9 * * 1,3,5", 2)).toBeNull();
    expect(dailyFiringTime("0 9 * * 7", SUNDAY)).toBe("09:00"); // 7 is Sunday too
    expect(dailyFiringTime("0 9 * * 5-7", SUNDAY)).toBe("09:00");
    expect(dailyFiringTime("  0   7  *  *  2 ", 2)).toBe("07:00");
    expect(dailyFiringTime("30 35 8 * * 1-5", MONDAY)).toBe("08:35"); // a leading seconds field
  });

  it("gives no time for what it does not read: no catch-up rather than a wrong one", () => {
    for (const cron of [
      "*/15 8 * * 1-5",
      "35 8-9 * * *",
      "35 8,14 * * *",
      "35 8 1 * *",
      "35 8 * 3 *",
      "35 8 * * MON-FRI",
      "35 8 * * 5-1",
      "35 8 * * 1-8",
      "60 8 * * *",
      "35 24 * * *",
      "35 8 * *",
      "",
    ])
      expect(dailyFiringTime(cron, MONDAY), cron).toBeNull();
  });
});
