// Failures a test can ask for: queued, matched by action, and used up by the requests
// they hit. A latency fault delays a request and can be combined with one failure.

export type Fault =
  | { kind: 'throttle'; action?: string; times?: number } // 400 Throttling
  | {
      kind: 'server-error';
      action?: string;
      times?: number;
      status?: 500 | 503; // InternalFailure (500, default) or ServiceUnavailable (503)
      /** Carry out the request first (an MFA code is then used up), then fail: the reply was lost, not the work. */
      afterProcessing?: boolean;
    }
  | {
      kind: 'drop'; // destroy the socket without a response: the client sees a reset
      action?: string;
      times?: number;
      afterProcessing?: boolean;
    }
  | {
      kind: 'latency';
      action?: string;
      times?: number;
      ms: number;
      /** Carry out the request first, then wait: the work is done while the caller still waits (a crash window). */
      afterProcessing?: boolean;
    }
  | { kind: 'expired-token'; action?: string; times?: number } // 403 ExpiredToken
  | { kind: 'region-disabled'; action?: string; times?: number }; // 403 RegionDisabledException

export type FailureFault = Exclude<Fault, { kind: 'latency' }>;

export interface FaultsForRequest {
  readonly delayMs: number;
  readonly delayAfterProcessing: boolean;
  readonly failure: FailureFault | undefined;
}

interface Queued {
  readonly fault: Fault;
  left: number;
}

export class FaultQueue {
  private queue: Queued[] = [];

  add(fault: Fault): void {
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error(`fault ${fault.kind}: times must be a whole number of at least 1`);
    if (fault.kind === 'latency' && !(fault.ms >= 0)) throw new Error('fault latency: ms must be 0 or more');
    this.queue.push({ fault, left: times });
  }

  clear(): void {
    this.queue = [];
  }

  /** Takes what applies to one request of `action`: the first matching latency and the first matching failure. */
  take(action: string): FaultsForRequest {
    const latency = this.takeFirst(action, (fault) => fault.kind === 'latency');
    const failure = this.takeFirst(action, (fault) => fault.kind !== 'latency');
    return {
      delayMs: latency?.kind === 'latency' ? latency.ms : 0,
      delayAfterProcessing: latency?.kind === 'latency' && latency.afterProcessing === true,
      failure: failure?.kind === 'latency' ? undefined : failure,
    };
  }

  private takeFirst(action: string, wanted: (fault: Fault) => boolean): Fault | undefined {
    const entry = this.queue.find((queued) => wanted(queued.fault) && (queued.fault.action ?? action) === action);
    if (!entry) return undefined;
    entry.left -= 1;
    if (entry.left === 0) this.queue = this.queue.filter((queued) => queued !== entry);
    return entry.fault;
  }
}
