/**
 * GET requests to Mastodon instances and Bluesky's AppView for the build:
 * a time-out on each, a budget of requests per service and build, and
 * Mastodon's `X-RateLimit-Remaining` / `X-RateLimit-Reset` honoured per
 * origin (https://docs.joinmastodon.org/api/rate-limits/). Every way a
 * request can fail becomes one `SocialError` in words an author can act on;
 * a request not sent out of politeness is a `Postponed`.
 */

export class SocialError extends Error {
  override name = "SocialError";
}

/** Not sent this build (budget spent, or the service's rate limit nearly used up): the cache is kept. */
export class Postponed extends Error {
  override name = "Postponed";
}

export interface JsonAnswer {
  status: number;
  /** The parsed body (null for a body that is not JSON on a 4xx answer). */
  json: unknown;
}

export interface JsonClientOptions {
  timeoutMs: number;
  /** Requests this client may send in one build. */
  budget: number;
  /** Stop asking an origin when fewer requests than this are left in its rate limit. */
  reserve?: number;
}

export class JsonClient {
  requests = 0;
  /** Set once an origin's rate limit is nearly used up: when it is reset. */
  readonly limited = new Map<string, string>();
  readonly #options: Required<JsonClientOptions>;

  constructor(options: JsonClientOptions) {
    this.#options = { reserve: 10, ...options };
  }

  async get(address: string): Promise<JsonAnswer> {
    const url = new URL(address);
    const { timeoutMs, budget, reserve } = this.#options;
    if (this.limited.has(url.origin))
      throw new Postponed(`${url.host}'s rate limit is nearly used up until ${this.limited.get(url.origin)}`);
    if (this.requests >= budget) throw new Postponed(`${budget} requests sent this build`);
    this.requests++;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        headers: { Accept: "application/json", "User-Agent": "billet-comments" },
        signal: controller.signal,
        redirect: "follow",
      });
      text = await response.text();
    } catch (error) {
      if (controller.signal.aborted) throw new SocialError(`${url.host} did not answer within ${timeoutMs / 1000} s`);
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new SocialError(
        `could not reach ${url.host} (${cause?.code ?? cause?.message ?? (error as Error).message})`,
      );
    } finally {
      clearTimeout(timer);
    }
    const remaining = Number(response.headers.get("x-ratelimit-remaining") ?? NaN);
    if (Number.isFinite(remaining) && remaining < reserve) {
      const reset = response.headers.get("x-ratelimit-reset");
      this.limited.set(url.origin, reset && !Number.isNaN(Date.parse(reset)) ? reset : "later");
    }
    if (response.status === 429) {
      this.limited.set(url.origin, response.headers.get("x-ratelimit-reset") ?? "later");
      throw new SocialError(`${url.host} asked to slow down (429 Too Many Requests)`);
    }
    if (response.status >= 500)
      throw new SocialError(`${url.host} answered ${response.status} ${response.statusText}`.trim());
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      if (response.status < 400)
        throw new SocialError(`${url.host}'s answer was not valid JSON (${response.status}, ${text.length} bytes)`);
    }
    return { status: response.status, json };
  }
}
