// Keyboard-only navigation for browser tests: Tab until the element with a given accessible name has
// focus, then Enter, Space or typing, as a person without a mouse would.
import type { Page } from 'playwright-core';

export interface Keyboard {
	/** Presses Tab until the element named `name` has focus. */
	tabTo(name: RegExp): Promise<void>;
	/** Tabs to a link or button and presses Enter, waiting for the page it leads to. */
	activate(name: RegExp): Promise<void>;
	/** Tabs to a button that updates the page in place (no navigation), presses Enter and waits. */
	press(name: RegExp): Promise<void>;
	/** Tabs to a field and types into it. */
	fill(label: RegExp, text: string): Promise<void>;
	/** Tabs to a radio button or checkbox and chooses it with Space. */
	choose(label: RegExp): Promise<void>;
	mainText(): Promise<string>;
}

export function keyboard(page: Page, maxTabs = 150): Keyboard {
	/** The accessible name of the focused element, as far as the tests need it. */
	const focusedName = () =>
		page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			if (!el || el === document.body) return '';
			const labelled = (el as HTMLInputElement).labels?.[0]?.innerText;
			return (labelled || el.innerText || el.getAttribute('aria-label') || '').trim();
		});
	const tabTo = async (name: RegExp) => {
		for (let i = 0; i < maxTabs; i++) {
			await page.keyboard.press('Tab');
			if (name.test(await focusedName())) return;
		}
		throw new Error(`No focusable element named ${name} on ${page.url()}`);
	};
	return {
		tabTo,
		async activate(name) {
			await tabTo(name);
			await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
			await page.waitForLoadState('networkidle');
		},
		async press(name) {
			await tabTo(name);
			await page.keyboard.press('Enter');
			await page.waitForLoadState('networkidle');
		},
		async fill(label, text) {
			await tabTo(label);
			await page.keyboard.type(text);
		},
		async choose(label) {
			await tabTo(label);
			await page.keyboard.press('Space');
		},
		mainText: () => page.locator('main').innerText()
	};
}
