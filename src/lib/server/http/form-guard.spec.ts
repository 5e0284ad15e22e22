import { describe, expect, it } from 'vitest';
import { unreadableFormAnswer } from './form-guard';

const url = new URL('http://127.0.0.1/opgaver/x?/gjort');
const post = (body: string, type?: string) =>
	new Request(url, {
		method: 'POST',
		body,
		headers: type === undefined ? {} : { 'content-type': type }
	});

describe('unreadableFormAnswer', () => {
	it('lets a form through, and leaves the body for the action', async () => {
		const request = post('comment=hej', 'application/x-www-form-urlencoded');
		expect(await unreadableFormAnswer(request, url)).toBeNull();
		expect((await request.formData()).get('comment')).toBe('hej');
		const multipart = post(
			'--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
			'multipart/form-data; boundary=x'
		);
		expect(await unreadableFormAnswer(multipart, url)).toBeNull();
	});

	it('answers 415 for a body that is no form and 400 for a form it cannot read', async () => {
		expect((await unreadableFormAnswer(post('x=1', 'text/plain'), url))?.status).toBe(415);
		expect((await unreadableFormAnswer(post('{}', 'application/json'), url))?.status).toBe(415);
		const bare = new Request(url, { method: 'POST', body: new Uint8Array([120, 61, 49]) });
		expect((await unreadableFormAnswer(bare, url))?.status).toBe(415);
		const broken = await unreadableFormAnswer(post('x=1', 'multipart/form-data; boundary=x'), url);
		expect(broken?.status).toBe(400);
		expect(await broken?.text()).toContain('The form could not be read');
	});

	it('leaves other methods, the API and the identity provider alone', async () => {
		expect(await unreadableFormAnswer(new Request(url), url)).toBeNull();
		const api = new URL('http://127.0.0.1/api/v1/citizens');
		expect(await unreadableFormAnswer(post('{}', 'application/json'), api)).toBeNull();
		const logout = new URL('http://127.0.0.1/logout');
		expect(await unreadableFormAnswer(new Request(logout, { method: 'POST' }), logout)).toBeNull();
	});
});
