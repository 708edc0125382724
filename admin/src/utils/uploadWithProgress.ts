/**
 * A multipart POST that reports how many bytes went out: `fetch` can't tell, so this is the one
 * place with a raw XMLHttpRequest (as Strapi's own upload plugin does). A failure rejects with an
 * error shaped like the admin's `FetchError`, so `apiErrorMessage` reads the server's message.
 */

export interface UploadError extends Error {
  name: 'FetchError';
  status: number;
  response?: { data?: { error?: { message?: string } } };
}

const uploadError = (status: number, body: unknown, fallback: string): UploadError => {
  const error = new Error(fallback) as UploadError;
  error.name = 'FetchError';
  error.status = status;
  if (body && typeof body === 'object') {
    error.response = { data: body as NonNullable<UploadError['response']>['data'] };
  }
  return error;
};

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** POSTs `body` to `url` with the admin token; `onProgress` gets the share sent, 0 to 1. */
export const uploadWithProgress = <T>(
  url: string,
  token: string | null,
  body: FormData,
  onProgress: (share: number) => void,
  signal?: AbortSignal
) =>
  new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    const abort = () => xhr.abort();
    signal?.addEventListener('abort', abort);
    const done = () => signal?.removeEventListener('abort', abort);
    xhr.onload = () => {
      done();
      const data = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300 && data !== undefined) resolve(data as T);
      else reject(uploadError(xhr.status, data, `Upload failed (${xhr.status})`));
    };
    xhr.onerror = () => {
      done();
      reject(uploadError(0, undefined, 'The upload could not reach the server'));
    };
    xhr.onabort = () => {
      done();
      reject(new DOMException('The upload was cancelled', 'AbortError'));
    };
    xhr.send(body);
  });
