// File uploads with progress: fetch cannot report upload progress, XMLHttpRequest can. A refused access
// token is refreshed through the session (sharing its one refresh in flight) and the upload sent again.
import type { ApiPath, ApiResponse } from "@coach/contracts/api-routes";
import { apiPath } from "./api-path";
import { ApiError, apiErrorOf, networkError } from "./errors";
import type { Session } from "./session";

function parseError(xhr: XMLHttpRequest): ApiError {
  try {
    const error = apiErrorOf(xhr.status, JSON.parse(xhr.responseText));
    if (error) return error;
  } catch {
    // Not our error body; described below.
  }
  return new ApiError(
    xhr.status,
    `http_${xhr.status}`,
    `The upload was answered with ${xhr.status}. Try again in a moment.`,
  );
}

function sendOnce(
  url: string,
  accessToken: string,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<XMLHttpRequest> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Authorization", `Bearer ${accessToken}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => resolve(xhr);
    xhr.onerror = () => reject(networkError());
    xhr.send(form);
  });
}

/** Posts `form` to the route `path`, reporting progress from 0 to 1; resolves to the route's JSON answer. */
export async function uploadWithProgress<P extends ApiPath<"POST">>(
  session: Session,
  path: P,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<ApiResponse<"POST", P>> {
  const tokens = session.tokens;
  if (!tokens) throw new ApiError(401, "signed_out", "You are signed out. Sign in again.");
  const url = `${session.base}${apiPath(path, {})}`;
  let xhr = await sendOnce(url, tokens.access_token, form, onProgress);
  if (xhr.status === 401) {
    const fresh = await session.refresh(tokens.access_token);
    if (fresh) xhr = await sendOnce(url, fresh.access_token, form, onProgress);
  }
  if (xhr.status < 200 || xhr.status >= 300) throw parseError(xhr);
  onProgress(1);
  return JSON.parse(xhr.responseText);
}
