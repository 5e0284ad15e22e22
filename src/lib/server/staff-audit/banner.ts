// WORKAROUND until the shared core is fixed: staff/context.ts puts the analog flag's `since` in the
// banner as a full ISO timestamp, while CitizenBanner.svelte formats it with formatDateWithYear,
// which reads a string as a 'YYYY-MM-DD' date, so every page about an analog citizen (Karl
// Nielsen) fails with "Invalid time value". This hands the banner the date in Danish time. Remove
// once the core passes a date (or CitizenBanner a Date).
import { todayInDenmark } from '../../format';
import type { CitizenBanner } from '../staff/context';

export function pageBanner(banner: CitizenBanner): CitizenBanner {
	if (!banner.analog || /^\d{4}-\d{2}-\d{2}$/.test(banner.analog.since)) return banner;
	return {
		...banner,
		analog: { ...banner.analog, since: todayInDenmark(new Date(banner.analog.since)) }
	};
}
