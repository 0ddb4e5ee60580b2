/** A refusal or failure of backup/restore with a message for the operator (German); the CLI prints it and exits 1. */
export class BackupError extends Error {
  override name = "BackupError";
}

/** Refusals happen before anything is written: the message says so. */
export const NOTHING_CHANGED = "Es wurde nichts verändert.";
