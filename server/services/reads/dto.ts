/** How far one user has read one thread: posts numbered above `lastReadNumber` are new to them. */
export interface ThreadReadDto {
  threadId: string;
  lastReadNumber: number;
}
