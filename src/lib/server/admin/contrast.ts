// Contrast of a brand colour as WCAG 2.2 defines it (relative luminance, 1.4.3 and 1.4.11). The
// formula is a few lines from the standard itself, so no colour library is needed for it.

/** #rrggbb, lower case (the database's check). */
export const HEX_COLOR = /^#[0-9a-f]{6}$/;

function channel(hex: string): number {
	const c = parseInt(hex, 16) / 255;
	return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(color: string): number {
	const r = channel(color.slice(1, 3));
	const g = channel(color.slice(3, 5));
	const b = channel(color.slice(5, 7));
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
	const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
	return (light! + 0.05) / (dark! + 0.05);
}

/** What the header needs: white text on the colour (4.5:1) and the colour on white (3:1). */
export const TEXT_CONTRAST = 4.5;
export const UI_CONTRAST = 3;

/** The ratio against white rounded down to two decimals, so "4.49" never shows as a passing 4.5. */
export function whiteContrast(color: string): number {
	return Math.floor(contrastRatio(color, '#ffffff') * 100) / 100;
}

/** True when white text on the colour is readable (which also makes it a usable UI colour on white). */
export function accessibleBrandColor(color: string): boolean {
	const ratio = contrastRatio(color, '#ffffff');
	return ratio >= TEXT_CONTRAST && ratio >= UI_CONTRAST;
}
