import { formatDateShort } from "../../domain/calendar";
import { formatEuro } from "../../domain/money";
import type { Locale, Messages } from "../../i18n";
import { contactNotes } from "../../i18n/contact-notes";
import { type DossierData, halfYearLabel } from "./dossier";

export const MARGIN = 50;
const PAGE_WIDTH = 595.28; // A4
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

/**
 * Renders the dossier as an A4 PDF (pdfkit, standard Helvetica: no font files needed). The creation
 * date is the dossier's date, so the same data gives the same document. One function per section.
 */
export async function renderDossierPdf(d: DossierData, t: Messages, locale: Locale): Promise<Buffer> {
  const s = t.dossier;
  const { default: PDFDocument } = await import("pdfkit"); // loaded on first use, not at start-up
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: `${s.title} - ${d.customer.name}`,
      Author: "Credito",
      CreationDate: new Date(`${d.generatedOn}T12:00:00Z`),
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const pen = penFor(doc, t, locale);
  for (const section of SECTIONS) section(pen, d);
  pageNumbers(doc, d, s);
  doc.end();
  return done;
}

/** The document and how the sections write in it: a heading, a "label: value" line, a paragraph. */
interface Pen {
  doc: PDFKit.PDFDocument;
  t: Messages;
  s: Messages["dossier"];
  locale: Locale;
  euro: (c: number) => string;
  date: (x: string) => string;
  heading: (text: string) => void;
  field: (label: string, value: string | null | undefined) => void;
  para: (text: string) => void;
}

function penFor(doc: PDFKit.PDFDocument, t: Messages, locale: Locale): Pen {
  const clean = (x: string) => pdfSafe(x);
  return {
    doc,
    t,
    s: t.dossier,
    locale,
    euro: (c) => formatEuro(c, locale),
    date: (x) => formatDateShort(x, locale),
    heading: (text) => {
      ensureSpace(doc, 60);
      doc
        .moveDown(0.8)
        .font("Helvetica-Bold")
        .fontSize(13)
        .fillColor("#1a1a1a")
        .text(clean(text), MARGIN, doc.y);
      doc.moveDown(0.3).font("Helvetica").fontSize(10);
    },
    field: (label, value) => {
      if (!value) return;
      doc
        .font("Helvetica-Bold")
        .text(`${clean(label)}: `, MARGIN, doc.y, { continued: true, width: CONTENT_WIDTH });
      doc.font("Helvetica").text(clean(value));
    },
    para: (text) => {
      doc.font("Helvetica").fontSize(10).text(clean(text), MARGIN, doc.y, { width: CONTENT_WIDTH });
    },
  };
}

const label = (i: { number: string; installment: number }) =>
  i.installment > 1 ? `${i.number}/${i.installment}` : i.number;

function titleSection({ doc, s, date }: Pen, d: DossierData): void {
  doc.font("Helvetica-Bold").fontSize(18).text(pdfSafe(s.title), MARGIN, MARGIN);
  doc
    .font("Helvetica")
    .fontSize(11)
    .text(pdfSafe(`${d.customer.name} (${d.customer.code})`));
  doc
    .fontSize(9)
    .fillColor("#555555")
    .text(pdfSafe(s.generated(date(d.generatedOn))))
    .fillColor("#1a1a1a")
    .fontSize(10);
}

function customerSection({ s, heading, field }: Pen, d: DossierData): void {
  heading(s.customer);
  const c = d.customer;
  field(s.customer, c.name);
  field(s.code, c.code);
  field(s.vat, c.vatNumber);
  field(s.taxCode, c.taxCode);
  const address = [
    c.address,
    [c.postalCode, c.city, c.province ? `(${c.province})` : null].filter(Boolean).join(" "),
  ]
    .filter(Boolean)
    .join(", ");
  field(s.address, address || null);
  const contacts = [c.phone, c.mobile, c.email, c.pec ? `PEC ${c.pec}` : null].filter(Boolean).join(" · ");
  field(s.contacts, contacts || null);
  field(s.salesperson, d.salesperson);
}

function positionSection({ s, t, euro, heading, field }: Pen, d: DossierData): void {
  heading(s.position);
  field(s.exposure, euro(d.openCents));
  field(s.overdue, euro(d.overdueCents));
  field(s.daysOverdue, String(d.daysOverdue));
  if (d.stage) field(s.stage, t.stage[d.stage] ?? d.stage);
}

function invoicesSection({ doc, s, euro, date, heading, para }: Pen, d: DossierData): void {
  heading(s.invoices);
  if (d.invoices.length === 0) {
    para(s.noInvoices);
    return;
  }
  table(
    doc,
    s.invoiceHead,
    [0.3, 0.15, 0.15, 0.2, 0.2],
    d.invoices.map((i) => [
      label(i),
      date(i.issueDate),
      date(i.dueDate),
      euro(i.amountCents),
      euro(i.openCents),
    ]),
    [false, false, false, true, true],
  );
}

/** Late interest by invoice and half-year segment; a rate not yet published is the last known, marked. */
function interestSection({ doc, s, t, locale, euro, date, heading, field, para }: Pen, d: DossierData): void {
  heading(s.interest);
  para(s.interestIntro(date(d.generatedOn)));
  doc.moveDown(0.4);
  const rows: string[][] = [];
  d.interest.results.forEach((r, idx) => {
    const inv = d.overdueInvoices[idx];
    for (const seg of r.segments) {
      rows.push([
        inv ? label(inv) : "",
        date(seg.from),
        date(seg.to),
        String(seg.days),
        `${formatRate(seg.ratePctBps, locale)}${seg.rateKnown ? "" : " *"}`,
        euro(seg.interestCents),
      ]);
    }
  });
  if (rows.length > 0)
    table(doc, s.interestHead, [0.22, 0.15, 0.15, 0.1, 0.16, 0.22], rows, [
      false,
      false,
      false,
      true,
      true,
      true,
    ]);
  doc.moveDown(0.4);
  field(s.interestTotal, euro(d.interest.interestCents));
  field(s.recoveryCost, euro(d.interest.recoveryCostCents));
  field(s.totalDue, euro(d.interest.totalCents));
  if (d.costs.totalCents > 0) {
    field(t.costs.incurred, euro(d.costs.totalCents));
    field(t.costs.claimable, euro(d.claimableCents));
  }
  doc.moveDown(0.3);
  para(
    d.interest.missingPeriods.length > 0
      ? `* ${s.lastKnownRate(d.interest.missingPeriods.map(halfYearLabel).join(", "))}`
      : s.allRatesKnown,
  );
}

/** What the company paid to recover the debt (D.Lgs. 231/2002 art. 6): date, what, amount, the total. */
function costsSection({ doc, t, euro, date, heading, field, para }: Pen, d: DossierData): void {
  const c = t.costs;
  heading(c.section);
  if (d.costs.lines.length === 0) {
    para(c.none);
    return;
  }
  table(
    doc,
    c.head,
    [0.2, 0.55, 0.25],
    d.costs.lines.map((l) => [
      date(l.date),
      l.note ? `${c.what[l.what]} (${l.note})` : c.what[l.what],
      euro(l.amountCents),
    ]),
    [false, false, true],
  );
  doc.moveDown(0.3);
  field(c.total, euro(d.costs.totalCents));
}

function historySection({ doc, s, t, locale, date, heading, para }: Pen, d: DossierData): void {
  heading(s.history);
  if (d.interactions.length === 0) para(s.noHistory);
  for (const i of d.interactions) {
    ensureSpace(doc, 40);
    const head = [
      date(i.date),
      t.channel[i.channel] ?? i.channel,
      t.outcome[i.outcome] ?? i.outcome,
      i.personReached,
      i.by,
    ]
      .filter(Boolean)
      .join(" · ");
    doc.font("Helvetica-Bold").text(pdfSafe(head), MARGIN, doc.y, { width: CONTENT_WIDTH });
    const notes = contactNotes(i, locale);
    if (notes) doc.font("Helvetica").text(pdfSafe(notes), MARGIN + 10, doc.y, { width: CONTENT_WIDTH - 10 });
    doc.moveDown(0.2);
  }
}

function promisesSection({ doc, s, t, euro, date, heading, para }: Pen, d: DossierData): void {
  heading(s.promises);
  if (d.promises.length === 0) {
    para(s.noPromises);
    return;
  }
  table(
    doc,
    s.promiseHead,
    [0.2, 0.25, 0.25, 0.3],
    d.promises.map((p) => [
      date(p.dueDate),
      euro(p.amountCents),
      euro(p.paidCents),
      t.promiseStatus[p.status] ?? p.status,
    ]),
    [false, true, true, false],
  );
}

function paymentsSection({ s, t, euro, date, heading, para }: Pen, d: DossierData): void {
  heading(s.payments);
  if (d.payments.length === 0) para(s.noPayments);
  for (const p of d.payments) {
    const method = p.method ? (t.costs.paymentMethod[p.method] ?? p.method) : null;
    // "banca:<movement key>" is Credito's own key of the bank movement: nothing a reader can look up
    const reference = p.reference?.startsWith("banca:") ? null : p.reference;
    para([date(p.date), euro(p.amountCents), method, reference].filter(Boolean).join(" · "));
  }
}

function documentsSection({ s, euro, date, heading, para }: Pen, d: DossierData): void {
  heading(s.documents);
  if (d.documents.length === 0) para(s.noDocuments);
  for (const x of d.documents) {
    para(
      [
        date(x.date),
        s.docKind[x.kind] ?? x.kind,
        x.signed ? s.signed : null,
        x.amountCents !== null ? euro(x.amountCents) : null,
        x.notes,
      ]
        .filter(Boolean)
        .join(" · "),
    );
  }
}

function noteSection({ s, heading, field, para }: Pen, d: DossierData): void {
  heading(s.note);
  if (!d.note.approach && !d.note.attention && !d.note.referencePerson) para(s.noNote);
  field(s.noteApproach, d.note.approach);
  field(s.noteAttention, d.note.attention);
  field(s.noteReference, d.note.referencePerson);
}

/** The dossier's sections, in the order they are printed. */
const SECTIONS: readonly ((pen: Pen, d: DossierData) => void)[] = [
  titleSection,
  customerSection,
  positionSection,
  invoicesSection,
  interestSection,
  costsSection,
  historySection,
  promisesSection,
  paymentsSection,
  documentsSection,
  noteSection,
];

/** "Customer · page n of N" at the foot of every page (the pages are buffered until the end). */
function pageNumbers(doc: PDFKit.PDFDocument, d: DossierData, s: Messages["dossier"]): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0; // the footer sits below the margin: pdfkit would open a page for it
    doc
      .font("Helvetica")
      .fontSize(8)
      .fillColor("#777777")
      .text(pdfSafe(`${d.customer.name} · ${s.page(i + 1, range.count)}`), MARGIN, doc.page.height - 35, {
        width: CONTENT_WIDTH,
        align: "center",
        lineBreak: false,
      });
  }
}

export function ensureSpace(doc: PDFKit.PDFDocument, needed: number): void {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
}

export function table(
  doc: PDFKit.PDFDocument,
  head: readonly string[],
  widths: readonly number[],
  rows: readonly string[][],
  right: readonly boolean[],
): void {
  const drawRow = (cells: readonly string[], bold: boolean) => {
    ensureSpace(doc, 18);
    const y = doc.y;
    let x = MARGIN;
    let maxY = y;
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(9);
    cells.forEach((cell, i) => {
      const w = (widths[i] ?? 0.1) * CONTENT_WIDTH;
      doc.text(pdfSafe(cell), x + 2, y, { width: w - 4, align: right[i] ? "right" : "left" });
      maxY = Math.max(maxY, doc.y);
      x += w;
    });
    doc.y = maxY + 2;
    doc.x = MARGIN;
  };
  drawRow(head, true);
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + CONTENT_WIDTH, doc.y)
    .strokeColor("#999999")
    .lineWidth(0.5)
    .stroke();
  doc.y += 2;
  for (const r of rows) drawRow(r, false);
  doc.fontSize(10);
}

/** 1015 bps -> "10,15%" (it) / "10.15%" (en). */
export function formatRate(bps: number, locale: Locale): string {
  const s = `${Math.floor(bps / 100)}${locale === "it" ? "," : "."}${String(bps % 100).padStart(2, "0")}%`;
  return s;
}

/** The standard PDF fonts speak WinAnsi: replace what they cannot draw (emoji, arrows) instead of garbling. */
export function pdfSafe(text: string): string {
  return text
    .replace(/→/g, "->")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[^\t\n\r -~\u00a0-\u00ff€…–—•·™‰]/gu, "");
}
