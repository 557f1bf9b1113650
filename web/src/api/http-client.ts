import { ApiError, parseErrorBody } from './api-error';
import type { Locale } from './types';

export const API_BASE = '/api/v1';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface RequestOptions {
  /** Already-encoded query string, without the leading "?". */
  query?: string;
  body?: unknown;
  signal?: AbortSignal;
}

let requestLocale: Locale = 'zh-CN';
const unauthorizedListeners = new Set<() => void>();

/** Every request carries the UI language as Accept-Language, so server messages come back translated. */
export function setRequestLocale(locale: Locale): void {
  requestLocale = locale;
}

/** Called when any request answers 401: the session ended (expired, signed out elsewhere). */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The one fetch wrapper of the app: cookies included, JSON in and out, errors as ApiError. */
export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': requestLocale,
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const url = `${API_BASE}${path}${options.query ? `?${options.query}` : ''}`;

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'include',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : 'Network error');
  }

  const body = await readJson(response);
  if (!response.ok) {
    const error = parseErrorBody(response.status, body, response.statusText);
    if (response.status === 401 && !path.startsWith('/auth/')) {
      for (const listener of unauthorizedListeners) listener();
    }
    throw error;
  }
  return body as T;
}

/** A multipart upload (file imports): like request(), but the browser encodes the form and its boundary. */
export async function postForm<T>(path: string, form: FormData, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Accept-Language': requestLocale },
      credentials: 'include',
      body: form,
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : 'Network error');
  }
  const body = await readJson(response);
  if (!response.ok) {
    if (response.status === 401) for (const listener of unauthorizedListeners) listener();
    throw parseErrorBody(response.status, body, response.statusText);
  }
  return body as T;
}

/** The current request language, for links the browser opens itself (downloads). */
export const currentRequestLocale = (): Locale => requestLocale;
