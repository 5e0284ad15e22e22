// A per-provider in-memory storage adapter for oidc-provider. The library's own memory adapter
// prints a "development-only" warning for every provider and shares one store between providers;
// the simulator needs neither the noise nor the sharing (each test runs its own provider). Every
// entry expires with its artefact, so a long-running demo does not grow without bound.
//
// Artefacts expire by the system clock, as oidc-provider itself reads it (tokens and protocol
// timestamps are not the application's dates: docs/TIME.md).
/* eslint-disable no-restricted-syntax */

type Payload = Record<string, unknown> & {
	grantId?: string;
	uid?: string;
	userCode?: string;
	consumed?: number;
};

interface Entry {
	payload: Payload;
	expiresAt: number;
}

class Store {
	private readonly entries = new Map<string, Entry>();

	get(key: string): Payload | undefined {
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		if (entry.expiresAt <= Date.now()) {
			this.entries.delete(key);
			return undefined;
		}
		return entry.payload;
	}

	set(key: string, payload: Payload, expiresIn: number | undefined): void {
		this.sweep();
		const expiresAt = expiresIn === undefined ? Infinity : Date.now() + expiresIn * 1000;
		this.entries.set(key, { payload, expiresAt });
	}

	delete(key: string): void {
		this.entries.delete(key);
	}

	keys(): IterableIterator<string> {
		return this.entries.keys();
	}

	// Cheap enough for a simulator: the store holds a handful of short-lived entries per login.
	private sweep(): void {
		const now = Date.now();
		for (const [key, entry] of this.entries) {
			if (entry.expiresAt <= now) this.entries.delete(key);
		}
	}
}

/** Returns an adapter class bound to a fresh store, for the `adapter` option of one provider. */
export function createMemoryAdapter() {
	const store = new Store();
	const index = new Map<string, string>();

	return class DemoIdpMemoryAdapter {
		constructor(private readonly model: string) {}

		private key(id: string): string {
			return `${this.model}:${id}`;
		}

		async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
			store.set(this.key(id), payload, expiresIn);
			if (payload.uid) index.set(`uid:${this.model}:${payload.uid}`, id);
			if (payload.userCode) index.set(`userCode:${this.model}:${payload.userCode}`, id);
		}

		async find(id: string): Promise<Payload | undefined> {
			return store.get(this.key(id));
		}

		async findByUid(uid: string): Promise<Payload | undefined> {
			const key = `uid:${this.model}:${uid}`;
			const id = index.get(key);
			const payload = id === undefined ? undefined : await this.find(id);
			if (!payload) index.delete(key);
			return payload;
		}

		async findByUserCode(userCode: string): Promise<Payload | undefined> {
			const id = index.get(`userCode:${this.model}:${userCode}`);
			return id === undefined ? undefined : this.find(id);
		}

		async consume(id: string): Promise<void> {
			const payload = store.get(this.key(id));
			if (payload) payload.consumed = Math.floor(Date.now() / 1000);
		}

		async destroy(id: string): Promise<void> {
			const payload = store.get(this.key(id));
			if (payload?.uid) index.delete(`uid:${this.model}:${payload.uid}`);
			if (payload?.userCode) index.delete(`userCode:${this.model}:${payload.userCode}`);
			store.delete(this.key(id));
		}

		// Only this model's entries: the store is shared by every model, and an Interaction or a
		// Session may carry the same grantId. oidc-provider revokes the tokens of a grant when a
		// different person logs in over an existing session (end_session confirm); sweeping the
		// whole store there deleted the interaction being resumed ("interaction session not found").
		async revokeByGrantId(grantId: string): Promise<void> {
			const prefix = this.key('');
			for (const key of [...store.keys()]) {
				if (key.startsWith(prefix) && store.get(key)?.grantId === grantId) store.delete(key);
			}
		}
	};
}
