import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { computeReport, type ReportInput } from "../../src/domain/kpi";
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  renderReportCharts,
  renderVegaLite,
} from "../../src/services/report/report-charts";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function ihdr(png: Buffer) {
  expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bitDepth: png[24], colorType: png[25] };
}

/** Decodes an 8-bit RGBA, non-interlaced PNG (what resvg writes) and counts the pixels that are not white. */
function inkPixels(png: Buffer): number {
  const { width, height, bitDepth, colorType } = ihdr(png);
  expect(bitDepth).toBe(8);
  expect(colorType).toBe(6);
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    if (png.subarray(at + 4, at + 8).toString("ascii") === "IDAT")
      chunks.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * 4;
  const prev = Buffer.alloc(stride);
  const line = Buffer.alloc(stride);
  let ink = 0;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? line[x - 4]! : 0;
      const b = prev[x]!;
      const c = x >= 4 ? prev[x - 4]! : 0;
      let v = src[x]!;
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[x] = v & 0xff;
    }
    for (let x = 0; x < stride; x += 4) if (line[x]! < 200 || line[x + 1]! < 200 || line[x + 2]! < 200) ink++;
    line.copy(prev);
  }
  return ink;
}

let id = 1;
const data: ReportInput = {
  invoices: [
    {
      id: id++,
      customerId: 1,
      issueDate: "2026-09-01",
      dueDate: "2026-12-31",
      amountCents: 1_234_567,
      openCents: 1_234_567,
      status: "open",
      closedOn: null,
    },
    {
      id: id++,
      customerId: 1,
      issueDate: "2026-08-01",
      dueDate: "2026-11-15",
      amountCents: 400_000,
      openCents: 400_000,
      status: "open",
      closedOn: null,
    },
    {
      id: id++,
      customerId: 2,
      issueDate: "2026-05-01",
      dueDate: "2026-07-01",
      amountCents: 90_000,
      openCents: 40_000,
      status: "open",
      closedOn: null,
    },
  ],
  payments: [{ id: 100, customerId: 2, invoiceId: 3, date: "2026-11-10", amountCents: 50_000 }],
  promises: [
    {
      customerId: 2,
      interactionId: null,
      amountCents: 50_000,
      paidCents: 50_000,
      dueDate: "2026-11-10",
      status: "kept",
    },
    {
      customerId: 1,
      interactionId: null,
      amountCents: 80_000,
      paidCents: 0,
      dueDate: "2026-11-12",
      status: "broken",
    },
  ],
  interactions: [],
  customers: [],
  members: [],
  trips: [],
};

describe("report charts", () => {
  it("renders three PNGs of 800x500 with Italian labels, drawn (not blank)", async () => {
    const report = computeReport(data, { kind: "month", from: "2026-11-01", to: "2026-11-30" });
    const charts = await renderReportCharts(report, "it");
    expect(charts.map((c) => c.title)).toEqual([
      "Scaduto per anzianità",
      "Incassato sullo scaduto, per mese",
      "Promesse in scadenza nel periodo",
    ]);
    expect(charts.map((c) => c.filename)).toEqual([
      "anzianita-2026-11-01_2026-11-30.png",
      "incassato-2026-11-01_2026-11-30.png",
      "promesse-2026-11-01_2026-11-30.png",
    ]);
    for (const chart of charts) {
      expect(chart.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      const header = ihdr(chart.png);
      expect([header.width, header.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
      expect([header.width, header.height]).toEqual([800, 500]);
      // bars and text cover a real part of the picture, but it is mostly white background
      const ink = inkPixels(chart.png);
      expect(ink).toBeGreaterThan(4_000);
      expect(ink).toBeLessThan(800 * 500 * 0.6);
    }
    expect(charts[0]!.altText).toBe(
      "Non scaduto: € 12.345,67; 1-30 gg: € 4.000,00; 31-60 gg: € 0,00; 61-90 gg: € 0,00; Oltre 90 gg: € 400,00",
    );
    expect(charts[2]!.altText).toBe("Mantenute: 1; In parte: 0; Non mantenute: 1; Aperte: 0");
  });

  it("draws text with the bundled font (resvg draws no text without one)", async () => {
    const words = (text: string) =>
      renderVegaLite(
        {
          data: { values: [{ text }] },
          mark: { type: "text", fontSize: 60 },
          encoding: { text: { field: "text" } },
        },
        "it",
        { width: 400, height: 200 },
      );
    const empty = inkPixels(await words(""));
    const written = inkPixels(await words("Scaduto € 1.234"));
    expect(empty).toBe(0);
    expect(written).toBeGreaterThan(2_000);
  });

  it("labels weeks by their Monday in the weekly report", async () => {
    const report = computeReport(data, { kind: "week", from: "2026-11-09", to: "2026-11-15" });
    const [, weekly] = await renderReportCharts(report, "it");
    expect(weekly!.title).toBe("Incassato sullo scaduto, per settimana");
    expect(weekly!.altText.split("; ")).toHaveLength(12);
    expect(weekly!.altText).toContain("9 nov: € 500");
    expect(ihdr(weekly!.png)).toMatchObject({ width: 800, height: 500 });
  });
});
