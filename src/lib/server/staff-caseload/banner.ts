// Works around a bug in the shared core until it is fixed there: staff/context.ts puts the analog
// flag's moment in `since` as a full ISO timestamp, but CitizenBanner formats it with
// formatDateWithYear, which expects a calendar date ('YYYY-MM-DD') for strings and throws a
// RangeError ("Invalid time value") on a timestamp, so every staff page about an analog citizen
// answered 500. This passes the date in Danish time instead; it is a no-op once context.ts does.
import { todayInDenmark } from '../../format';
import type { CitizenBanner } from '../staff/context';

export function pageBanner(banner: CitizenBanner): CitizenBanner {
	if (!banner.analog) return banner;
	return {
		...banner,
		analog: { ...banner.analog, since: todayInDenmark(new Date(banner.analog.since)) }
	};
}
