// When npm start restarts what it supervises, and when it gives up so that the process manager above it
// (systemd, Docker, Kubernetes) takes over: a crash loop is better handled by restarting everything.

export const RESTART_POLICY = {
  /** Wait before attempt n (1-based): 0.5 s, 1 s, 2 s, ... at most 15 s. */
  firstDelayMs: 500,
  maxDelayMs: 15_000,
  /** Give up after this many exits within the window... */
  maxExits: 5,
  windowMs: 120_000,
};

export function restartDelayMs(attempt: number, policy = RESTART_POLICY): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, attempt - 1));
}

/** Counts exits in a sliding window; `record` says whether to restart again (false: give up). */
export class ExitCounter {
  private exits: number[] = [];
  constructor(private readonly policy = RESTART_POLICY) {}

  record(now: number): { restart: boolean; attempt: number; delayMs: number } {
    this.exits = this.exits.filter((at) => now - at < this.policy.windowMs);
    this.exits.push(now);
    const attempt = this.exits.length;
    return { restart: attempt <= this.policy.maxExits, attempt, delayMs: restartDelayMs(attempt, this.policy) };
  }
}
