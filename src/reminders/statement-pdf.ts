import { daysBetween, formatDateShort, type IsoDate } from "../domain/calendar";
import { formatEuro } from "../domain/money";
import {
  type Creditor,
  epcQrPayload,
  formatIban,
  invoiceLabel,
  paymentCausale,
  type ReminderFigures,
  type ReminderInvoice,
} from "../domain/reminder";
import { type Locale, messages } from "../i18n";
import type { ReminderMessages } from "../i18n/reminders";
import { halfYearLabel } from "../services/cases/dossier";
import { CONTENT_WIDTH, ensureSpace, MARGIN, pdfSafe, table } from "../services/cases/dossier-pdf";

export interface StatementInput {
  today: IsoDate;
  creditor: Creditor;
  customer: { name: string; vatNumber: string | null; address: string | null };
  invoices: readonly ReminderInvoice[];
  figures: ReminderFigures;
  /** false for the courteous steps: the statement then lists capital only */
  chargesInterest: boolean;
  /** a letter to print comes first, the statement follows on its own page */
  letter?: { subject: string; body: string; medium: "pec" | "letter" };
}

/**
 * The statement of account ("estratto conto") attached to every reminder, and for a letter step the letter
 * itself before it: the creditor's letterhead, the customer, one row per invoice with days late and
 * interest, the totals, how to pay (beneficiary, IBAN, causale) and the EPC QR code banking apps read.
 * Helvetica, A4, deterministic (the creation date is the reminder's day).
 */
export async function renderStatementPdf(
  s: StatementInput,
  t: ReminderMessages,
  locale: Locale,
): Promise<Buffer> {
  const p = t.pdf;
  const euro = (c: number) => formatEuro(c, locale);
  const date = (d: string) => formatDateShort(d, locale);
  const causale = paymentCausale(s.invoices, locale);
  const qrText = epcQrPayload({
    name: s.creditor.name,
    iban: s.creditor.iban,
    amountCents: s.figures.totalCents,
    causale,
  });
  // loaded on first use, not at start-up
  const [{ default: PDFDocument }, { default: QRCode }] = await Promise.all([
    import("pdfkit"),
    import("qrcode"),
  ]);
  const qr = qrText
    ? await QRCode.toBuffer(qrText, { type: "png", errorCorrectionLevel: "M", margin: 1, scale: 4 })
    : null;

  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: `${p.statementTitle(date(s.today))} - ${s.customer.name}`,
      Author: s.creditor.name,
      CreationDate: new Date(`${s.today}T12:00:00Z`),
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const sheet: Sheet = {
    doc,
    s,
    p,
    euro,
    date,
    bankCosts: messages(locale).costs.statement,
    text: (x, opts = {}) => doc.text(pdfSafe(x), MARGIN, doc.y, { width: CONTENT_WIDTH, ...opts }),
  };
  if (s.letter) letterPages(sheet, s.letter);
  letterhead(sheet);
  doc.font("Helvetica-Bold").fontSize(15);
  sheet.text(p.statementTitle(date(s.today)));
  doc.moveDown(0.6);
  invoiceTable(sheet);
  doc.moveDown(0.6);
  totals(sheet);
  payBox(sheet, causale, qr);
  footer(sheet);
  doc.end();
  return done;
}

/** The document and what its parts are drawn from. */
interface Sheet {
  doc: PDFKit.PDFDocument;
  s: StatementInput;
  p: ReminderMessages["pdf"];
  euro: (c: number) => string;
  date: (d: string) => string;
  /** the label of the case's bank fees (the costs catalogue) */
  bankCosts: string;
  /** a paragraph across the page */
  text: (x: string, opts?: PDFKit.Mixins.TextOptions) => PDFKit.PDFDocument;
}

/** The creditor's name and address on top, the customer's block on the right. */
function letterhead({ doc, s, p }: Sheet): void {
  doc.font("Helvetica-Bold").fontSize(13).fillColor("#1a1a1a").text(pdfSafe(s.creditor.name), MARGIN, MARGIN);
  doc
    .font("Helvetica")
    .fontSize(9)
    .fillColor("#555555")
    .text(pdfSafe(`${s.creditor.address} · ${p.vat} ${s.creditor.vatNumber}`))
    .fillColor("#1a1a1a");
  doc.moveDown(1.5);
  const x = MARGIN + CONTENT_WIDTH / 2;
  const top = doc.y;
  doc
    .font("Helvetica")
    .fontSize(10)
    .text(pdfSafe(p.to), x, top, { width: CONTENT_WIDTH / 2 });
  doc.font("Helvetica-Bold").text(pdfSafe(s.customer.name), x, doc.y, { width: CONTENT_WIDTH / 2 });
  doc.font("Helvetica");
  if (s.customer.address) doc.text(pdfSafe(s.customer.address), x, doc.y, { width: CONTENT_WIDTH / 2 });
  if (s.customer.vatNumber)
    doc.text(pdfSafe(`${p.vat} ${s.customer.vatNumber}`), x, doc.y, { width: CONTENT_WIDTH / 2 });
  doc.moveDown(1.5);
  doc.x = MARGIN;
}

/** A letter to print: letterhead, how it is sent, place and date, subject, body; the statement follows. */
function letterPages(sheet: Sheet, letter: NonNullable<StatementInput["letter"]>): void {
  const { doc, s, p, date, text } = sheet;
  letterhead(sheet);
  doc.font("Helvetica").fontSize(10);
  text(letter.medium === "pec" ? p.byPec : p.byLetter);
  text(p.letterPlace(date(s.today)));
  doc.moveDown(0.8);
  doc.font("Helvetica-Bold");
  text(`${p.subject}: ${letter.subject}`);
  doc.font("Helvetica").moveDown(0.8);
  const paras = letter.body.split(/\n{2,}/);
  // the template's recipient block ("Spettabile ...", address, VAT) is already printed beside the letterhead
  const recipient = s.customer.address;
  if (paras[0] && recipient && paras[0].includes(recipient)) paras.shift();
  for (const para of paras) {
    ensureSpace(doc, 30);
    text(para, { align: "left" });
    doc.moveDown(0.6);
  }
  doc.addPage();
}

/** One row per invoice with days late; with interest when the step charges it. */
function invoiceTable({ doc, s, p, euro, date }: Sheet): void {
  const results = s.figures.interest.results;
  if (s.chargesInterest) {
    table(
      doc,
      p.head,
      [0.22, 0.14, 0.14, 0.1, 0.2, 0.2],
      s.invoices.map((inv, i) => [
        invoiceLabel(inv),
        date(inv.issueDate),
        date(inv.dueDate),
        String(Math.max(0, daysBetween(inv.dueDate, s.today))),
        euro(inv.openCents),
        euro(results[i]?.interestCents ?? 0),
      ]),
      [false, false, false, true, true, true],
    );
  } else {
    table(
      doc,
      p.headShort,
      [0.28, 0.17, 0.17, 0.18, 0.2],
      s.invoices.map((inv) => [
        invoiceLabel(inv),
        date(inv.issueDate),
        date(inv.dueDate),
        String(Math.max(0, daysBetween(inv.dueDate, s.today))),
        euro(inv.openCents),
      ]),
      [false, false, false, true, true],
    );
  }
}

/** Overdue, interest and recovery costs (when charged), the total; the note on the rates. */
function totals(sheet: Sheet): void {
  const { doc, s, p, euro, date, text } = sheet;
  const total = (label: string, value: string, bold = false) => {
    ensureSpace(doc, 16);
    const y = doc.y;
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(10);
    doc.text(pdfSafe(label), MARGIN, y, { width: CONTENT_WIDTH * 0.75 });
    const after = doc.y;
    doc.text(pdfSafe(value), MARGIN + CONTENT_WIDTH * 0.75, y, {
      width: CONTENT_WIDTH * 0.25,
      align: "right",
    });
    doc.y = Math.max(after, doc.y) + 2;
    doc.x = MARGIN;
  };
  total(p.overdue, euro(s.figures.overdueCents));
  if (s.chargesInterest) {
    total(p.interest(date(s.today)), euro(s.figures.interestCents));
    total(p.costs(s.figures.interest.lateInvoices), euro(s.figures.recoveryCostCents));
    if (s.figures.bankCostsCents > 0) total(sheet.bankCosts, euro(s.figures.bankCostsCents));
  }
  total(p.total, euro(s.figures.totalCents), true);
  if (s.chargesInterest) {
    doc.moveDown(0.4).font("Helvetica").fontSize(8).fillColor("#555555");
    text(p.rateNote);
    if (s.figures.interest.missingPeriods.length > 0)
      text(p.lastKnownRate(s.figures.interest.missingPeriods.map(halfYearLabel).join(", ")));
    doc.fillColor("#1a1a1a").fontSize(10);
  }
}

/** How to pay (beneficiary, IBAN, causale, amount) in a box, with the EPC QR code on the right. */
function payBox({ doc, s, p, euro }: Sheet, causale: string, qr: Buffer | null): void {
  ensureSpace(doc, 150);
  doc.moveDown(1);
  const boxTop = doc.y;
  doc
    .font("Helvetica-Bold")
    .fontSize(11)
    .text(pdfSafe(p.payTitle), MARGIN + 10, boxTop + 10);
  const field = (label: string, value: string) => {
    doc
      .font("Helvetica-Bold")
      .fontSize(10)
      .text(pdfSafe(`${label}: `), MARGIN + 10, doc.y, {
        continued: true,
        width: CONTENT_WIDTH - 140,
      });
    doc.font("Helvetica").text(pdfSafe(value));
  };
  doc.moveDown(0.3);
  field(p.beneficiary, s.creditor.name);
  field(p.iban, formatIban(s.creditor.iban));
  field(p.causale, causale);
  field(p.amount, euro(s.figures.totalCents));
  let boxBottom = doc.y + 10;
  if (qr) {
    const size = 110;
    doc.image(qr, MARGIN + CONTENT_WIDTH - size - 10, boxTop + 10, { width: size, height: size });
    doc
      .font("Helvetica")
      .fontSize(7)
      .fillColor("#555555")
      .text(pdfSafe(p.qr), MARGIN + CONTENT_WIDTH - size - 20, boxTop + size + 14, {
        width: size + 20,
        align: "center",
      })
      .fillColor("#1a1a1a");
    boxBottom = Math.max(boxBottom, doc.y + 6);
  }
  doc
    .rect(MARGIN, boxTop, CONTENT_WIDTH, boxBottom - boxTop)
    .strokeColor("#999999")
    .lineWidth(0.7)
    .stroke();
  doc.y = boxBottom + 10;
  doc.x = MARGIN;
}

/** "Creditor · page n of N" at the foot of every page. */
function footer({ doc, s, p }: Sheet): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0; // the footer sits below the margin: no new page for it
    doc
      .font("Helvetica")
      .fontSize(8)
      .fillColor("#777777")
      .text(pdfSafe(`${s.creditor.name} · ${p.page(i + 1, range.count)}`), MARGIN, doc.page.height - 35, {
        width: CONTENT_WIDTH,
        align: "center",
        lineBreak: false,
      });
  }
}
