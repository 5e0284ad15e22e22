// Digital Post as the app starts it (docs/DIGITAL-POST.md). With LETTER_DELIVERY=sf1601:
// - SERVICEPLATFORMEN_URL set: the real Serviceplatformen, with the municipality's certificate;
// - otherwise, in the demo only: the local simulator, started in this process on 127.0.0.1 with a
//   test CA and certificates generated at start, written under DATA_DIR so that the app reads them
//   by path exactly as it reads a production certificate. /staff/drift shows what it received.
// Production without SERVICEPLATFORMEN_URL refuses to start: letters must never go nowhere.
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { dataDir } from '../config';
import { decryptCpr } from '../crypto/cpr';
import { getCprKeys } from '../db';
import type { Database } from '../db/schema';
import { generateTestPki, writePki } from '../serviceplatformen/certificates';
import {
	createServiceplatformenClient,
	type ServiceplatformenClient
} from '../serviceplatformen/client';
import { startServiceplatformenSimulator, type Simulator } from '../serviceplatformen/simulator';
import { clientTlsFromEnvironment, loadClientTls } from '../serviceplatformen/tls';
import { registerAddressSource, storedAddressSource } from './address';
import { parseKombiRequest } from './memo';
import type { PostDeps } from './post';
import { digitalPostSettings } from './settings';
import { sf1601Sender } from './sf1601';

export interface DigitalPostRuntime {
	deps: PostDeps;
	client: ServiceplatformenClient;
	/** The demo's simulator; null against the real Serviceplatformen. */
	simulator: Simulator | null;
	stop(): Promise<void>;
}

let running: DigitalPostRuntime | null = null;

/** The running simulator of the demo, for the operations page; null when there is none. */
export function demoSimulator(): Simulator | null {
	return running?.simulator ?? null;
}

/** Validates a kombi_request as the simulator's check: the MeMo rules (memo.ts). */
export function validateKombiRequest(xml: string) {
	const { request, errors } = parseKombiRequest(xml);
	return {
		messageUuid: request?.messageUuid ?? null,
		recipientCpr: request?.recipientCpr ?? null,
		errors
	};
}

function env(name: string): string | undefined {
	const value = process.env[name];
	return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Starts what LETTER_DELIVERY=sf1601 needs; null with the print queue. */
export async function startDigitalPost(
	db: Kysely<Database>,
	demo: boolean
): Promise<DigitalPostRuntime | null> {
	const settings = digitalPostSettings();
	if (settings.mode !== 'sf1601') return null;
	if (running) return running;
	let simulator: Simulator | null = null;
	let client: ServiceplatformenClient;
	const baseUrl = env('SERVICEPLATFORMEN_URL');
	if (baseUrl) {
		const stsUrl = env('SERVICEPLATFORMEN_STS_URL');
		if (!stsUrl)
			throw new Error('SERVICEPLATFORMEN_STS_URL must be set with SERVICEPLATFORMEN_URL');
		if (!env('MUNICIPALITY_CVR') && !demo) {
			throw new Error('MUNICIPALITY_CVR must be set: it is the sender of every letter');
		}
		client = createServiceplatformenClient({
			baseUrl,
			stsUrl,
			cvr: settings.senderCvr,
			tls: clientTlsFromEnvironment()
		});
	} else if (demo) {
		const pki = await generateTestPki();
		const files = await writePki(pki, join(dataDir(), 'serviceplatformen-simulator'));
		simulator = await startServiceplatformenSimulator({
			pki,
			validateKombi: validateKombiRequest
		});
		client = createServiceplatformenClient({
			baseUrl: simulator.url,
			stsUrl: simulator.stsUrl,
			cvr: settings.senderCvr,
			tls: loadClientTls({ certPath: files.clientPem, caPath: files.caCert })
		});
	} else {
		throw new Error(
			'LETTER_DELIVERY=sf1601 needs SERVICEPLATFORMEN_URL, SERVICEPLATFORMEN_STS_URL and the certificate (docs/DEPLOY.md)'
		);
	}
	const keys = getCprKeys();
	const sim = simulator;
	running = {
		client,
		simulator,
		deps: {
			sender: sf1601Sender(client, simulator ? 'sf1601-simulator' : 'sf1601'),
			addresses:
				settings.addressSource === 'sf1520'
					? registerAddressSource(db, (cpr) => client.lookupPerson(cpr))
					: storedAddressSource(db),
			settings,
			decryptCpr: (stored) => decryptCpr(keys, stored)
		},
		async stop() {
			client.close();
			await sim?.close();
			running = null;
		}
	};
	return running;
}

/** Stops the client and the demo's simulator (on shutdown). */
export async function stopDigitalPost(): Promise<void> {
	await running?.stop();
}
