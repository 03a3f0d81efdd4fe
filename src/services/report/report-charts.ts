import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type * as vega from "vega";
import type { TopLevelSpec } from "vega-lite";
import { formatDateCompact, type Locale } from "../../domain/calendar";
import { AGING_KEYS, type Report } from "../../domain/kpi";
import { formatEuro } from "../../domain/money";
import { messages } from "../../i18n";
import { number } from "../../i18n/format";

/** One chart ready to upload. */
export interface Chart {
  filename: string;
  title: string;
  altText: string;
  png: Buffer;
}

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 500;

// DejaVu Sans from the dejavu-fonts-ttf package: the same glyphs on every machine, with or without system fonts
// (resvg needs TTF/OTF files; it draws no text without a font).
const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const FONT_FILES = [join(FONT_DIR, "DejaVuSans.ttf"), join(FONT_DIR, "DejaVuSans-Bold.ttf")];
const FONT = "DejaVu Sans";

// d3-format locale specs (the View turns them into formatters; its typings only name the formatters)
const NUMBER_LOCALE: Record<
  Locale,
  { decimal: string; thousands: string; grouping: number[]; currency: [string, string] }
> = {
  it: { decimal: ",", thousands: ".", grouping: [3], currency: ["€ ", ""] },
  en: { decimal: ".", thousands: ",", grouping: [3], currency: ["€", ""] },
};

const AGING_COLORS = ["#4c9f70", "#e9c46a", "#f4a261", "#e76f51", "#b5342a"];

/** Renders a Vega-Lite spec to a PNG of exactly `width` x `height` pixels, without a browser. */
export async function renderVegaLite(
  spec: TopLevelSpec,
  locale: Locale,
  size: { width: number; height: number } = { width: CHART_WIDTH, height: CHART_HEIGHT },
): Promise<Buffer> {
  const full = {
    ...spec,
    width: size.width,
    height: size.height,
    autosize: { type: "fit", contains: "padding" },
    background: "white",
    padding: 16,
    config: {
      font: FONT,
      title: { fontSize: 28, fontWeight: "bold", anchor: "start", offset: 16 },
      axis: { labelFontSize: 20, titleFontSize: 20, labelColor: "#333", gridColor: "#e6e6e6" },
      legend: { labelFontSize: 20, titleFontSize: 20 },
      view: { stroke: null },
    },
  } as TopLevelSpec;
  // loaded on first use, not at start-up (npm start, the CLI)
  const [vegaLib, { compile }, { Resvg }] = await Promise.all([
    import("vega"),
    import("vega-lite"),
    import("@resvg/resvg-js"),
  ]);
  const compiled = compile(full, { logger: silentLogger() }).spec;
  const view = new vegaLib.View(vegaLib.parse(compiled), {
    renderer: "none",
    logLevel: vegaLib.None,
    locale: { number: NUMBER_LOCALE[locale] } as unknown as vega.ViewOptions["locale"],
  });
  try {
    const svg = await view.toSVG();
    const png = new Resvg(svg, {
      font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT },
      fitTo: { mode: "width", value: size.width },
      background: "white",
    })
      .render()
      .asPng();
    return Buffer.from(png);
  } finally {
    view.finalize();
  }
}

/** The three charts of the report: aging bars, recovered money over time, promises by outcome. */
export async function renderReportCharts(report: Report, locale: Locale): Promise<Chart[]> {
  const t = messages(locale).report;
  const euro = (cents: number) => formatEuro(cents, locale);
  const stamp = `${report.period.from}_${report.period.to}`;

  const agingData = report.position.aging.map((b, i) => ({
    label: t.agingKeys[b.key] ?? b.key,
    order: i,
    euros: b.cents / 100,
    text: euro(b.cents),
    color: AGING_COLORS[AGING_KEYS.indexOf(b.key)],
  }));
  const aging = await renderVegaLite(barSpec(t.chart.agingTitle, agingData, "$,.0f"), locale);

  const seriesData = report.series.points.map((p, i) => ({
    label: report.series.unit === "week" ? formatDateCompact(p.start, locale) : monthLabel(p.start, locale),
    order: i,
    euros: p.cents / 100,
    text: p.cents > 0 ? euroShort(p.cents, locale) : "",
    color: "#2a6f97",
  }));
  const recoveredTitle =
    report.series.unit === "week" ? t.chart.recoveredTitleWeek : t.chart.recoveredTitleMonth;
  const recovered = await renderVegaLite(
    barSpec(recoveredTitle, seriesData, "$,.0f", report.series.unit === "week" ? -45 : 0),
    locale,
  );

  const pr = report.promises;
  const promiseData = [
    { label: t.chart.kept, n: pr.kept, color: "#4c9f70" },
    { label: t.chart.partial, n: pr.partial, color: "#e9c46a" },
    { label: t.chart.broken, n: pr.broken, color: "#b5342a" },
    { label: t.chart.open, n: pr.open, color: "#8d99ae" },
  ].map((d, i) => ({ label: d.label, order: i, euros: d.n, text: String(d.n), color: d.color }));
  const promises = await renderVegaLite(barSpec(t.chart.promisesTitle, promiseData, "d"), locale);

  const describe = (rows: { label: string; text: string }[]) =>
    rows.map((r) => `${r.label}: ${r.text || "0"}`).join("; ");
  return [
    {
      filename: `${t.chart.aging}-${stamp}.png`,
      title: t.chart.agingTitle,
      altText: describe(agingData),
      png: aging,
    },
    {
      filename: `${t.chart.recovered}-${stamp}.png`,
      title: recoveredTitle,
      altText: describe(seriesData),
      png: recovered,
    },
    {
      filename: `${t.chart.promises}-${stamp}.png`,
      title: t.chart.promisesTitle,
      altText: describe(promiseData),
      png: promises,
    },
  ];
}

interface Bar {
  label: string;
  order: number;
  euros: number;
  text: string;
  color: string | undefined;
}

function barSpec(title: string, values: Bar[], axisFormat: string, labelAngle = 0): TopLevelSpec {
  const max = Math.max(1, ...values.map((v) => v.euros));
  return {
    title,
    data: { values },
    encoding: {
      x: {
        field: "label",
        type: "nominal",
        sort: { field: "order", op: "min" },
        title: null,
        axis: { labelAngle, labelFontSize: values.length > 8 ? 16 : 20, labelLimit: 400 },
      },
      y: {
        field: "euros",
        type: "quantitative",
        title: null,
        scale: { domain: [0, max * 1.18] },
        axis: { format: axisFormat, tickCount: 5, labelFontSize: 18 },
      },
    },
    layer: [
      {
        mark: { type: "bar", cornerRadiusEnd: 4 },
        encoding: { color: { field: "color", type: "nominal", scale: null } },
      },
      {
        mark: {
          type: "text",
          dy: -14,
          fontSize: values.length > 8 ? 14 : 20,
          fontWeight: "bold",
          color: "#222",
        },
        encoding: { text: { field: "text", type: "nominal" } },
      },
    ],
  } as TopLevelSpec;
}

/** "€ 12,3k" style labels for crowded bars. */
function euroShort(cents: number, locale: Locale): string {
  const euros = cents / 100;
  if (euros < 10_000) return formatEuro(Math.round(euros) * 100, locale).replace(/[.,]00$/, "");
  const k = Math.round(euros / 100) / 10;
  const text = number(k, locale);
  return locale === "it" ? `€ ${text}k` : `€${text}k`;
}

/** "nov 26" */
function monthLabel(day: string, locale: Locale): string {
  return `${formatDateCompact(day, locale).split(" ")[1]} ${day.slice(2, 4)}`;
}

function silentLogger(): vega.LoggerInterface {
  const logger: vega.LoggerInterface = {
    level: () => logger,
    error: () => logger,
    warn: () => logger,
    info: () => logger,
    debug: () => logger,
  } as unknown as vega.LoggerInterface;
  return logger;
}
