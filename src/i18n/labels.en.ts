/**
 * English labels used by more than one catalogue. The outcomes are not here: the log's are capitalised
 * ("Promise to pay"), a task reason's are read mid-sentence ("to call back").
 */
export const proposalKindsEn: Record<string, string> = {
  settlement: "settlement",
  restructuring: "restructuring plan",
  installments: "instalment plan",
};
