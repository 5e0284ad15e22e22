// Whether this process is ready for traffic, for /readyz: the database answers and, unless this
// node runs no worker (JOBS=off), the notification worker is running. /healthz says only whether the
// process and its database are alive.
export type WorkerState = 'off' | 'starting' | 'running' | 'stopped';

let worker: WorkerState = 'starting';

export function setWorkerState(state: WorkerState): void {
	worker = state;
}

export function workerState(): WorkerState {
	return worker;
}

// Shutdown begins with the signal: from then on every answer closes its connection, so that
// clients which keep connections alive (a load balancer, a busy browser) open no more requests on
// them and the server can close within its time; /readyz says not-ready at once.
let shuttingDown = false;

export function beginShutdown(): void {
	shuttingDown = true;
}

export function isShuttingDown(): boolean {
	return shuttingDown;
}

// Requests whose handler is still running. adapter-node announces shutdown once its connections
// have closed, but a client that hangs up leaves its request's handler running: the database must
// stay open until those handlers are done too, or they fail half-way (docs/DEPLOY.md, "Health,
// shutdown, logs and metrics").
let inFlight = 0;
let drainedWaiters: (() => void)[] = [];

export function requestStarted(): void {
	inFlight += 1;
}

export function requestFinished(): void {
	inFlight -= 1;
	if (inFlight === 0) {
		const waiters = drainedWaiters;
		drainedWaiters = [];
		for (const resolve of waiters) resolve();
	}
}

/** Resolves when no request handler runs any more, or after `timeoutMs`: true when drained. */
export function requestsDrained(timeoutMs: number): Promise<boolean> {
	if (inFlight === 0) return Promise.resolve(true);
	return new Promise((resolve) => {
		const timer = setTimeout(() => {
			drainedWaiters = drainedWaiters.filter((waiter) => waiter !== done);
			resolve(false);
		}, timeoutMs);
		const done = () => {
			clearTimeout(timer);
			resolve(true);
		};
		drainedWaiters.push(done);
	});
}
