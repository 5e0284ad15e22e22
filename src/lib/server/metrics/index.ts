// Prometheus metrics (prom-client), served at /metrics. One registry per process: with several app
// nodes Prometheus scrapes each and sums. Labels are codes and route ids only, never personal data
// and never raw URLs (which would also let the number of series grow without bound).
import { timingSafeEqual, createHash } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { getDb } from '../db';
import { jobQueueDepths, lettersWaiting, postingsUnsent } from '../db/metrics';
import { POSTING_DELIVERIES } from '../../domain';
import { notificationBacklog } from '../db/operations';
import { QUEUES } from '../jobs/queue';
import { REFUSAL_REASONS, type RefusalReason } from '../auth/login';
import { errorFields, log } from '../log';
import * as clock from '../clock';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const httpRequestDuration = new Histogram({
	name: 'http_request_duration_seconds',
	help: 'Time from a request reaching SvelteKit to its response, by method, route id and status',
	labelNames: ['method', 'route', 'status'] as const,
	buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
	registers: [registry]
});

/** Why a login was refused as a metric label: the refusal page's reasons, and the rate limit. */
export type RefusedLoginReason = RefusalReason | 'rate_limited';
export type LoginAudience = 'citizen' | 'staff';

export const loginsRefused = new Counter({
	name: 'sammen_logins_refused_total',
	help: 'Logins refused, by audience (citizen or staff) and reason',
	labelNames: ['audience', 'reason'] as const,
	registers: [registry]
});
// Every series exists from the start at 0, so that rate() and alerts see the first refusal.
for (const audience of ['citizen', 'staff'] as const) {
	for (const reason of [...REFUSAL_REASONS, 'rate_limited']) {
		loginsRefused.inc({ audience, reason }, 0);
	}
}

export function countRefusedLogin(audience: LoginAudience, reason: RefusedLoginReason): void {
	loginsRefused.inc({ audience, reason });
}

/** Windows of the staff search limit (citizens/search-limit.ts): a label, never who searched. */
const SEARCH_LIMIT_WINDOWS = ['minute', 'day'] as const;

export const staffSearchesRefused = new Counter({
	name: 'sammen_staff_searches_refused_total',
	help: 'Citizen searches by staff refused by the search rate limit, by the window that refused them',
	labelNames: ['window'] as const,
	registers: [registry]
});
for (const window of SEARCH_LIMIT_WINDOWS) staffSearchesRefused.inc({ window }, 0);

export function countRefusedSearch(window: (typeof SEARCH_LIMIT_WINDOWS)[number]): void {
	staffSearchesRefused.inc({ window });
}

/** Read from the database on scrape; a failing query leaves the gauge out rather than failing. */
async function fromDatabase(what: string, read: () => Promise<void>): Promise<void> {
	try {
		await read();
	} catch (error) {
		log.warn({ metric: what, ...errorFields(error) }, 'A metric could not be read');
	}
}

new Gauge({
	name: 'sammen_job_queue_depth',
	help: 'Jobs waiting in each pg-boss queue (created or waiting for a retry)',
	labelNames: ['queue'] as const,
	registers: [registry],
	async collect() {
		this.reset();
		await fromDatabase('sammen_job_queue_depth', async () => {
			const depths = await jobQueueDepths(getDb());
			for (const queue of Object.values(QUEUES)) this.set({ queue }, depths.get(queue) ?? 0);
		});
	}
});

new Gauge({
	name: 'sammen_letters_waiting',
	help: 'Letters to analog citizens queued or rendered and not yet taken into a print batch',
	registers: [registry],
	async collect() {
		this.reset();
		await fromDatabase('sammen_letters_waiting', async () => {
			this.set(await lettersWaiting(getDb()));
		});
	}
});

new Gauge({
	name: 'sammen_postings_unsent',
	help:
		'Letters through SF1601 (postings) not yet accepted by the service, by delivery: ' +
		'being sent or waiting for a retry',
	labelNames: ['delivery'] as const,
	registers: [registry],
	async collect() {
		this.reset();
		await fromDatabase('sammen_postings_unsent', async () => {
			const counts = await postingsUnsent(getDb());
			for (const delivery of POSTING_DELIVERIES) this.set({ delivery }, counts.get(delivery) ?? 0);
		});
	}
});

new Gauge({
	name: 'sammen_notifications_waiting',
	help:
		'E-mail and SMS messages not yet sent, by channel and state (waiting: not tried yet; ' +
		'retrying: after a failed attempt)',
	labelNames: ['channel', 'state'] as const,
	registers: [registry],
	async collect() {
		this.reset();
		await fromDatabase('sammen_notifications_waiting', async () => {
			for (const row of await notificationBacklog(getDb())) {
				this.set({ channel: row.channel, state: 'waiting' }, row.waiting);
				this.set({ channel: row.channel, state: 'retrying' }, row.retrying);
			}
		});
	}
});

new Gauge({
	name: 'sammen_notifications_oldest_waiting_seconds',
	help: 'Age of the oldest e-mail or SMS message not yet sent, by channel (0 when none waits)',
	labelNames: ['channel'] as const,
	registers: [registry],
	async collect() {
		this.reset();
		await fromDatabase('sammen_notifications_oldest_waiting_seconds', async () => {
			const now = clock.now().getTime();
			for (const row of await notificationBacklog(getDb())) {
				const age = row.oldest ? Math.max(0, (now - row.oldest.getTime()) / 1000) : 0;
				this.set({ channel: row.channel }, Math.round(age));
			}
		});
	}
});

/**
 * The route label: SvelteKit's route id without its groups (`/(portal)/forloeb/[id]` is
 * `/forloeb/[id]`, the path a person reads), or one label for everything no route matched. The
 * groups only sort the source (docs/ARCHITECTURE.md), so moving a page between them keeps its label
 * and the operators' charts.
 */
export function routeLabel(routeId: string | null): string {
	if (routeId === null) return 'unmatched';
	return routeId.replace(/\/\([^/)]+\)/g, '') || '/';
}

export function observeRequest(
	method: string,
	routeId: string | null,
	status: number,
	seconds: number
): void {
	httpRequestDuration.observe(
		{ method, route: routeLabel(routeId), status: String(status) },
		seconds
	);
}

export type MetricsAccess = 'open' | 'token' | 'closed';

/**
 * Who may read /metrics: with METRICS_TOKEN, whoever sends it as a bearer token; without one,
 * anyone outside production (the demo) and nobody in production.
 */
export function metricsAccess(
	env: Record<string, string | undefined> = process.env
): MetricsAccess {
	if (env.METRICS_TOKEN?.trim()) return 'token';
	return env.NODE_ENV === 'production' ? 'closed' : 'open';
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares the Authorization header with the token in constant time (hashes of equal length). */
export function bearerMatches(header: string | null, token: string): boolean {
	const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
	return timingSafeEqual(digest(match?.[1] ?? ''), digest(token)) && match !== null;
}
