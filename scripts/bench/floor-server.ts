// The floor's server (see floor.ts): node:http and a pg pool of the app's size, nothing else.
// Each path replays its recorded statements (the session look-up first, then the rest at once,
// as the page does) and answers a small HTML page. Started by the benchmark as its own process:
//   DATABASE_URL=url PORT=n node --import tsx scripts/bench/floor-server.ts <script file>
import http from 'node:http';
import fs from 'node:fs';
import pg from 'pg';
import type { FloorScript } from './floor';

const script = JSON.parse(fs.readFileSync(process.argv[2] ?? '', 'utf8')) as FloorScript;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const server = http.createServer((request, response) => {
	const statements = script[request.url ?? ''];
	if (!statements || statements.length === 0) {
		response.writeHead(404).end();
		return;
	}
	const [first, ...rest] = statements;
	pool
		.query(first!.sql, first!.parameters as unknown[])
		.then(() => Promise.all(rest.map((s) => pool.query(s.sql, s.parameters as unknown[]))))
		.then((results) => {
			const rows = results.reduce((sum, result) => sum + result.rowCount!, 0);
			response
				.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
				.end(`<!doctype html><title>Floor</title><p>${rows} rows</p>`);
		})
		.catch((error: unknown) => {
			response.writeHead(500).end(String(error));
		});
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => {
	process.stdout.write('ready\n');
});
process.once('SIGTERM', () => {
	server.close();
	void pool.end();
});
