import { describe, expect, it } from "vitest";
import { validateTripCost } from "../../src/domain/trip-costs";
import {
  areaNames,
  inArea,
  parseArea,
  proposalSize,
  rankTripCandidates,
  scheduleVisits,
  type TripCandidate,
  tripBusinessDays,
  tripScore,
  validateTripPlan,
} from "../../src/domain/trip-plan";

const base: TripCandidate = {
  customerId: 1,
  code: "C1",
  name: "Alfa",
  address: null,
  postalCode: null,
  city: "Verona",
  province: "VR",
  phone: null,
  mobile: null,
  note: { approach: null, attention: null, referencePerson: null },
  overdueCents: 100_000,
  daysOverdue: 0,
  brokenPromises: 0,
  lastVisit: "2025-10-01",
};
const cand = (o: Partial<TripCandidate>): TripCandidate => ({ ...base, ...o });

describe("trip area", () => {
  it("reads province codes separated by commas or spaces", () => {
    expect(parseArea("VR, VI, PD")).toEqual({
      provinces: ["VR", "VI", "PD"],
      cities: [],
      terms: ["VR", "VI", "PD"],
    });
    expect(parseArea("vr vi pd").provinces).toEqual(["VR", "VI", "PD"]);
  });

  it("reads a region as its provinces and a province name as the province and its chief town", () => {
    expect(parseArea("Campania").provinces.sort()).toEqual(["AV", "BN", "CE", "NA", "SA"]);
    expect(parseArea("Verona; San Bonifacio")).toEqual({
      provinces: ["VR"],
      cities: ["verona", "san bonifacio"],
      terms: ["Verona", "San Bonifacio"],
    });
    expect(parseArea("  ,, ")).toEqual({ provinces: [], cities: [], terms: [] });
  });

  it("matches customers by province code or by city name, ignoring accents and case", () => {
    const area = parseArea("PD, Forlì");
    expect(inArea(area, { city: "Cittadella", province: "pd" })).toBe(true);
    expect(inArea(area, { city: "FORLI", province: null })).toBe(true);
    expect(inArea(area, { city: "Verona", province: "VR" })).toBe(false);
    expect(inArea(area, { city: null, province: null })).toBe(false);
  });

  it("names the provinces and regions of the codes", () => {
    expect(areaNames("VR, VI")).toEqual(["Verona", "Veneto", "Vicenza"]);
  });
});

describe("trip ranking", () => {
  it("weighs the overdue amount by age, broken promises and never having met the debtor", () => {
    // € 1.000 × (1 + 90/90) × (1 + 0.5 × 2) × 2
    expect(tripScore(cand({ daysOverdue: 90, brokenPromises: 2, lastVisit: null }))).toBe(8000);
    expect(tripScore(cand({ daysOverdue: 0, brokenPromises: 0 }))).toBe(1000);
    // capped: 360 days and 4 broken promises at most
    expect(tripScore(cand({ daysOverdue: 1000, brokenPromises: 9 }))).toBe(1000 * 5 * 3);
  });

  it("orders by score; a never-met debtor comes before an equal one already visited; nothing overdue is left out", () => {
    const ranked = rankTripCandidates([
      cand({ customerId: 1, name: "Visitato", overdueCents: 300_000 }), // 3000
      cand({ customerId: 2, name: "Mai visto", overdueCents: 300_000, lastVisit: null }), // 6000
      cand({ customerId: 3, name: "Vecchio", overdueCents: 200_000, daysOverdue: 180 }), // 2000 × 3 = 6000
      cand({ customerId: 4, name: "Promesse rotte", overdueCents: 100_000, brokenPromises: 4 }), // 3000
      cand({ customerId: 5, name: "In regola", overdueCents: 0, lastVisit: null }),
    ]);
    expect(ranked.map((c) => [c.customerId, c.score])).toEqual([
      [2, 6000], // tie with 3 on score: larger overdue first
      [3, 6000],
      [1, 3000], // tie with 4: larger overdue first
      [4, 3000],
    ]);
    expect(ranked[0]?.neverMet).toBe(true);
    expect(ranked[1]?.neverMet).toBe(false);
  });

  it("breaks full ties by name", () => {
    const ranked = rankTripCandidates([
      cand({ customerId: 9, name: "Zeta" }),
      cand({ customerId: 8, name: "Beta" }),
    ]);
    expect(ranked.map((c) => c.name)).toEqual(["Beta", "Zeta"]);
  });
});

describe("trip days and schedule", () => {
  it("keeps the business days only and proposes five visits a day, thirty at most", () => {
    // Friday 6 to Tuesday 10 March 2026: Fri, Mon, Tue
    expect(tripBusinessDays("2026-03-06", "2026-03-10")).toEqual(["2026-03-06", "2026-03-09", "2026-03-10"]);
    expect(proposalSize(3, 40)).toBe(15);
    expect(proposalSize(2, 4)).toBe(4);
    expect(proposalSize(10, 100)).toBe(30);
  });

  it("keeps customers of the same city on the same day, days filled evenly in order", () => {
    const chosen = [
      { id: 1, city: "Verona", province: "VR" },
      { id: 2, city: "Vicenza", province: "VI" },
      { id: 3, city: "verona", province: "VR" },
      { id: 4, city: "Padova", province: "PD" },
      { id: 5, city: "Vicenza", province: "VI" },
    ];
    const plan = scheduleVisits(chosen, ["2026-03-09", "2026-03-10"]);
    expect(plan.map((p) => [p.item.id, p.plannedDate])).toEqual([
      [1, "2026-03-09"],
      [3, "2026-03-09"],
      [2, "2026-03-09"],
      [5, "2026-03-10"],
      [4, "2026-03-10"],
    ]);
  });

  it("validates dates and area with one error per field", () => {
    expect(
      validateTripPlan({ start: "2026-03-09", end: "2026-03-10", area: "VR" }, "2026-03-02"),
    ).toMatchObject({
      ok: true,
      start: "2026-03-09",
      end: "2026-03-10",
    });
    expect(validateTripPlan({ start: "2026-03-01", end: "2026-02-27", area: "" }, "2026-03-02")).toEqual({
      ok: false,
      errors: { start: "startPast", end: "endBeforeStart", area: "areaRequired" },
    });
    expect(validateTripPlan({ start: "2026-03-09", end: "2026-03-30", area: "VR" }, "2026-03-02")).toEqual({
      ok: false,
      errors: { end: "tooLong" },
    });
    expect(validateTripPlan({ start: "2026-03-07", end: "2026-03-08", area: "VR" }, "2026-03-02")).toEqual({
      ok: false,
      errors: { end: "noBusinessDay" },
    });
  });
});

describe("trip costs", () => {
  const opts = { kmRateCents: 35, defaultDate: "2026-03-09" };
  it("refunds kilometres at the rate and takes amounts in Italian format", () => {
    expect(validateTripCost({ kind: "km", km: "412", amount: "999" }, opts)).toEqual({
      ok: true,
      cost: { kind: "km", amountCents: 14_420, km: 412, date: "2026-03-09", note: null },
    });
    expect(
      validateTripCost(
        { kind: "hotel", amount: "95,50", date: "2026-03-09", note: " Hotel Centrale " },
        opts,
      ),
    ).toEqual({
      ok: true,
      cost: { kind: "hotel", amountCents: 9550, km: null, date: "2026-03-09", note: "Hotel Centrale" },
    });
  });

  it("says what is wrong with each field", () => {
    expect(validateTripCost({}, opts)).toEqual({ ok: false, errors: { kind: "kindRequired" } });
    expect(validateTripCost({ kind: "meals", amount: "-3" }, opts)).toEqual({
      ok: false,
      errors: { amount: "amountInvalid" },
    });
    expect(validateTripCost({ kind: "km" }, opts)).toEqual({ ok: false, errors: { km: "kmRequired" } });
    expect(validateTripCost({ kind: "km", km: "12,5" }, opts)).toEqual({
      ok: false,
      errors: { km: "kmInvalid" },
    });
    expect(validateTripCost({ kind: "travel", amount: "40", date: "9/3" }, opts)).toEqual({
      ok: false,
      errors: { date: "dateInvalid" },
    });
  });
});
