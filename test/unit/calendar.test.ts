import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  addDays,
  dateInZone,
  daysBetween,
  easterSunday,
  endOfMonth,
  formatDateCompact,
  formatDateLong,
  formatDateShort,
  isBusinessDay,
  isIsoDate,
  italianHolidays,
  nextBusinessDay,
  onOrAfterBusinessDay,
  parseUserDate,
  parseUserTime,
  previousBusinessDay,
  startOfMonth,
  startOfWeek,
  timeInZone,
  weekday,
  zonedInstant,
} from "../../src/domain/calendar";

describe("isIsoDate", () => {
  it("accepts real dates, including 29 February of leap years", () => {
    expect(isIsoDate("2026-03-15")).toBe(true);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2000-02-29")).toBe(true);
  });

  it("rejects impossible dates and other formats", () => {
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("1900-02-29")).toBe(false); // divisible by 100, not by 400
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2026-00-10")).toBe(false);
    expect(isIsoDate("2026-3-15")).toBe(false);
    expect(isIsoDate("15/03/2026")).toBe(false);
    expect(isIsoDate("2026-03-15T00:00")).toBe(false);
    expect(isIsoDate("")).toBe(false);
  });
});

describe("addDays / daysBetween / weekday", () => {
  it("crosses month, year and leap-day boundaries", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-03-15", 0)).toBe("2026-03-15");
    expect(addDays("2026-01-01", 365)).toBe("2027-01-01");
  });

  it("is not affected by DST changes (Rome: 29 March and 25 October 2026)", () => {
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
  });

  it("counts to - from, negative when to is earlier", () => {
    expect(daysBetween("2025-05-31", "2025-08-31")).toBe(92); // 30 (June) + 31 + 31
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2026-03-15", "2026-03-10")).toBe(-5);
    expect(daysBetween("2026-03-15", "2026-03-15")).toBe(0);
  });

  it("throws on invalid dates rather than computing garbage", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => daysBetween("x", "2026-01-01")).toThrow(RangeError);
  });

  it("gives 0 for Sunday through 6 for Saturday", () => {
    expect(weekday("2026-03-01")).toBe(0); // Sunday
    expect(weekday("2026-03-02")).toBe(1);
    expect(weekday("2026-01-01")).toBe(4); // Thursday
    expect(weekday("2026-03-07")).toBe(6);
    expect(weekday("1969-12-31")).toBe(3); // before the epoch
  });
});

describe("easterSunday", () => {
  it.each([
    [2019, "2019-04-21"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2000, "2000-04-23"],
    [2038, "2038-04-25"], // latest possible date
    [2285, "2285-03-22"], // earliest possible date
  ])("%i -> %s", (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});

describe("italianHolidays", () => {
  it("lists the 2026 national holidays in date order, San Francesco included", () => {
    expect([...italianHolidays(2026)]).toEqual([
      ["2026-01-01", "Capodanno"],
      ["2026-01-06", "Epifania"],
      ["2026-04-05", "Pasqua"],
      ["2026-04-06", "Lunedì dell'Angelo"],
      ["2026-04-25", "Festa della Liberazione"],
      ["2026-05-01", "Festa del Lavoro"],
      ["2026-06-02", "Festa della Repubblica"],
      ["2026-08-15", "Ferragosto"],
      ["2026-10-04", "San Francesco d'Assisi"],
      ["2026-11-01", "Ognissanti"],
      ["2026-12-08", "Immacolata"],
      ["2026-12-25", "Natale"],
      ["2026-12-26", "Santo Stefano"],
    ]);
  });

  it("has no 4 October before 2026", () => {
    const h2025 = italianHolidays(2025);
    expect(h2025.size).toBe(12);
    expect(h2025.has("2025-10-04")).toBe(false);
    expect(h2025.get("2025-04-21")).toBe("Lunedì dell'Angelo");
  });

  it("adds local patron-saint days without overriding national names", () => {
    const milan = italianHolidays(2026, ["12-07", "12-08"]);
    expect(milan.get("2026-12-07")).toBe("Festa patronale");
    expect(milan.get("2026-12-08")).toBe("Immacolata");
    expect(milan.size).toBe(14);
  });

  it("skips 29 February in non-leap years and rejects malformed entries", () => {
    expect(italianHolidays(2025, ["02-29"]).size).toBe(12);
    expect(italianHolidays(2028, ["02-29"]).get("2028-02-29")).toBe("Festa patronale");
    expect(() => italianHolidays(2026, ["7/12"])).toThrow(RangeError);
  });
});

describe("business days", () => {
  it("excludes weekends and holidays", () => {
    expect(isBusinessDay("2026-04-03")).toBe(true); // Good Friday is not a holiday in Italy
    expect(isBusinessDay("2026-04-06")).toBe(false); // Pasquetta, Monday
    expect(isBusinessDay("2026-03-07")).toBe(false); // Saturday
    expect(isBusinessDay("2026-03-08")).toBe(false); // Sunday
    expect(isBusinessDay("2026-06-02")).toBe(false); // Festa della Repubblica, Tuesday
    expect(isBusinessDay("2027-10-04")).toBe(false); // San Francesco, Monday
  });

  it("honours local holidays", () => {
    expect(isBusinessDay("2026-12-07")).toBe(true); // Monday
    expect(isBusinessDay("2026-12-07", ["12-07"])).toBe(false); // Sant'Ambrogio in Milan
    expect(nextBusinessDay("2026-12-04", ["12-07"])).toBe("2026-12-09"); // Fri -> skip Mon 7, Tue 8
  });

  it("nextBusinessDay is strictly after, skipping Easter and Christmas", () => {
    expect(nextBusinessDay("2026-04-03")).toBe("2026-04-07"); // Fri -> Sat, Easter, Pasquetta -> Tue
    expect(nextBusinessDay("2025-12-24")).toBe("2025-12-29"); // Wed -> Thu 25, Fri 26, weekend -> Mon
    expect(nextBusinessDay("2026-03-10")).toBe("2026-03-11");
  });

  it("previousBusinessDay is strictly before", () => {
    expect(previousBusinessDay("2026-04-07")).toBe("2026-04-03");
    expect(previousBusinessDay("2026-01-07")).toBe("2026-01-05"); // Epifania on Tuesday 6
    expect(previousBusinessDay("2026-01-02")).toBe("2025-12-31"); // across the year
  });

  it("onOrAfterBusinessDay keeps business days and moves the others", () => {
    expect(onOrAfterBusinessDay("2026-03-10")).toBe("2026-03-10");
    expect(onOrAfterBusinessDay("2026-03-07")).toBe("2026-03-09");
    expect(onOrAfterBusinessDay("2026-12-25")).toBe("2026-12-28"); // Fri 25, Sat 26, Sun 27
  });

  it("addBusinessDays moves in both directions over holidays", () => {
    expect(addBusinessDays("2026-04-30", 2)).toBe("2026-05-05"); // Thu -> (1 May, weekend) Mon 4, Tue 5
    expect(addBusinessDays("2026-05-05", -2)).toBe("2026-04-30");
    expect(addBusinessDays("2026-03-07", 1)).toBe("2026-03-09"); // from a Saturday
    expect(addBusinessDays("2026-03-07", 0)).toBe("2026-03-07");
    expect(addBusinessDays("2026-03-02", 10)).toBe("2026-03-16");
  });
});

describe("time zones", () => {
  it("dateInZone / timeInZone give the local calendar date and time", () => {
    const lateEvening = new Date("2026-03-28T23:30:00Z"); // 00:30 CET on the 29th in Rome
    expect(dateInZone(lateEvening, "Europe/Rome")).toBe("2026-03-29");
    expect(timeInZone(lateEvening, "Europe/Rome")).toBe("00:30");
    expect(dateInZone(lateEvening, "UTC")).toBe("2026-03-28");
    expect(timeInZone(new Date("2026-07-01T10:05:00Z"), "Europe/Rome")).toBe("12:05"); // CEST
    expect(timeInZone(new Date("2026-01-15T22:00:00Z"), "Europe/Rome")).toBe("23:00"); // CET
  });

  it("zonedInstant uses the offset in force on that date", () => {
    expect(zonedInstant("2026-01-15", "10:00", "Europe/Rome").toISOString()).toBe("2026-01-15T09:00:00.000Z");
    expect(zonedInstant("2026-07-15", "10:00", "Europe/Rome").toISOString()).toBe("2026-07-15T08:00:00.000Z");
    expect(zonedInstant("2026-03-08", "12:00", "America/New_York").toISOString()).toBe(
      "2026-03-08T16:00:00.000Z",
    );
    expect(zonedInstant("2026-03-15", "00:00", "Europe/Rome").toISOString()).toBe("2026-03-14T23:00:00.000Z");
  });

  it("zonedInstant around the spring-forward gap (Rome, 29 March 2026 02:00 -> 03:00)", () => {
    expect(zonedInstant("2026-03-29", "01:30", "Europe/Rome").toISOString()).toBe("2026-03-29T00:30:00.000Z");
    expect(zonedInstant("2026-03-29", "03:30", "Europe/Rome").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    // 02:30 does not exist that night: moved forward by the gap, to 03:30 CEST.
    expect(zonedInstant("2026-03-29", "02:30", "Europe/Rome").toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("zonedInstant around the fall-back overlap (Rome, 25 October 2026 03:00 -> 02:00)", () => {
    // 02:30 happens twice: the first (CEST, +2) occurrence is chosen.
    expect(zonedInstant("2026-10-25", "02:30", "Europe/Rome").toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(zonedInstant("2026-10-25", "03:30", "Europe/Rome").toISOString()).toBe("2026-10-25T02:30:00.000Z");
    expect(zonedInstant("2026-10-25", "01:30", "Europe/Rome").toISOString()).toBe("2026-10-24T23:30:00.000Z");
  });

  it("zonedInstant round-trips through dateInZone / timeInZone", () => {
    const instant = zonedInstant("2026-11-02", "09:15", "Europe/Rome");
    expect(dateInZone(instant, "Europe/Rome")).toBe("2026-11-02");
    expect(timeInZone(instant, "Europe/Rome")).toBe("09:15");
  });

  it("zonedInstant rejects malformed times", () => {
    expect(() => zonedInstant("2026-03-10", "9:00", "Europe/Rome")).toThrow(RangeError);
    expect(() => zonedInstant("2026-03-10", "24:00", "Europe/Rome")).toThrow(RangeError);
  });
});

describe("formatting", () => {
  it("formatDateLong", () => {
    expect(formatDateLong("2026-03-02")).toBe("lunedì 2 marzo");
    expect(formatDateLong("2026-03-02", "en")).toBe("Monday 2 March");
    expect(formatDateLong("2026-08-15", "it")).toBe("sabato 15 agosto");
    expect(formatDateLong("2026-03-01", "en")).toBe("Sunday 1 March");
  });

  it("formatDateShort is dd/mm/yyyy in both locales", () => {
    expect(formatDateShort("2026-03-02")).toBe("02/03/2026");
    expect(formatDateShort("2026-03-02", "en")).toBe("02/03/2026");
    expect(formatDateShort("2026-12-25")).toBe("25/12/2026");
  });

  it("formatDateCompact has no year", () => {
    expect(formatDateCompact("2026-03-02")).toBe("2 mar");
    expect(formatDateCompact("2026-03-02", "en")).toBe("2 Mar");
    expect(formatDateCompact("2026-05-31")).toBe("31 mag");
    expect(formatDateCompact("2026-12-05", "it")).toBe("5 dic");
  });
});

describe("parseUserDate", () => {
  const today = "2026-03-10"; // a Tuesday

  it("day/month without year: next occurrence on or after today", () => {
    expect(parseUserDate("15/3", today)).toBe("2026-03-15");
    expect(parseUserDate("15/03", today)).toBe("2026-03-15");
    expect(parseUserDate("10/3", today)).toBe("2026-03-10"); // today itself
    expect(parseUserDate("9/3", today)).toBe("2027-03-09"); // yesterday -> next year
    expect(parseUserDate("15/1", "2026-12-20")).toBe("2027-01-15");
    expect(parseUserDate("15.3", today)).toBe("2026-03-15");
  });

  it("explicit years in all the usual separators", () => {
    expect(parseUserDate("15/3/26", today)).toBe("2026-03-15");
    expect(parseUserDate("15/03/2026", today)).toBe("2026-03-15");
    expect(parseUserDate("15-03-2026", today)).toBe("2026-03-15");
    expect(parseUserDate("15.03.2026", today)).toBe("2026-03-15");
    expect(parseUserDate("2026-03-15", today)).toBe("2026-03-15");
    expect(parseUserDate("1/2/2025", today)).toBe("2025-02-01"); // past dates with a year are kept
    expect(parseUserDate(" 15/03/2026 ", today)).toBe("2026-03-15");
  });

  it("day and month name", () => {
    expect(parseUserDate("15 marzo", today)).toBe("2026-03-15");
    expect(parseUserDate("2 Gen", today)).toBe("2027-01-02");
    expect(parseUserDate("1 aprile 2027", today)).toBe("2027-04-01");
    expect(parseUserDate("15 foo", today)).toBeNull();
  });

  it("relative words", () => {
    expect(parseUserDate("oggi", today)).toBe("2026-03-10");
    expect(parseUserDate("Domani", today)).toBe("2026-03-11");
    expect(parseUserDate("dopodomani", today)).toBe("2026-03-12");
    expect(parseUserDate("today", today)).toBe("2026-03-10");
    expect(parseUserDate("TOMORROW", today)).toBe("2026-03-11");
    expect(parseUserDate("domani", "2026-12-31")).toBe("2027-01-01");
  });

  it("weekday names: next such day strictly after today", () => {
    expect(parseUserDate("lunedì", today)).toBe("2026-03-16");
    expect(parseUserDate("lunedi", today)).toBe("2026-03-16");
    expect(parseUserDate("lunedi'", today)).toBe("2026-03-16");
    expect(parseUserDate("LUN", today)).toBe("2026-03-16");
    expect(parseUserDate("martedì", today)).toBe("2026-03-17"); // today is Tuesday: next week
    expect(parseUserDate("Mercoledì", today)).toBe("2026-03-11");
    expect(parseUserDate("ven", today)).toBe("2026-03-13");
    expect(parseUserDate("domenica", today)).toBe("2026-03-15");
    expect(parseUserDate("friday", today)).toBe("2026-03-13");
  });

  it("invalid input -> null", () => {
    expect(parseUserDate("31/2", today)).toBeNull();
    expect(parseUserDate("31/02/2026", today)).toBeNull();
    expect(parseUserDate("2026-02-30", today)).toBeNull();
    expect(parseUserDate("15/13", today)).toBeNull();
    expect(parseUserDate("0/3", today)).toBeNull();
    expect(parseUserDate("15/03-2026", today)).toBeNull(); // mixed separators
    expect(parseUserDate("15/3/026", today)).toBeNull();
    expect(parseUserDate("", today)).toBeNull();
    expect(parseUserDate("prossima settimana", today)).toBeNull();
  });

  it("29 February without year: next one that exists within a year", () => {
    expect(parseUserDate("29/2", "2027-03-01")).toBe("2028-02-29");
    expect(parseUserDate("29/2", "2026-03-01")).toBeNull();
  });
});

describe("parseUserTime", () => {
  it.each([
    ["10:30", "10:30"],
    ["10.30", "10:30"],
    ["10", "10:00"],
    ["9:05", "09:05"],
    ["h 10", "10:00"],
    ["H10", "10:00"],
    ["ore 9", "09:00"],
    ["0:00", "00:00"],
    ["23:59", "23:59"],
    [" 14:15 ", "14:15"],
  ])("%s -> %s", (input, expected) => {
    expect(parseUserTime(input)).toBe(expected);
  });

  it.each(["25:00", "24:00", "10:60", "9:5", "", "abc", "10:300", "-1"])("%s -> null", (input) => {
    expect(parseUserTime(input)).toBeNull();
  });
});

describe("month and week boundaries", () => {
  it("startOfMonth / endOfMonth", () => {
    expect(startOfMonth("2026-03-15")).toBe("2026-03-01");
    expect(endOfMonth("2026-03-15")).toBe("2026-03-31");
    expect(endOfMonth("2026-02-10")).toBe("2026-02-28");
    expect(endOfMonth("2024-02-10")).toBe("2024-02-29");
    expect(endOfMonth("2026-04-30")).toBe("2026-04-30");
  });

  it("startOfWeek is the Monday", () => {
    expect(startOfWeek("2026-03-10")).toBe("2026-03-09"); // Tuesday
    expect(startOfWeek("2026-03-09")).toBe("2026-03-09"); // Monday itself
    expect(startOfWeek("2026-03-15")).toBe("2026-03-09"); // Sunday belongs to the week before
    expect(startOfWeek("2026-01-01")).toBe("2025-12-29"); // across the year
  });
});
