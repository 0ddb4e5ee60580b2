import { AppError } from "../../errors";

/** A recording exists once the talk has begun; a link to one before that is a mistake in the form. */
export function assertRecordingAfterStart(startsAt: Date, recordingUrl: string | null): void {
  if (recordingUrl && startsAt.getTime() > Date.now()) {
    throw new AppError("BAD_INPUT", "Eine Aufzeichnung kann erst hinterlegt werden, wenn der Vortrag begonnen hat.");
  }
}
