import type { DomainEvent } from '../events/events.schema.js';
import { signatureHeader } from './signature.js';

export const DELIVERY_TIMEOUT_MS = 10_000;
const SNIPPET_CHARS = 500;

export interface DeliveryOutcome {
  ok: boolean;
  statusCode: number | null;
  responseSnippet: string | null;
  error: string | null;
}

/** The JSON a receiver gets. */
export function webhookBody(event: DomainEvent): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    tenantId: event.tenantId,
    data: event.payload,
  });
}

/** POSTs one signed event to a receiver; any 2xx is success. Never throws: failures are described. */
export async function sendWebhook(
  target: { url: string; secret: string },
  deliveryId: string,
  event: DomainEvent,
): Promise<DeliveryOutcome> {
  const body = webhookBody(event);
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Lead2Cash-Webhooks/1',
        'x-l2c-event': event.type,
        // Stays the same on every retry: receivers deduplicate on it.
        'x-l2c-delivery': deliveryId,
        'x-l2c-signature': signatureHeader(target.secret, body, Math.floor(Date.now() / 1000)),
      },
      body,
      // A redirect is reported as a failure rather than followed with the signed body.
      redirect: 'manual',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    const ok = response.status >= 200 && response.status < 300;
    return {
      ok,
      statusCode: response.status,
      responseSnippet: await readSnippet(response),
      error: ok ? null : `HTTP ${response.status}`,
    };
  } catch (err) {
    return { ok: false, statusCode: null, responseSnippet: null, error: describeError(err) };
  }
}

/** The start of the response body, without downloading a large one. */
async function readSnippet(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < SNIPPET_CHARS) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // A body cut short is still worth showing as far as it came.
  } finally {
    await reader.cancel().catch(() => {});
  }
  return text.slice(0, SNIPPET_CHARS);
}

function describeError(err: unknown): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return `No response within ${DELIVERY_TIMEOUT_MS / 1000} s`;
  }
  // fetch reports network failures as "fetch failed" with the reason in `cause`.
  const cause = err instanceof Error ? (err.cause as Error | undefined) : undefined;
  const message = cause?.message ?? (err instanceof Error ? err.message : String(err));
  return `Request failed: ${message}`;
}
