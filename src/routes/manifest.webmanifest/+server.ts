import { json } from '@sveltejs/kit';
import { getMunicipality } from '$lib/server/admin/municipality';
import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';

// Served from a route, not static/, so the installed app carries the municipality's own name.
export const GET: RequestHandler = async () => {
	const { name } = await getMunicipality(getDb());
	return json(
		{
			id: '/',
			name: `Sammen – ${name}`,
			short_name: 'Sammen',
			description: `Alle dine sager med ${name} samlet ét sted.`,
			lang: 'da',
			dir: 'ltr',
			start_url: '/',
			scope: '/',
			display: 'standalone',
			theme_color: '#3c5c22',
			background_color: '#ffffff',
			icons: [
				{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
				{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
				{
					src: '/icons/icon-maskable-512.png',
					sizes: '512x512',
					type: 'image/png',
					purpose: 'maskable'
				},
				{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }
			]
		},
		{
			headers: {
				'Content-Type': 'application/manifest+json',
				'Cache-Control': 'public, max-age=3600'
			}
		}
	);
};
