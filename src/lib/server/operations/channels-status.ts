// Whether each delivery channel is set up, for the operations page and for the start-up log. In
// production a channel without configuration is never silent: its notifications fail, end in the
// dead-letter list, and the server says so when it starts. In the demo such a channel writes to the
// demo outbox instead (/staff/drift/demo).
import { isDemo } from '../config';
import { channelEnvironment, type ChannelEnvironment } from '../notifications/settings';

/** 'configured': sends for real; 'demo': stored for the demo outbox only; 'missing': fails. */
export type ChannelState = 'configured' | 'demo' | 'missing';

export interface ChannelStatus {
	email: ChannelState;
	sms: ChannelState;
	/** Digital Post (Serviceplatformen SF1601) needs agreements and certificates: not connected. */
	digitalPost: 'not-connected';
}

function state(configured: boolean, demo: boolean): ChannelState {
	if (configured) return 'configured';
	return demo ? 'demo' : 'missing';
}

export function channelStatus(
	env: ChannelEnvironment = channelEnvironment(),
	demo: boolean = isDemo()
): ChannelStatus {
	return {
		email: state(!!env.smtpUrl, demo),
		sms: state(!!env.smsUrl, demo),
		digitalPost: 'not-connected'
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
	warnings.push(
		'Digital Post (Serviceplatformen SF1601) is not connected: analog citizens get letters through the print queue at /staff/post, and nothing is sent to e-Boks'
	);
	return warnings;
}
