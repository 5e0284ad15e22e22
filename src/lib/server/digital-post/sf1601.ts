// The SF1601 sender: a posting as a kombi_request (a MeMo message, and for remote print the
// fjernprint ForsendelseI) through the Serviceplatformen client (serviceplatformen/client.ts),
// which brings mutual TLS, the STS and access tokens, the timeout and the error classes.
import { randomUUID } from 'node:crypto';
import { PermanentDeliveryError } from '../notifications/channels';
import { PermanentServiceError, type ServiceplatformenClient } from '../serviceplatformen/client';
import { buildKombiRequest, buildMemo } from './memo';
import type { PostSender } from './post';

export function sf1601Sender(
	client: Pick<ServiceplatformenClient, 'kombiPostAfsend'>,
	provider = 'sf1601'
): PostSender {
	return {
		provider,
		async send(request) {
			let body: string;
			try {
				body = buildKombiRequest(request.kombi, buildMemo(request.memo), request.print);
			} catch (error) {
				// A message that breaks a MeMo rule is refused however often it is sent.
				throw new PermanentDeliveryError(
					`The letter is not a valid MeMo message: ${error instanceof Error ? error.message : String(error)}`
				);
			}
			try {
				// A new transaction id per request (X-TransaktionsId); the messageUUID stays the same.
				return await client.kombiPostAfsend({ body, transactionId: randomUUID() });
			} catch (error) {
				if (error instanceof PermanentServiceError) {
					throw new PermanentDeliveryError(`SF1601 refused the letter: ${error.message}`);
				}
				throw error;
			}
		}
	};
}
