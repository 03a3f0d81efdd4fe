import { describe, expect, it } from "vitest";
import {
  DEFAULT_CADENCE,
  DEFAULT_CADENCE_SPEC,
  dueCadenceStep,
  isHardStep,
  parseCadence,
} from "../../src/domain/cadence";

describe("DEFAULT_CADENCE", () => {
  it("is the Italian default timing table: call, email, call, PEC, final notice", () => {
    expect(DEFAULT_CADENCE.map((s) => [s.day, s.channel, s.tone, s.label])).toEqual([
      [3, "phone", "friendly", "Telefonata di cortesia"],
      [7, "email", "friendly", "Email di cortesia"],
      [15, "phone", "firm", "Telefonata di sollecito"],
      [30, "pec", "formal", "PEC di messa in mora"],
      [40, "letter", "final", "Lettera di diffida ad adempiere"],
    ]);
  });

  it("is what its own setting string parses to", () => {
    expect(parseCadence(DEFAULT_CADENCE_SPEC)).toEqual(DEFAULT_CADENCE);
  });

  it("marks PEC and final notice as the hard steps", () => {
    expect(DEFAULT_CADENCE.map(isHardStep)).toEqual([false, false, false, true, true]);
  });
});

describe("parseCadence", () => {
  it("accepts Italian channel names, spaces and capitals", () => {
    expect(parseCadence(" 5:Telefono , 20 : PEC ")).toEqual([
      { day: 5, channel: "phone", tone: "friendly", label: "Telefonata di cortesia" },
      { day: 20, channel: "pec", tone: "final", label: "PEC di diffida ad adempiere" },
    ]);
  });

  it("never softens the tone along the table", () => {
    // The second call would be "firm" on its own, but it comes after the PEC: formal.
    expect(parseCadence("3:phone,10:pec,20:phone,30:email")).toEqual([
      { day: 3, channel: "phone", tone: "friendly", label: "Telefonata di cortesia" },
      { day: 10, channel: "pec", tone: "formal", label: "PEC di messa in mora" },
      { day: 20, channel: "phone", tone: "formal", label: "Telefonata formale" },
      { day: 30, channel: "email", tone: "final", label: "Email di diffida ad adempiere" },
    ]);
  });

  it("makes a repeated channel firm and a spoken last step the last warning", () => {
    expect(parseCadence("3:visita,6:visit,9:phone")).toEqual([
      { day: 3, channel: "visit", tone: "friendly", label: "Visita di cortesia" },
      { day: 6, channel: "visit", tone: "firm", label: "Visita di sollecito" },
      { day: 9, channel: "phone", tone: "final", label: "Telefonata di ultimo avviso" },
    ]);
  });

  it("keeps a single step friendly (no final notice without a previous step)", () => {
    expect(parseCadence("10:phone")).toEqual([
      { day: 10, channel: "phone", tone: "friendly", label: "Telefonata di cortesia" },
    ]);
  });

  it.each([
    ["", "Tabella dei solleciti vuota"],
    [" , ", "Tabella dei solleciti vuota"],
    ["3:fax", 'Passo non valido: "3:fax" (atteso giorni:canale, es. 7:email)'],
    ["3phone", 'Passo non valido: "3phone" (atteso giorni:canale, es. 7:email)'],
    ["-3:phone", 'Passo non valido: "-3:phone" (atteso giorni:canale, es. 7:email)'],
    ["0:phone", 'Passo "0:phone": i giorni devono essere almeno 1'],
    ["7:email,7:phone", 'Passo "7:phone": i giorni devono essere crescenti'],
    ["7:email,3:phone", 'Passo "3:phone": i giorni devono essere crescenti'],
  ])("rejects %j", (spec, error) => {
    expect(parseCadence(spec)).toMatchObject({ error });
  });
});

describe("dueCadenceStep", () => {
  const day = (d: number, lastContactDay?: number) => dueCadenceStep(DEFAULT_CADENCE, d, lastContactDay)?.day;

  it("is nothing before the first step", () => {
    expect(day(2)).toBeUndefined();
  });

  it("is the latest step reached when never contacted", () => {
    expect(day(3)).toBe(3);
    expect(day(16)).toBe(15);
    expect(day(100)).toBe(40);
  });

  it("counts a step as done by a contact on or after its day", () => {
    expect(day(16, 15)).toBeUndefined();
    expect(day(16, 14)).toBe(15);
    expect(day(100, 41)).toBeUndefined();
  });

  it("supersedes skipped steps: only the latest reached counts", () => {
    // Contacted at day 16 (step 15 done), now at day 35: step 30 is due, not the skipped ones.
    expect(day(35, 16)).toBe(30);
  });

  it("ignores a contact before the due date", () => {
    expect(day(4, -10)).toBe(3);
  });
});
