import { describe, expect, it } from "vitest";
import { parseCadence } from "../../src/domain/cadence";
import { textAction, textReason } from "../../src/domain/task-text";
import {
  computeTasks,
  DEFAULT_RULES,
  type DigestInput,
  groupTasksByKind,
  type Task,
  type TaskCustomer,
  type TaskInvoice,
  type TaskKind,
  type TaskPromise,
  type TaskRules,
  taskPriority,
  windowStart,
} from "../../src/domain/tasks";
import { renderAction, renderReason } from "../../src/i18n/tasks";

// The engine's reasons and actions are data; the Italian catalogue renders them as the digest shows them.
const said = (r: Task["reason"]) => renderReason(r, "it");
const act = (a: Task["action"]) => renderAction(a, "it");

// Tuesday 10 March 2026 unless a test says otherwise; Monday is 9 March.
const TUESDAY = "2026-03-10";
const MONDAY = "2026-03-09";

const customer = (id: number, extra: Partial<TaskCustomer> = {}): TaskCustomer => ({
  id,
  code: `C${id}`,
  name: `Cliente ${id}`,
  preserveRelationship: false,
  creditHold: false,
  ...extra,
});
const invoice = (customerId: number, dueDate: string, openCents: number, disputed = false): TaskInvoice => ({
  customerId,
  number: `F${customerId}-${dueDate}`,
  dueDate,
  openCents,
  disputed,
});
const openPromise = (
  id: number,
  customerId: number,
  dueDate: string,
  amountCents: number,
  paidCents = 0,
): TaskPromise => ({
  id,
  customerId,
  dueDate,
  amountCents,
  paidCents,
  status: "open",
});
const digest = (extra: Partial<DigestInput>): DigestInput => ({
  today: TUESDAY,
  customers: [],
  invoices: [],
  promises: [],
  callbacks: [],
  contacts: [],
  approvals: [],
  followups: [],
  refusals: [],
  ...extra,
});
const summary = (tasks: Task[]) => tasks.map((t) => [t.kind, t.customerCode]);
const ofKind = (tasks: Task[], kind: TaskKind) => tasks.filter((t) => t.kind === kind);

describe("windowStart", () => {
  it("is today on an ordinary weekday", () => {
    expect(windowStart(TUESDAY)).toBe(TUESDAY);
  });

  it("covers the weekend on Monday", () => {
    expect(windowStart(MONDAY)).toBe("2026-03-07");
  });

  it("covers Easter weekend and Pasquetta on the Tuesday after Easter", () => {
    expect(windowStart("2026-04-07")).toBe("2026-04-04");
  });

  it("covers a national holiday (Epiphany, Tuesday 6 January 2026) the day after", () => {
    expect(windowStart("2026-01-07")).toBe("2026-01-06");
  });

  it("covers a local patron saint's day", () => {
    // San Giuseppe, Thursday 19 March 2026, as a local holiday.
    expect(windowStart("2026-03-20", ["03-19"])).toBe("2026-03-19");
    expect(windowStart("2026-03-20")).toBe("2026-03-20");
  });
});

describe("taskPriority", () => {
  it("weighs the amount by the months of delay", () => {
    expect(taskPriority(5_000_000, 10)).toBeCloseTo(66_666.667, 2);
    expect(taskPriority(50_000, 90)).toBe(2_000);
    expect(taskPriority(500_000, 120)).toBe(25_000);
    expect(taskPriority(520_000, 5)).toBeCloseTo(6_066.667, 2);
  });

  it("puts € 50.000 at 10 days before € 500 at 90, and € 5.000 at 120 before € 5.200 at 5", () => {
    expect(taskPriority(5_000_000, 10)).toBeGreaterThan(taskPriority(50_000, 90));
    expect(taskPriority(500_000, 120)).toBeGreaterThan(taskPriority(520_000, 5));
  });
});

describe("broken_promise", () => {
  // € 1.500,00 overdue since 20 Feb (18 days); promised for Friday 6 March, tolerance until Sunday 8 March.
  const base = digest({
    customers: [customer(1, { assignee: "Anna", assigneeSlackId: "U_ANNA" })],
    invoices: [invoice(1, "2026-02-20", 150_000)],
    promises: [openPromise(11, 1, "2026-03-06", 150_000)],
    contacts: [{ customerId: 1, date: "2026-03-02", channel: "phone", outcome: "promise" }],
  });

  it("is the only chase task of the customer, with every field", () => {
    expect(computeTasks(base)).toEqual([
      {
        kind: "broken_promise",
        customerId: 1,
        customerCode: "C1",
        customerName: "Cliente 1",
        amountCents: 150_000,
        daysOverdue: 18,
        reason: { code: "promise_broken", amountCents: 150_000, due: "2026-03-06" },
        action: { code: "call_for_promise" },
        assignee: "Anna",
        assigneeSlackId: "U_ANNA",
        preserveRelationship: false,
        notifySlackIds: [],
        priority: 2_400, // 1.500 x (1 + 18/30)
        lastContact: { date: "2026-03-02", channel: "phone", outcome: "promise" },
        refId: 11,
        overdueCents: 150_000,
        channel: "phone",
      },
    ]);
    const [task] = computeTasks(base);
    expect([said(task!.reason), act(task!.action)]).toEqual([
      "Promessa di € 1.500,00 del 6 mar non mantenuta",
      "Chiamare subito e chiedere il pagamento promesso",
    ]);
    expect([renderReason(task!.reason, "en"), renderAction(task!.action, "en")]).toEqual([
      "Promise of €1,500.00 due 6 Mar not kept",
      "Call now and ask for the promised payment",
    ]);
  });

  it("asks for the rest of a partially kept promise", () => {
    const partial = {
      ...base,
      promises: [{ ...openPromise(11, 1, "2026-03-06", 150_000, 50_000), status: "partial" as const }],
    };
    const [task] = computeTasks(partial);
    expect(task).toMatchObject({ kind: "broken_promise", amountCents: 100_000 });
    expect([said(task!.reason), act(task!.action)]).toEqual([
      "Promessa di € 1.500,00 del 6 mar mantenuta in parte: mancano € 1.000,00",
      "Chiamare subito e chiedere il saldo",
    ]);
  });

  it("evaluates a still-open promise with a partial payment as partial", () => {
    const [task] = computeTasks({ ...base, promises: [openPromise(11, 1, "2026-03-06", 150_000, 40_000)] });
    expect(task && said(task.reason)).toBe(
      "Promessa di € 1.500,00 del 6 mar mantenuta in parte: mancano € 1.100,00",
    );
  });

  it("is the top priority of the morning after the tolerance window, not before", () => {
    // Due Monday 9 March, tolerance until Wednesday 11: on Tuesday the promise is running and pauses the
    // routine chase (the cadence step at +15 would otherwise be due).
    expect(computeTasks({ ...base, promises: [openPromise(11, 1, "2026-03-09", 150_000)] })).toEqual([]);
    const thursday = computeTasks({
      ...base,
      today: "2026-03-12",
      promises: [openPromise(11, 1, "2026-03-09", 150_000)],
    });
    expect(summary(thursday)).toEqual([["broken_promise", "C1"]]);
  });

  it("stops once a contact is logged after the deadline; routine chasing takes over", () => {
    const contacted = {
      ...base,
      contacts: [
        ...base.contacts,
        { customerId: 1, date: "2026-03-09", channel: "phone", outcome: "no_answer" },
      ],
    };
    // Issue 13: escalation follows what was done. Two calls were made (2 and 9 March) but no email was
    // sent: the courtesy email is the next step (the +15 call is not proposed before it).
    expect(computeTasks(contacted).map((t) => [t.kind, said(t.reason)])).toEqual([
      ["cadence", "Email di cortesia"],
    ]);
  });

  it("is not raised when the promise was kept (chasing resumes with the cadence)", () => {
    const kept = { ...base, promises: [openPromise(11, 1, "2026-03-06", 150_000, 150_000)] };
    expect(summary(computeTasks(kept))).toEqual([["cadence", "C1"]]);
  });

  it("is not raised when nothing is overdue any more", () => {
    expect(computeTasks({ ...base, invoices: [invoice(1, "2026-02-20", 0)] })).toEqual([]);
  });

  it("is held back by a snooze until the snooze ends", () => {
    const snoozed = (until: string) => ({ ...base, customers: [customer(1, { snoozedUntil: until })] });
    expect(computeTasks(snoozed("2026-03-11"))).toEqual([]);
    expect(summary(computeTasks(snoozed(TUESDAY)))).toEqual([["broken_promise", "C1"]]);
  });
});

describe("promise_due on Monday covers the weekend", () => {
  const monday = digest({
    today: MONDAY,
    customers: [customer(2), customer(3), customer(4), customer(5)],
    invoices: [
      invoice(2, "2026-03-02", 80_000),
      invoice(3, "2026-03-02", 50_000),
      invoice(4, "2026-03-02", 60_000),
      invoice(5, "2026-03-02", 70_000),
    ],
    promises: [
      openPromise(21, 2, "2026-03-07", 80_000), // Saturday
      openPromise(23, 3, "2026-03-09", 40_000, 10_000), // today, € 100 already paid
      openPromise(24, 4, "2026-03-06", 60_000), // Friday: shown on Friday, tolerance over by Monday
      openPromise(25, 5, "2026-03-10", 70_000), // tomorrow
    ],
  });
  const tasks = computeTasks(monday);

  it("lists Saturday's and today's promises, breaks Friday's and waits for tomorrow's", () => {
    expect(summary(tasks)).toEqual([
      ["broken_promise", "C4"],
      ["promise_due", "C2"],
      ["promise_due", "C3"],
    ]);
  });

  it("says when the promise fell due and until when the payment counts", () => {
    expect(
      ofKind(tasks, "promise_due").map((t) => [t.amountCents, said(t.reason), act(t.action), t.refId]),
    ).toEqual([
      [
        80_000,
        "Promessa di € 800,00 in scadenza il 7 mar",
        "Verificare l'incasso (tolleranza fino al 9 mar)",
        21,
      ],
      [
        30_000,
        "Promessa di € 300,00 in scadenza oggi",
        "Verificare l'incasso (tolleranza fino all'11 mar)",
        23,
      ],
    ]);
  });
});

describe("callback", () => {
  const base = digest({
    customers: [
      customer(6, { assignee: "Anna", assigneeSlackId: "U_ANNA" }),
      customer(7, { assignee: "Anna", assigneeSlackId: "U_ANNA" }),
      customer(8),
    ],
    invoices: [invoice(6, "2026-03-09", 900_000), invoice(7, "2026-03-09", 100_000)],
    callbacks: [
      { id: 31, customerId: 6, date: TUESDAY, time: "15:00", memberSlackId: "U_LUCA" },
      {
        id: 32,
        customerId: 7,
        date: TUESDAY,
        time: "09:30",
        memberSlackId: "U_ANNA",
        note: "chiedere di Bianchi",
      },
      { id: 33, customerId: 8, date: "2026-03-11", time: "09:00" }, // tomorrow
      { id: 34, customerId: 8, date: MONDAY, time: "09:00" }, // yesterday's digest
    ],
  });
  const tasks = computeTasks(base);

  it("lists today's callbacks only, with time, and routes them to whoever booked them", () => {
    expect(
      tasks.map((t) => [
        t.customerCode,
        t.time,
        said(t.reason),
        act(t.action),
        t.assignee,
        t.assigneeSlackId,
        t.refId,
      ]),
    ).toEqual([
      // the time is said once, in the action (issue 13)
      ["C6", "15:00", "Richiamata fissata", "Richiamare alle 15:00", undefined, "U_LUCA", 31],
      ["C7", "09:30", "chiedere di Bianchi", "Richiamare alle 09:30", "Anna", "U_ANNA", 32],
    ]);
  });

  it("is shown by time within its section", () => {
    expect(groupTasksByKind(tasks)).toEqual([{ kind: "callback", tasks: [tasks[1], tasks[0]] }]);
  });

  it("on Monday includes the weekend's callbacks, one per customer (the earliest)", () => {
    const monday = computeTasks(
      digest({
        today: MONDAY,
        customers: [customer(8)],
        callbacks: [
          { id: 35, customerId: 8, date: MONDAY, time: "09:00" },
          { id: 36, customerId: 8, date: "2026-03-08", time: "11:00" },
          { id: 37, customerId: 8, date: "2026-03-08", time: "10:00" },
        ],
      }),
    );
    expect(
      monday.map((t) => [t.kind, t.refId, said(t.reason), act(t.action), t.amountCents, t.daysOverdue]),
    ).toEqual([
      ["callback", 37, "Richiamata fissata l'8 mar alle 10:00", "Richiamare appena possibile", 0, 0],
    ]);
  });
});

describe("Tuesday after Easter (Pasquetta, Monday 6 April 2026, has no digest)", () => {
  const tasks = computeTasks(
    digest({
      today: "2026-04-07",
      customers: [customer(1), customer(2), customer(3)],
      invoices: [
        invoice(1, "2026-04-01", 10_000),
        invoice(2, "2026-04-01", 20_000),
        invoice(3, "2026-04-01", 30_000),
      ],
      promises: [
        openPromise(1, 1, "2026-04-06", 10_000), // Pasquetta
        openPromise(2, 2, "2026-04-03", 20_000), // Good Friday, tolerance over on Easter Sunday
      ],
      callbacks: [{ id: 3, customerId: 3, date: "2026-04-04", time: "09:30" }], // Easter Saturday
    }),
  );

  it("covers Saturday to Tuesday", () => {
    expect(tasks.map((t) => [t.kind, t.customerCode, said(t.reason)])).toEqual([
      ["broken_promise", "C2", "Promessa di € 200,00 del 3 apr non mantenuta"],
      ["callback", "C3", "Richiamata fissata il 4 apr alle 09:30"],
      ["promise_due", "C1", "Promessa di € 100,00 in scadenza il 6 apr"],
    ]);
  });
});

describe("credit_hold and credit_release", () => {
  const tasks = computeTasks(
    digest({
      customers: [
        customer(9, { preserveRelationship: true, salesperson: "Marco Neri", salespersonSlackId: "U_MARCO" }),
        customer(10),
        customer(11, { creditHold: true }),
        customer(12, { creditHold: true, caseStage: "legal" }),
        customer(13, { creditHold: true }),
      ],
      invoices: [
        invoice(9, "2026-02-07", 250_000), // 31 days: beyond 30
        invoice(10, "2026-02-08", 100_000), // 30 days: not more than 30
        invoice(11, "2026-01-20", 0), // paid
        invoice(11, "2026-03-01", 20_000), // 9 days
        invoice(13, "2026-01-20", 40_000, true), // disputed: does not count
      ],
      contacts: [
        { customerId: 9, date: TUESDAY, channel: "pec", outcome: "sent" },
        { customerId: 10, date: TUESDAY, channel: "pec", outcome: "sent" },
        { customerId: 11, date: TUESDAY, channel: "email", outcome: "sent" },
      ],
    }),
  );

  it("suspends beyond 30 days, releases when cleared, not while the lawyer has the case", () => {
    // (a PEC alone does not do the courtesy call any more, so cadence tasks ride along: only credit ones here)
    const credit = tasks.filter((t) => t.kind === "credit_hold" || t.kind === "credit_release");
    expect(credit.map((t) => [t.kind, t.customerCode, t.amountCents, said(t.reason), act(t.action)])).toEqual(
      [
        [
          "credit_hold",
          "C9",
          250_000,
          "Fattura scaduta da 31 giorni (soglia 30): fido ancora attivo (cliente da preservare: sentire prima Marco Neri)",
          "Sospendere il fido",
        ],
        [
          "credit_release",
          "C11",
          20_000,
          "Fido sospeso, nessuna fattura scaduta da oltre 30 giorni",
          "Riattivare il fido",
        ],
        [
          "credit_release",
          "C13",
          0,
          "Fido sospeso, nessuna fattura scaduta da oltre 30 giorni",
          "Riattivare il fido",
        ],
      ],
    );
  });

  it("routes relationship-preservation customers to their salesperson", () => {
    expect(tasks.find((t) => t.kind === "credit_hold")).toMatchObject({
      preserveRelationship: true,
      notifySlackIds: ["U_MARCO"],
    });
  });
});

describe("agency_ready", () => {
  const tasks = computeTasks(
    digest({
      customers: [
        customer(13),
        customer(14),
        customer(15, { caseStage: "agency" }),
        customer(16),
        customer(17, { disputed: true }),
      ],
      // 24 January is 45 days before 10 March; 25 January is 44.
      invoices: [
        invoice(13, "2026-01-24", 300_000),
        invoice(14, "2026-01-25", 300_000),
        invoice(15, "2026-01-24", 300_000),
        invoice(16, "2026-01-24", 300_000),
        invoice(17, "2026-01-24", 300_000),
      ],
      approvals: [{ id: 41, customerId: 16, kind: "agency", requestedOn: "2026-03-06" }],
    }),
  );

  it("is raised at the threshold, not before, nor when already external, pending or disputed", () => {
    expect(
      ofKind(tasks, "agency_ready").map((t) => [
        t.customerCode,
        t.daysOverdue,
        said(t.reason),
        act(t.action),
      ]),
    ).toEqual([
      [
        "C13",
        45,
        "Pronta per l'agenzia: 45 giorni di ritardo (soglia 45)",
        "Preparare il dossier e chiedere l'approvazione",
      ],
    ]);
  });

  it("coexists with the credit hold and the chase of the same customer, in kind order", () => {
    expect(summary(tasks.filter((t) => t.customerId === 13))).toEqual([
      ["cadence", "C13"],
      ["credit_hold", "C13"],
      ["agency_ready", "C13"],
    ]);
  });

  it("stops routine chasing once the agency has the case, and for a disputing customer", () => {
    expect(summary(tasks.filter((t) => t.customerId === 15 || t.customerId === 17))).toEqual([
      ["credit_hold", "C15"],
      ["credit_hold", "C17"],
    ]);
  });
});

describe("legal_ready and approval_pending", () => {
  const tasks = computeTasks(
    digest({
      customers: [customer(20), customer(21), customer(22, { caseStage: "legal" }), customer(23)],
      invoices: [invoice(20, "2026-03-05", 80_000), invoice(23, "2026-03-05", 60_000)],
      refusals: [
        { customerId: 20, date: "2026-03-02" },
        { customerId: 20, date: "2026-03-05" },
        { customerId: 21, date: "2026-03-05" },
        { customerId: 22, date: "2026-03-05" },
      ],
      approvals: [
        { id: 51, customerId: 21, kind: "legal", requestedOn: "2026-03-06" },
        { id: 52, customerId: 23, kind: "settlement", requestedOn: "2026-03-04", amountCents: 30_000 },
        { id: 53, customerId: 23, kind: "write_off", requestedOn: "2026-03-04" },
      ],
    }),
  );

  it("sends the latest refusal to the lawyer unless already there or pending approval", () => {
    expect(
      ofKind(tasks, "legal_ready").map((t) => [t.customerCode, t.amountCents, said(t.reason), act(t.action)]),
    ).toEqual([
      [
        "C20",
        80_000,
        "Rifiuto di pagare del 5 mar: proposta di passaggio al legale",
        "Chiedere l'approvazione per il passaggio al legale",
      ],
    ]);
  });

  it("lists each pending approval with its own amount, else the overdue", () => {
    expect(
      ofKind(tasks, "approval_pending").map((t) => [t.customerCode, t.amountCents, said(t.reason), t.refId]),
    ).toEqual([
      ["C23", 60_000, "Richiesta di passaggio a perdita del 4 mar in attesa del titolare", 53],
      [
        "C23",
        30_000,
        "Richiesta di saldo e stralcio (incasso € 300,00) del 4 mar in attesa del titolare",
        52,
      ],
      ["C21", 0, "Richiesta di passaggio al legale del 6 mar in attesa del titolare", 51],
    ]);
    expect(act(ofKind(tasks, "approval_pending")[0]!.action)).toBe("Approvare o respingere");
  });
});

describe("cadence", () => {
  const run = (
    dueDate: string,
    contacts: DigestInput["contacts"] = [],
    extra: Partial<TaskCustomer> = {},
    rules: TaskRules = DEFAULT_RULES,
  ) =>
    ofKind(
      computeTasks(
        digest({ customers: [customer(1, extra)], invoices: [invoice(1, dueDate, 50_000)], contacts }),
        rules,
      ),
      "cadence",
    ).map((t) => [said(t.reason), act(t.action)]);
  const contact = (date: string, channel: string) => ({
    customerId: 1,
    date,
    channel,
    outcome: "not_reached",
  });
  const COURTESY_CALL = ["Telefonata di cortesia", "Tono cordiale, chiedere una data di pagamento precisa"];

  it("starts with the courtesy call at +3", () => {
    expect(run("2026-03-08")).toEqual([]);
    expect(run("2026-03-07")).toEqual([COURTESY_CALL]);
  });

  it("counts a step as done by a contact of its channel after the due date", () => {
    expect(run("2026-03-07", [contact(TUESDAY, "phone")])).toEqual([]);
    expect(run("2026-03-07", [contact("2026-03-07", "visit")])).toEqual([]);
    // a call before the due date was about something else; an email does not do the call
    expect(run("2026-03-07", [contact("2026-03-06", "phone")])).toEqual([COURTESY_CALL]);
    expect(run("2026-03-07", [contact("2026-03-08", "email")])).toEqual([COURTESY_CALL]);
  });

  it("uses the latest contact of the customer whatever the input order", () => {
    expect(run("2026-03-07", [contact(TUESDAY, "phone"), contact("2026-03-01", "phone")])).toEqual([]);
  });

  it("starts a debtor never contacted with the courtesy call, however late the invoice is (issue 13)", () => {
    expect(run("2025-11-10")).toEqual([COURTESY_CALL]); // 120 days
  });

  it("proposes each harder step only after the previous one, and at least the gap after it", () => {
    // due 20 February (18 days): the call was made on 1 March, the email is next
    expect(run("2026-02-20", [contact("2026-03-01", "phone")])).toEqual([
      ["Email di cortesia", "Tono cordiale, chiedere una data di pagamento precisa"],
    ]);
    // the call was made on Sunday 8 March: 2 days are less than the 5-day gap
    expect(run("2026-02-20", [contact("2026-03-08", "phone")])).toEqual([]);
    // a gap of 0 days lets it come at once
    expect(
      run("2026-02-20", [contact("2026-03-08", "phone")], {}, { ...DEFAULT_RULES, cadenceMinGapDays: 0 }),
    ).toEqual([["Email di cortesia", "Tono cordiale, chiedere una data di pagamento precisa"]]);
  });

  it("takes up from an imported reminder level", () => {
    // the team had done three steps, the last on 25 February: the PEC is next
    expect(run("2026-01-28", [], { importedReminder: { level: 3, date: "2026-02-25" } })).toEqual([
      ["PEC di messa in mora", "Tono formale: messa in mora con un termine per pagare"],
    ]);
    // an imported level about an older debt (before the oldest due date) does not count
    expect(run("2026-03-05", [], { importedReminder: { level: 3, date: "2026-01-10" } })).toEqual([
      COURTESY_CALL,
    ]);
  });

  it("waits for the salesperson's ok or objection before a hard step for a preserved customer", () => {
    // 28 January is 41 days before 10 March; call, email, call and PEC were done
    const done = [
      contact("2026-01-31", "phone"),
      contact("2026-02-05", "email"),
      contact("2026-02-12", "phone"),
      contact("2026-02-20", "pec"),
    ];
    const preserved = {
      preserveRelationship: true,
      salesperson: "Marco Neri",
      salespersonSlackId: "U_MARCO",
    };
    const waiting = computeTasks(
      digest({
        customers: [customer(1, preserved)],
        invoices: [invoice(1, "2026-01-28", 50_000)],
        contacts: done,
      }),
    ).find((t) => t.kind === "cadence")!;
    expect([said(waiting.reason), act(waiting.action)]).toEqual([
      "Lettera di diffida ad adempiere: cliente da preservare, prima l'ok di Marco Neri",
      "Chiedere a Marco Neri l'ok o un'obiezione",
    ]);
    expect(waiting).toMatchObject({
      awaitingSales: true,
      stepDay: 40,
      channel: null,
      notifySlackIds: ["U_MARCO"],
    });
    const ok = [{ stepDay: 40, decision: "ok" as const, date: "2026-03-02" }];
    expect(run("2026-01-28", done, { ...preserved, clearances: ok })).toEqual([
      [
        "Lettera di diffida ad adempiere (ok di Marco Neri)",
        "Ultimo avviso: un termine, poi agenzia o legale",
      ],
    ]);
    const objection = [{ stepDay: 40, decision: "objection" as const, date: "2026-03-02" }];
    expect(run("2026-01-28", done, { ...preserved, clearances: objection })).toEqual([]);
    // an ok given before the previous step was done is not an ok for this one
    const stale = [{ stepDay: 40, decision: "ok" as const, date: "2026-02-01" }];
    expect(run("2026-01-28", done, { ...preserved, clearances: stale })[0]?.[0]).toContain("prima l'ok");
  });

  it("does not wait for the salesperson on a soft step", () => {
    expect(run("2026-03-03", [], { preserveRelationship: true })).toEqual([COURTESY_CALL]);
  });

  it("follows the oldest overdue invoice, ignoring disputed and not yet due ones", () => {
    const tasks = computeTasks(
      digest({
        customers: [customer(1)],
        invoices: [
          invoice(1, "2026-01-01", 90_000, true), // disputed
          invoice(1, "2026-02-23", 20_000), // 15 days
          invoice(1, "2026-03-07", 30_000), // 3 days
          invoice(1, TUESDAY, 40_000), // due today: not overdue
        ],
      }),
    );
    expect(tasks.map((t) => [t.kind, t.amountCents, t.daysOverdue, said(t.reason), t.channel])).toEqual([
      ["cadence", 50_000, 15, "Telefonata di cortesia", "phone"],
    ]);
  });

  it("follows a configured timing table", () => {
    const steps = parseCadence("5:email,10:pec");
    if ("error" in steps) throw new Error(steps.error);
    const rules: TaskRules = { ...DEFAULT_RULES, cadence: steps };
    expect(run("2026-02-28", [], {}, rules)).toEqual([
      ["Email di cortesia", "Tono cordiale, chiedere una data di pagamento precisa"],
    ]);
    expect(run("2026-02-28", [contact("2026-03-04", "email")], {}, rules)).toEqual([
      ["PEC di diffida ad adempiere", "Ultimo avviso: un termine, poi agenzia o legale"],
    ]);
  });

  it("is held back by a snooze, unlike the credit hold", () => {
    const tasks = computeTasks(
      digest({
        customers: [customer(1, { snoozedUntil: "2026-03-20" })],
        invoices: [invoice(1, "2026-02-01", 50_000)],
      }),
    );
    expect(summary(tasks)).toEqual([["credit_hold", "C1"]]);
  });
});

describe("recontact", () => {
  const run = (
    customers: TaskCustomer[],
    invoices: TaskInvoice[],
    contacts: DigestInput["contacts"],
    rules = DEFAULT_RULES,
  ) =>
    ofKind(computeTasks(digest({ customers, invoices, contacts }), rules), "recontact").map((t) => [
      t.customerCode,
      t.amountCents,
      said(t.reason),
      act(t.action),
    ]);

  it("is due 20 days after the last contact once the timing table is done", () => {
    // Due 1 January (68 days); every step done, the +40 letter on 12 February, 26 days ago.
    const contacts = [
      { customerId: 1, date: "2026-01-05", channel: "phone", outcome: "not_reached" },
      { customerId: 1, date: "2026-01-12", channel: "email", outcome: "sent" },
      { customerId: 1, date: "2026-01-20", channel: "phone", outcome: "not_reached" },
      { customerId: 1, date: "2026-02-02", channel: "pec", outcome: "sent" },
      { customerId: 1, date: "2026-02-12", channel: "letter", outcome: "sent" },
    ];
    expect(run([customer(1)], [invoice(1, "2026-01-01", 50_000)], contacts)).toEqual([
      ["C1", 50_000, "Ultimo contatto 26 giorni fa", "Ricontattare"],
    ]);
  });

  it("is not due before 20 days", () => {
    const contacts = [{ customerId: 1, date: "2026-02-19", channel: "phone", outcome: "no_answer" }]; // 19 days
    expect(run([customer(1)], [invoice(1, "2026-01-01", 50_000)], contacts)).toEqual([]);
  });

  it("is urgent at 40 days or more", () => {
    // Due 1 December 2025; every step done, the +40 letter on 20 January, 49 days ago.
    const contacts = [
      { customerId: 1, date: "2025-12-05", channel: "phone", outcome: "not_reached" },
      { customerId: 1, date: "2025-12-12", channel: "email", outcome: "sent" },
      { customerId: 1, date: "2025-12-20", channel: "phone", outcome: "not_reached" },
      { customerId: 1, date: "2026-01-05", channel: "pec", outcome: "sent" },
      { customerId: 1, date: "2026-01-20", channel: "letter", outcome: "sent" },
    ];
    expect(run([customer(1)], [invoice(1, "2025-12-01", 50_000)], contacts)).toEqual([
      [
        "C1",
        50_000,
        "Ultimo contatto 49 giorni fa, oltre il limite di 40",
        "Ricontattare oggi, senza rinvii",
      ],
    ]);
  });

  it("counts from the due date for a debtor never contacted since, larger amounts first", () => {
    const rules = { ...DEFAULT_RULES, cadence: [] }; // no timing table: only the re-contact rule chases
    const customers = [customer(1), customer(2), customer(3)];
    const invoices = [
      invoice(1, "2026-02-18", 100_000), // 20 days
      invoice(2, "2026-02-18", 500_000), // 20 days
      invoice(3, "2026-02-19", 900_000), // 19 days
    ];
    const oldContact = [{ customerId: 1, date: "2025-12-01", channel: "phone", outcome: "paid" }]; // an older debt
    expect(run(customers, invoices, oldContact, rules)).toEqual([
      ["C2", 500_000, "Nessun contatto da quando è scaduto (20 giorni)", "Ricontattare"],
      ["C1", 100_000, "Nessun contatto da quando è scaduto (20 giorni)", "Ricontattare"],
    ]);
  });

  it("is never raised for a disputing customer", () => {
    const contacts = [{ customerId: 1, date: "2026-02-12", channel: "letter", outcome: "sent" }];
    expect(run([customer(1, { disputed: true })], [invoice(1, "2026-01-01", 50_000)], contacts)).toEqual([]);
  });
});

describe("followup", () => {
  const tasks = computeTasks(
    digest({
      customers: [customer(1), customer(2, { snoozedUntil: "2026-03-15" })],
      invoices: [invoice(1, "2026-03-07", 70_000)],
      followups: [
        {
          id: 61,
          customerId: 1,
          date: TUESDAY,
          reason: textReason("Nuovo cellulare dal giro di visite"),
          action: textAction("Chiamare il 333 1234567"),
        },
        {
          id: 62,
          customerId: 1,
          date: "2026-03-05",
          reason: textReason("Proposta di piano di rientro"),
          action: textAction("Verificare la proposta"),
        },
        {
          id: 63,
          customerId: 1,
          date: "2026-03-11",
          reason: textReason("Domani"),
          action: textAction("Non ancora"),
        },
        {
          id: 64,
          customerId: 2,
          date: TUESDAY,
          reason: textReason("Sospeso"),
          action: textAction("Non ora"),
        },
      ],
    }),
  );

  it("lists today's and overdue follow-ups (before the chase, by kind order), not future or snoozed ones", () => {
    expect(tasks.map((t) => [t.kind, t.refId ?? null, said(t.reason), act(t.action)])).toEqual([
      ["followup", 61, "Nuovo cellulare dal giro di visite", "Chiamare il 333 1234567"],
      ["followup", 62, "Proposta di piano di rientro (dal 5 mar)", "Verificare la proposta"],
      ["cadence", null, "Telefonata di cortesia", "Tono cordiale, chiedere una data di pagamento precisa"],
    ]);
  });
});

describe("one chase task per customer", () => {
  it("keeps the broken promise over today's callback and the cadence step, next to the credit hold", () => {
    const tasks = computeTasks(
      digest({
        customers: [customer(1)],
        invoices: [invoice(1, "2026-02-01", 200_000)], // 37 days: cadence +30 and credit hold due
        promises: [openPromise(11, 1, "2026-03-05", 200_000)],
        callbacks: [{ id: 31, customerId: 1, date: TUESDAY, time: "11:00" }],
      }),
    );
    expect(summary(tasks)).toEqual([
      ["broken_promise", "C1"],
      ["credit_hold", "C1"],
    ]);
  });

  it("keeps today's promise over today's callback", () => {
    const tasks = computeTasks(
      digest({
        customers: [customer(1)],
        invoices: [invoice(1, "2026-03-01", 200_000)],
        promises: [openPromise(11, 1, TUESDAY, 200_000)],
        callbacks: [{ id: 31, customerId: 1, date: TUESDAY, time: "11:00" }],
      }),
    );
    expect(summary(tasks)).toEqual([["promise_due", "C1"]]);
  });

  it("keeps the callback over the cadence step", () => {
    const tasks = computeTasks(
      digest({
        customers: [customer(1)],
        invoices: [invoice(1, "2026-03-01", 200_000)],
        callbacks: [{ id: 31, customerId: 1, date: TUESDAY, time: "11:00" }],
      }),
    );
    expect(summary(tasks)).toEqual([["callback", "C1"]]);
  });
});

describe("digest order", () => {
  // A single step at +1 gives every debtor one cadence task; no credit hold or agency in the way.
  const steps = parseCadence("1:phone");
  if ("error" in steps) throw new Error(steps.error);
  const rules: TaskRules = { ...DEFAULT_RULES, cadence: steps, creditHoldDays: 999, agencyDays: 999 };
  const named = (id: number, name: string) => customer(id, { name });
  const tasks = computeTasks(
    digest({
      customers: [
        named(1, "Alfa"),
        named(2, "beta srl"),
        named(3, "Delta srl"),
        named(4, "Edil"),
        named(5, "Ferri"),
        named(6, "Gamma"),
        named(7, "Hotel"),
        named(8, "Pini"),
      ],
      invoices: [
        invoice(1, "2026-02-08", 60_000), // € 600 at 30 days: 1.200
        invoice(2, "2026-01-09", 40_000), // € 400 at 60 days: 1.200
        invoice(3, "2026-01-09", 40_000), // € 400 at 60 days: 1.200
        invoice(4, "2026-02-28", 5_000_000), // € 50.000 at 10 days: 66.667
        invoice(5, "2025-12-10", 50_000), // € 500 at 90 days: 2.000
        invoice(6, "2025-11-10", 500_000), // € 5.000 at 120 days: 25.000
        invoice(7, "2026-03-05", 520_000), // € 5.200 at 5 days: 6.067
        invoice(8, "2026-03-05", 10_000), // € 100 at 5 days, but a broken promise
      ],
      promises: [openPromise(81, 8, "2026-03-02", 10_000)],
    }),
    rules,
  );

  it("puts broken promises first, then priority, then amount, then name (Italian collation)", () => {
    expect(tasks.map((t) => [t.customerName, t.daysOverdue])).toEqual([
      ["Pini", 5],
      ["Edil", 10],
      ["Gamma", 120],
      ["Hotel", 5],
      ["Ferri", 90],
      ["Alfa", 30],
      ["beta srl", 60],
      ["Delta srl", 60],
    ]);
  });

  it("groups by kind for display following the kind order", () => {
    expect(groupTasksByKind(tasks).map((g) => [g.kind, g.tasks.length])).toEqual([
      ["broken_promise", 1],
      ["cadence", 7],
    ]);
  });
});
