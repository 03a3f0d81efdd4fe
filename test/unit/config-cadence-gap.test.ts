import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config";

describe("CREDITO_CADENCE_MIN_GAP_DAYS (issue 13)", () => {
  it("defaults to 5 days and reads a number of days", () => {
    expect(loadConfig({}, { slack: false }).rules.cadenceMinGapDays).toBe(5);
    expect(loadConfig({ CREDITO_CADENCE_MIN_GAP_DAYS: "0" }, { slack: false }).rules.cadenceMinGapDays).toBe(
      0,
    );
  });
  it("refuses what is not a number of days, with one line naming the setting", () => {
    for (const bad of ["tre", "-1", "2.5", "90"]) {
      try {
        loadConfig({ CREDITO_CADENCE_MIN_GAP_DAYS: bad }, { slack: false });
        expect.fail(`${bad} accepted`);
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        expect((err as ConfigError).problems).toHaveLength(1);
        expect((err as ConfigError).problems[0]).toMatch(/^CREDITO_CADENCE_MIN_GAP_DAYS: /);
      }
    }
  });
});
