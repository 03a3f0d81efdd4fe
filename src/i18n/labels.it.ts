/** Italian labels used by more than one catalogue (the log's outcomes, a visit's proposal kinds): one list. */
export const outcomeLabelsIt: Record<string, string> = {
  promise: "Promessa di pagamento",
  installments: "Piano di rientro",
  dispute: "Contestazione",
  refusal: "Rifiuto",
  callback: "Da richiamare",
  settlement: "Proposta saldo e stralcio",
  restructuring: "Piano di risanamento",
  not_reached: "Non raggiunto",
  wrong_number: "Numero errato",
  paid_already: "Dice di aver già pagato",
  info: "Nuove informazioni",
  // written by Credito, never chosen in the log
  reminder_sent: "Sollecito inviato",
  recap_sent: "Riepilogo inviato",
};

export const proposalKindsIt: Record<string, string> = {
  settlement: "saldo e stralcio",
  restructuring: "piano di risanamento",
  installments: "piano di rientro",
};
