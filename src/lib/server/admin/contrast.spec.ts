import { describe, expect, it } from 'vitest';
import { accessibleBrandColor, contrastRatio, relativeLuminance, whiteContrast } from './contrast';

// Known ratios (WebAIM's contrast checker gives the same to two decimals).
describe('WCAG contrast', () => {
	it('computes luminance and ratios as WCAG defines them', () => {
		expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
		expect(relativeLuminance('#000000')).toBe(0);
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
		expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 10);
		expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
		expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
		expect(contrastRatio('#ff0000', '#ffffff')).toBeCloseTo(4.0, 2);
		// Order does not matter.
		expect(contrastRatio('#ffffff', '#767676')).toBe(contrastRatio('#767676', '#ffffff'));
	});

	it('accepts a brand colour only when white text on it reaches 4.5:1', () => {
		expect(accessibleBrandColor('#767676')).toBe(true);
		expect(accessibleBrandColor('#777777')).toBe(false);
		expect(accessibleBrandColor('#3c5c22')).toBe(true);
		expect(accessibleBrandColor('#ff0000')).toBe(false);
		expect(accessibleBrandColor('#ffff00')).toBe(false);
	});

	it('rounds the shown ratio down, so a failing colour never shows as 4.50', () => {
		expect(whiteContrast('#777777')).toBe(4.47);
		expect(whiteContrast('#ff0000')).toBe(3.99);
		expect(whiteContrast('#000000')).toBe(21);
	});
});
