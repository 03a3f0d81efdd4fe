import type ExcelJS from "exceljs";
import { formatDateShort, type Locale } from "../../domain/calendar";
import type { Report } from "../../domain/kpi";
import { messages } from "../../i18n";

/** How a value is written: money in euros, percentages, days, counts, dates, text. */
export type Unit = "eur" | "pct" | "days" | "count" | "date" | "text";

export interface ExportRow {
  section: string;
  item: string;
  detail: string;
  /** euros (not cents) for money; null when there is no figure (e.g. a share without data) */
  value: number | string | null;
  unit: Unit;
}

const UNIT_LABEL: Record<Unit, Record<Locale, string>> = {
  eur: { it: "€", en: "€" },
  pct: { it: "%", en: "%" },
  days: { it: "giorni", en: "days" },
  count: { it: "n.", en: "no." },
  date: { it: "", en: "" },
  text: { it: "", en: "" },
};

const eur = (cents: number) => cents / 100;

/** The report as flat rows: one figure per row, the same figures as the Slack message. */
export function reportRows(r: Report, locale: Locale): ExportRow[] {
  const t = messages(locale).report;
  const x = t.export;
  const rows: ExportRow[] = [];
  const add = (section: string, item: string, value: number | string | null, unit: Unit, detail = "") =>
    rows.push({ section, item, detail, value, unit });
  add(x.period, x.from, r.period.from, "date");
  add(x.period, x.to, r.period.to, "date");

  add(x.kpi, x.recovery90Share, r.recovery90.share, "pct", t.target(`${r.recovery90.target}%`));
  add(x.kpi, x.recovery90Overdue, eur(r.recovery90.overdueCents), "eur");
  add(x.kpi, x.recovery90Recovered, eur(r.recovery90.recoveredCents), "eur");
  add(x.kpi, x.reorderShare, r.reorder.share, "pct", t.target(`${r.reorder.target}%`));
  add(x.kpi, x.reorderRecovered, r.reorder.recoveredCustomers, "count");
  add(x.kpi, x.reorderAgain, r.reorder.orderedAgain, "count");
  add(x.kpi, x.dso, r.dso.dso, "days");
  add(x.kpi, x.creditSales, eur(r.dso.creditSalesCents), "eur");
  add(x.kpi, x.avgDays, r.position.avgDaysOverdue, "days");
  add(x.kpi, x.avgDaysWeighted, r.position.avgDaysOverdueWeighted, "days");
  add(x.kpi, x.recovered, eur(r.recoveredCents), "eur");

  add(x.promises, x.kept, r.promises.kept, "count");
  add(x.promises, x.partial, r.promises.partial, "count");
  add(x.promises, x.broken, r.promises.broken, "count");
  add(x.promises, x.open, r.promises.open, "count");
  add(x.promises, x.keptRate, r.promises.keptRate, "pct");
  add(x.promises, x.promised, eur(r.promises.promisedCents), "eur");
  add(x.promises, x.paid, eur(r.promises.paidCents), "eur");

  add(x.position, t.openTotal, eur(r.position.openCents), "eur");
  add(x.position, t.overdue, eur(r.position.overdueCents), "eur");
  add(x.position, t.overdue, eur(r.position.disputedCents), "eur", messages(locale).figures.disputedPart);
  for (const b of r.position.aging)
    add(x.position, t.aging, eur(b.cents), "eur", t.agingKeys[b.key] ?? b.key);
  add(x.position, plain(t.onHold), eur(r.position.creditHoldCents), "eur");
  add(x.position, plain(t.agency), eur(r.position.agencyCents), "eur");
  add(x.position, plain(t.legal), eur(r.position.legalCents), "eur");

  for (const c of r.collectors.collectors) {
    add(x.collectors, c.name, c.contacts, "count", x.contacts);
    add(x.collectors, c.name, c.promises, "count", x.promisesObtained);
    add(x.collectors, c.name, eur(c.promisedCents), "eur", x.promisedAmount);
    add(x.collectors, c.name, eur(c.recoveredCents), "eur", x.recoveredAmount);
  }
  add(x.collectors, x.unattributed, eur(r.collectors.unattributedCents), "eur");

  for (const trip of r.trips) {
    const name = `${trip.area} ${formatDateShort(trip.startDate)}-${formatDateShort(trip.endDate)}`;
    add(x.trips, name, eur(trip.costCents), "eur", x.cost);
    add(x.trips, name, trip.contacts, "count", x.visits);
    add(x.trips, name, trip.promises, "count", x.promisesObtained);
    add(x.trips, name, eur(trip.promisedCents), "eur", x.promisedAmount);
    add(x.trips, name, eur(trip.recoveredCents), "eur", x.recoveredAmount);
  }
  for (const p of r.series.points)
    add(x.series, formatDateShort(p.start), eur(p.cents), "eur", formatDateShort(p.end));
  return rows;
}

function plain(label: string): string {
  return label.replace(/^\S+\s/u, ""); // drop the leading emoji of the Slack label
}

/** A number the Italian way for a CSV cell: "1234,56" (no thousands separator, decimal comma). */
function csvNumber(n: number, decimals: number, locale: Locale): string {
  const text = n.toFixed(decimals);
  return locale === "it" ? text.replace(".", ",") : text;
}

function csvCell(value: string): string {
  return /[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * CSV for an Italian Excel: `;` separator, decimal comma, dates dd/mm/yyyy, UTF-8 with BOM, CRLF line ends.
 * (`en`: the same layout with a decimal point.)
 */
export function reportCsv(r: Report, locale: Locale): string {
  const x = messages(locale).report.export;
  const lines = [[x.section, x.item, x.detail, x.value, x.unit]];
  for (const row of reportRows(r, locale)) {
    let value = "";
    if (typeof row.value === "number") {
      value = csvNumber(row.value, row.unit === "eur" ? 2 : row.unit === "count" ? 0 : 1, locale);
    } else if (typeof row.value === "string") {
      value = row.unit === "date" ? formatDateShort(row.value) : row.value;
    }
    lines.push([row.section, row.item, row.detail, value, UNIT_LABEL[row.unit][locale]]);
  }
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(";")).join("\r\n")}\r\n`;
}

const NUM_FMT: Record<Unit, string | undefined> = {
  eur: '#,##0.00 "€"',
  pct: "0.0%",
  days: "0.0",
  count: "0",
  date: "dd/mm/yyyy",
  text: undefined,
};

function dateCell(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** An Excel workbook: every figure on the first sheet, then aging, collectors, field trips and recoveries. */
export async function reportXlsx(r: Report, locale: Locale): Promise<Buffer> {
  const t = messages(locale).report;
  const x = t.export;
  const { default: Excel } = await import("exceljs"); // loaded on first use, not at start-up
  const wb = new Excel.Workbook();
  wb.creator = "Credito";

  const summary = wb.addWorksheet(x.sheets.summary);
  summary.columns = [
    { header: x.section, key: "section", width: 28 },
    { header: x.item, key: "item", width: 42 },
    { header: x.detail, key: "detail", width: 24 },
    { header: x.value, key: "value", width: 18 },
    { header: x.unit, key: "unit", width: 10 },
  ];
  for (const row of reportRows(r, locale)) {
    let value: number | string | Date | null = row.value;
    if (row.unit === "pct" && typeof value === "number") value = value / 100;
    if (row.unit === "date" && typeof value === "string") value = dateCell(value);
    const added = summary.addRow({
      section: row.section,
      item: row.item,
      detail: row.detail,
      value,
      unit: UNIT_LABEL[row.unit][locale],
    });
    const fmt = NUM_FMT[row.unit];
    if (fmt) added.getCell("value").numFmt = fmt;
  }

  const money = (ws: ExcelJS.Worksheet, keys: string[]) => {
    for (const k of keys) ws.getColumn(k).numFmt = NUM_FMT.eur!;
  };

  const aging = wb.addWorksheet(x.sheets.aging);
  aging.columns = [
    { header: t.aging, key: "bucket", width: 18 },
    { header: x.amount, key: "amount", width: 16 },
    { header: x.count, key: "invoices", width: 10 },
  ];
  for (const b of r.position.aging)
    aging.addRow({ bucket: t.agingKeys[b.key] ?? b.key, amount: eur(b.cents), invoices: b.invoices });
  money(aging, ["amount"]);

  const collectors = wb.addWorksheet(x.sheets.collectors);
  collectors.columns = [
    { header: x.collectors, key: "name", width: 24 },
    { header: x.contacts, key: "contacts", width: 10 },
    { header: x.promisesObtained, key: "promises", width: 18 },
    { header: x.promisedAmount, key: "promised", width: 18 },
    { header: x.recoveredAmount, key: "recovered", width: 16 },
  ];
  for (const c of r.collectors.collectors) {
    collectors.addRow({
      name: c.name,
      contacts: c.contacts,
      promises: c.promises,
      promised: eur(c.promisedCents),
      recovered: eur(c.recoveredCents),
    });
  }
  money(collectors, ["promised", "recovered"]);

  const trips = wb.addWorksheet(x.sheets.trips);
  trips.columns = [
    { header: x.area, key: "area", width: 20 },
    { header: x.from, key: "from", width: 12 },
    { header: x.to, key: "to", width: 12 },
    { header: x.collectors, key: "who", width: 20 },
    { header: x.cost, key: "cost", width: 14 },
    { header: x.visits, key: "visits", width: 10 },
    { header: x.promisesObtained, key: "promises", width: 18 },
    { header: x.promisedAmount, key: "promised", width: 16 },
    { header: x.recoveredAmount, key: "recovered", width: 16 },
  ];
  for (const trip of r.trips) {
    trips.addRow({
      area: trip.area,
      from: dateCell(trip.startDate),
      to: dateCell(trip.endDate),
      who: trip.collectorName ?? "",
      cost: eur(trip.costCents),
      visits: trip.contacts,
      promises: trip.promises,
      promised: eur(trip.promisedCents),
      recovered: eur(trip.recoveredCents),
    });
  }
  money(trips, ["cost", "promised", "recovered"]);
  trips.getColumn("from").numFmt = NUM_FMT.date!;
  trips.getColumn("to").numFmt = NUM_FMT.date!;

  const series = wb.addWorksheet(x.sheets.series);
  series.columns = [
    { header: x.from, key: "from", width: 12 },
    { header: x.to, key: "to", width: 12 },
    { header: x.recoveredAmount, key: "recovered", width: 16 },
  ];
  for (const p of r.series.points)
    series.addRow({ from: dateCell(p.start), to: dateCell(p.end), recovered: eur(p.cents) });
  series.getColumn("from").numFmt = NUM_FMT.date!;
  series.getColumn("to").numFmt = NUM_FMT.date!;
  money(series, ["recovered"]);

  for (const ws of wb.worksheets) ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** JSON for other tools: the report as computed (money in integer cents, dates YYYY-MM-DD). */
export function reportJson(r: Report): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}
