// The listener kit: what every listener shares, so no listener imports another one.

export { decisionErrorText, inDm } from "./approvals";
export type { ListenerContext } from "./context";
export { customerCardMessage } from "./customer-card";
export { type OpenLogModalArgs, openLogModal } from "./log-modal";
export { type LogSubmission, registerLogRecording } from "./log-recording";
export { type Refuse, requireMember } from "./member";
export { openModal, updateModal } from "./modal";
export { openReminderModal } from "./reminder-modal";
export { type Reply, type ReplyTarget, targetOf, tellInChannel, tellLater, tellUser } from "./reply";
export { isTriggerExpired, slackErrorCode } from "./slack-errors";
export { ackReply, type Subcommand, type SubcommandCall } from "./subcommand";
export { confirmWhenRecorded } from "./submission";
export { closeAndTell, openCostModal, type TripRef, tripRefusalText } from "./trips";
