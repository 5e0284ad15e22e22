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
