// Whether each delivery channel is set up, for the operations page and for the start-up log. In
// production a channel without configuration is never silent: its notifications fail, end in the
// dead-letter list, and the server says so when it starts. In the demo such a channel writes to the
// demo outbox instead (/staff/drift/demo).
import { isDemo } from '../config';
import { channelEnvironment, type ChannelEnvironment } from '../notifications/settings';

/**
 * How letters go (docs/DIGITAL-POST.md): 'print-queue' (LETTER_DELIVERY unset or print-queue),
 * 'configured' (SF1601 with SERVICEPLATFORMEN_URL) or 'simulator' (SF1601 in the demo, to the
 * local simulator). Production with SF1601 and no URL does not start.
 */
export type LetterState = 'print-queue' | 'configured' | 'simulator';

export function letterState(
	env: Record<string, string | undefined> = process.env,
	demo: boolean = isDemo()
): LetterState {
	if ((env.LETTER_DELIVERY ?? '').trim() !== 'sf1601') return 'print-queue';
	if ((env.SERVICEPLATFORMEN_URL ?? '').trim() !== '') return 'configured';
	return demo ? 'simulator' : 'configured';
}

/** 'configured': sends for real; 'demo': stored for the demo outbox only; 'missing': fails. */
export type ChannelState = 'configured' | 'demo' | 'missing';

export interface ChannelStatus {
	email: ChannelState;
	sms: ChannelState;
	/** Digital Post and remote print (Serviceplatformen SF1601), or the print queue. */
	digitalPost: LetterState;
}

function state(configured: boolean, demo: boolean): ChannelState {
	if (configured) return 'configured';
	return demo ? 'demo' : 'missing';
}

export function channelStatus(
	env: ChannelEnvironment = channelEnvironment(),
	demo: boolean = isDemo(),
	letters: LetterState = letterState(process.env, demo)
): ChannelStatus {
	return {
		email: state(!!env.smtpUrl, demo),
		sms: state(!!env.smsUrl, demo),
		digitalPost: letters
	};
}

/** Log lines (English, for operators) for every channel that will not deliver. */
export function startupWarnings(status: ChannelStatus): string[] {
	const warnings: string[] = [];
	if (status.email === 'missing') {
		warnings.push(
			'SMTP_URL is not set: e-mail notifications will fail and appear in the dead-letter list at /staff/drift'
		);
	}
	if (status.sms === 'missing') {
		warnings.push(
			'SMS_HTTP_URL is not set: SMS notifications will fail and appear in the dead-letter list at /staff/drift'
		);
	}
	if (status.digitalPost === 'print-queue') {
		warnings.push(
			'Digital Post (Serviceplatformen SF1601) is not used (LETTER_DELIVERY=print-queue): analog citizens get letters through the print queue at /staff/post, and nothing is sent to Digital Post'
		);
	}
	return warnings;
}
