// Each scenario adds its figures to the run's summary file (RESILIENCE_SUMMARY, set by
// scripts/resilience.ts), which the runner prints at the end: the evidence an operator asks for.
import fs from 'node:fs';

export interface ScenarioFigures {
	scenario: string;
	database: 'postgresql' | 'pglite';
	passed: boolean;
	/** Free-form figures: writes acknowledged and found, 5xx, shutdown times … */
	figures: Record<string, number | string>;
}

export function recordScenario(figures: ScenarioFigures): void {
	const file = process.env.RESILIENCE_SUMMARY;
	if (!file) return;
	fs.appendFileSync(file, `${JSON.stringify(figures)}\n`);
}

/** The long mode (`npm run test:resilience -- --long`), for the benchmark machine. */
export const LONG = process.env.RESILIENCE_LONG === '1';
