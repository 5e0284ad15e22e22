// `npm run test:resilience [-- --long]`: the resilience suite (tests/resilience, docs/SECURITY.md)
// with its summary. Runs the vitest project `resilience` (only defined when RESILIENCE=1, so that
// `npm test` leaves it out), prints what each scenario recorded, and ends with the line
// "N passed, N failed" that CI adds to its totals. `--long` is for the benchmark machine: longer
// load in every scenario. Vitest arguments after `--` pass through (a file name, `-t`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface Scenario {
	scenario: string;
	database: string;
	passed: boolean;
	figures: Record<string, number | string>;
}

const args = process.argv.slice(2);
const long = args.includes('--long');
const passThrough = args.filter((arg) => arg !== '--long');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-resilience-'));
const summaryFile = path.join(dir, 'summary.jsonl');
const reportFile = path.join(dir, 'report.json');

const run = spawnSync(
	'npx',
	[
		'vitest',
		'run',
		'--project',
		'resilience',
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${reportFile}`,
		...passThrough
	],
	{
		stdio: 'inherit',
		env: {
			...process.env,
			RESILIENCE: '1',
			RESILIENCE_LONG: long ? '1' : '0',
			RESILIENCE_SUMMARY: summaryFile
		}
	}
);

const scenarios: Scenario[] = fs.existsSync(summaryFile)
	? fs
			.readFileSync(summaryFile, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((line) => JSON.parse(line) as Scenario)
	: [];
console.log(`\nResilience summary${long ? ' (long)' : ''}:`);
for (const s of scenarios) {
	console.log(`  ${s.passed ? 'ok  ' : 'FAIL'} ${s.scenario} on ${s.database}`);
	for (const [name, value] of Object.entries(s.figures)) console.log(`         ${name}: ${value}`);
}

let passed = 0;
let failed = 0;
const tests: { name: string; status: string }[] = [];
// Tests left out by a filter (`-t`) are neither passed nor failed.
const ran = (test: { status: string }) => test.status === 'passed' || test.status === 'failed';
if (fs.existsSync(reportFile)) {
	const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as {
		numPassedTests: number;
		numFailedTests: number;
		numTotalTests: number;
		testResults: { assertionResults: { fullName: string; status: string }[] }[];
	};
	passed = report.numPassedTests;
	failed = report.numFailedTests;
	if (report.numTotalTests === 0) failed += 1;
	for (const file of report.testResults) {
		for (const test of file.assertionResults)
			tests.push({ name: test.fullName, status: test.status });
	}
}

// The figures the suite is read for, added up over the scenarios that report them.
const sum = (figure: string) =>
	scenarios.reduce(
		(total, s) =>
			total + (typeof s.figures[figure] === 'number' ? (s.figures[figure] as number) : 0),
		0
	);
const all = (figure: string) =>
	scenarios
		.filter((s) => s.figures[figure] !== undefined)
		.map((s) => `${s.figures[figure]} (${s.database})`)
		.join(', ') || 'not run';
console.log('\nTotals:');
console.log(
	`  scenarios passed: ${tests.filter((t) => t.status === 'passed').length} of ${tests.filter(ran).length}`
);
for (const test of tests.filter(ran))
	console.log(`    ${test.status === 'passed' ? 'ok  ' : 'FAIL'} ${test.name}`);
console.log(
	`  writes acknowledged / found: ${sum('writes acknowledged')} / ${sum('writes found')}`
);
console.log(`  duplicates: ${sum('duplicates')}`);
console.log(`  stored without acknowledgement: ${sum('stored without acknowledgement')}`);
console.log(`  notifications sent twice / lost: ${sum('sent twice')} / ${sum('lost')}`);
console.log(`  5xx: ${sum('5xx')}`);
console.log(`  fuzzed inputs: ${sum('inputs sent')}`);
console.log(`  rows changed by refused requests: ${all('tables changed by refused requests')}`);
console.log(`  shutdown times (ms): ${all('exit ms (each)')}`);

// A run that failed outside any test (setup, teardown) counts as one failure.
if (run.status !== 0 && failed === 0) failed = 1;
fs.rmSync(dir, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
