import { isApiError } from '../api/api-error';
import type { MessageKey } from '../i18n/messages-en-us';

type Translate = (key: MessageKey) => string;

/**
 * The sentence shown for a failed call. A few codes get the UI's own wording (they need an action
 * from the user); otherwise the server's message — already in the user's language — is shown.
 */
export function errorText(error: unknown, t: Translate): string {
  if (isApiError(error)) {
    if (error.is('VERSION_CONFLICT')) return t('error.versionConflict');
    if (error.is('NETWORK_ERROR')) return t('error.network');
    if (error.status === 401) return t('error.sessionExpired');
    if (error.message) return error.message;
    if (error.status === 403) return t('error.forbidden');
    if (error.status === 404) return t('error.notFound');
  }
  if (error instanceof Error && error.message) return error.message;
  return t('error.unknown');
}
