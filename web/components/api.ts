import { currentLanguage, translate, type Language } from './i18n';

/**
 * An error the API reported (`{ error: { code, message } }`, message already in the user's
 * language), or one of two of our own: NETWORK (no answer at all) and BAD_RESPONSE (an
 * answer that is not the API's JSON, e.g. a proxy's error page).
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, status: number, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Not there, or not the user's to see (404, 403): a page says so in place of itself. */
export function isMissing(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || error.status === 403);
}

/** The text to show for any error a request can throw. */
export function errorMessage(error: unknown, language: Language = currentLanguage()): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return translate(language, 'error.unexpected', { status: '?' });
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClientOptions {
  /** Defaults to the global fetch, looked up at each call. */
  fetch?: typeof fetch;
  /** The language of our own messages; defaults to the stored interface language. */
  language?: () => Language;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface ApiClient {
  request<T>(
    method: HttpMethod,
    path: string,
    body?: unknown,
    options?: RequestOptions,
  ): Promise<T>;
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  delete<T>(path: string, options?: RequestOptions): Promise<T>;
  /**
   * POSTs a file's bytes as they are (`application/octet-stream`), as the import route
   * takes them; the answer is JSON like any other.
   */
  upload<T>(path: string, file: Blob, options?: RequestOptions): Promise<T>;
}

function isErrorBody(value: unknown): value is { error: { code: string; message: string } } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    'message' in error &&
    typeof error.code === 'string' &&
    typeof error.message === 'string'
  );
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const language = options.language ?? currentLanguage;

  async function send<T>(
    method: HttpMethod,
    path: string,
    body: { json: unknown } | { bytes: Blob } | undefined,
    requestOptions: RequestOptions,
  ): Promise<T> {
    const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    const headers: Record<string, string> = { accept: 'application/json' };
    const init: RequestInit = { method, headers, credentials: 'same-origin' };
    if (body && 'bytes' in body) {
      headers['content-type'] = 'application/octet-stream';
      init.body = body.bytes;
    } else if (body && body.json !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body.json);
    }
    if (requestOptions.signal) init.signal = requestOptions.signal;

    let response: Response;
    try {
      response = await doFetch(path, init);
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new ApiError('NETWORK', 0, translate(language(), 'error.network'));
    }

    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new ApiError('NETWORK', response.status, translate(language(), 'error.network'));
    }
    let parsed: unknown = undefined;
    let json = text === '';
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
        json = true;
      } catch {
        json = false;
      }
    }

    if (!response.ok) {
      if (isErrorBody(parsed)) {
        throw new ApiError(parsed.error.code, response.status, parsed.error.message);
      }
      throw new ApiError(
        'BAD_RESPONSE',
        response.status,
        translate(language(), 'error.unexpected', { status: response.status }),
      );
    }
    if (!json) {
      throw new ApiError(
        'BAD_RESPONSE',
        response.status,
        translate(language(), 'error.unexpected', { status: response.status }),
      );
    }
    return parsed as T;
  }

  function request<T>(
    method: HttpMethod,
    path: string,
    body?: unknown,
    requestOptions: RequestOptions = {},
  ): Promise<T> {
    return send<T>(method, path, { json: body }, requestOptions);
  }

  return {
    request,
    upload: (path, file, requestOptions = {}) =>
      send('POST', path, { bytes: file }, requestOptions),
    get: (path, requestOptions) => request('GET', path, undefined, requestOptions),
    post: (path, body, requestOptions) => request('POST', path, body, requestOptions),
    delete: (path, requestOptions) => request('DELETE', path, undefined, requestOptions),
  };
}

/** The client the apps use: same origin, the interface language. */
export const api: ApiClient = createApiClient();
