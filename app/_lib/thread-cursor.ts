/**
 * How far a tab has seen a thread's changes, numbered by the thread's seq; the catch-up after a
 * (re)connection asks for everything after `afterSeq`. Two things make the highest seq seen the wrong
 * answer when several processes serve the thread:
 * - live events start with the join, before the catch-up answer; if the connection drops in between,
 *   the answer is lost, so those events count only once this connection's answer has arrived;
 * - events published by different processes can overtake each other (398 before 397), and a process
 *   killed between storing a change and publishing it never publishes it: `afterSeq` stays below such
 *   a gap and `hasGap` tells the view to fetch what is missing.
 */
export class ThreadCursor {
  private seen: number;
  /** seqs seen live beyond the first missing one */
  private readonly ahead = new Set<number>();
  /** seqs seen live on this connection before its catch-up answer */
  private beforeAnswer: number[] = [];
  private answered = false;

  constructor(initialSeq: number) {
    this.seen = initialSeq;
  }

  /** every change up to here has been seen */
  get afterSeq(): number {
    return this.seen;
  }

  get hasGap(): boolean {
    return this.ahead.size > 0;
  }

  /** a new connection: what arrives before its catch-up answer is not counted yet */
  connected(): void {
    this.answered = false;
    this.beforeAnswer = [];
  }

  /** a catch-up answer: every change up to `seq` has been seen, and what this connection saw live before it */
  caughtUpTo(seq: number): void {
    const early = this.beforeAnswer;
    this.answered = true;
    this.beforeAnswer = [];
    this.seen = Math.max(this.seen, seq);
    for (const earlySeq of early) this.ahead.add(earlySeq);
    this.advance();
  }

  /** a change that arrived live */
  live(seq: number): void {
    if (!this.answered) this.beforeAnswer.push(seq);
    else {
      this.ahead.add(seq);
      this.advance();
    }
  }

  private advance(): void {
    for (const seq of this.ahead) if (seq <= this.seen) this.ahead.delete(seq);
    while (this.ahead.delete(this.seen + 1)) this.seen++;
  }
}
