import { decode, verify } from "hono/jwt";
import { createSession, findUserByEmail } from "../db/people";
import type { Me } from "../schema/session";
import { ApiError, type Ctx } from "./app";

/**
 * Cloudflare Access mode (optional). When ACCESS_TEAM_DOMAIN and ACCESS_AUD are set, Cloudflare
 * Access stands in front of the worker and signs every request it lets through with a
 * `Cf-Access-Jwt-Assertion` (RS256, keys published at the team's /cdn-cgi/access/certs). The
 * worker then trusts that assertion only: its signature against the team's current keys, its
 * audience (the Access application), its issuer (the team), its expiry and start. The e-mail it
 * carries names the person's account. Without those vars, password sign-in is the way in.
 */
export type AccessConfig = { issuer: string; audience: string; certsUrl: string };

export const ACCESS_HEADER = "Cf-Access-Jwt-Assertion";

export function accessConfig(vars: { ACCESS_TEAM_DOMAIN?: string; ACCESS_AUD?: string }): AccessConfig | null {
  const team = (vars.ACCESS_TEAM_DOMAIN ?? "").trim();
  const audience = (vars.ACCESS_AUD ?? "").trim();
  if (!team && !audience) return null;
  if (!team || !audience) {
    // Half a configuration must not silently fall back to passwords, nor let anyone in.
    throw new ApiError(500, "access_misconfigured", "Cloudflare Access mode needs both ACCESS_TEAM_DOMAIN and ACCESS_AUD.");
  }
  const issuer = (team.startsWith("https://") ? team : `https://${team}`).replace(/\/+$/, "");
  return { issuer, audience, certsUrl: `${issuer}/cdn-cgi/access/certs` };
}

type PublicJwk = JsonWebKey & { kid?: string };
type LoadKeys = (url: string) => Promise<Response>;

/**
 * The team's signing keys by key id, cached. A token naming a key id the cache lacks makes it
 * fetch again (Access rotates its keys), but at most once per `refetchMs`, so a stream of tokens
 * with made-up key ids cannot turn into a stream of fetches.
 */
export class AccessKeys {
  #keys = new Map<string, CryptoKey>();
  #fetchedAt = Number.NEGATIVE_INFINITY;
  #loading: Promise<void> | null = null;

  constructor(
    readonly certsUrl: string,
    private readonly load: LoadKeys = (url) => fetch(url),
    private readonly maxAgeMs = 60 * 60_000,
    private readonly refetchMs = 30_000,
  ) {}

  async key(kid: string, now = Date.now()): Promise<CryptoKey | null> {
    if (now - this.#fetchedAt > this.maxAgeMs) await this.#refresh(now);
    const known = this.#keys.get(kid);
    if (known) return known;
    if (now - this.#fetchedAt >= this.refetchMs) await this.#refresh(now);
    return this.#keys.get(kid) ?? null;
  }

  #refresh(now: number): Promise<void> {
    this.#loading ??= this.#fetch(now).finally(() => {
      this.#loading = null;
    });
    return this.#loading;
  }

  async #fetch(now: number) {
    const res = await this.load(this.certsUrl);
    if (!res.ok) throw new ApiError(503, "access_keys_unavailable", `The Cloudflare Access keys could not be fetched (${res.status}).`);
    const body = (await res.json()) as { keys?: PublicJwk[] };
    const keys = new Map<string, CryptoKey>();
    for (const jwk of body.keys ?? []) {
      if (!jwk.kid || jwk.kty !== "RSA") continue;
      const { kid, ...material } = jwk;
      keys.set(kid, await crypto.subtle.importKey("jwk", material, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["verify"]));
    }
    // Keys no longer published are dropped: a retired key signs nothing more.
    this.#keys = keys;
    this.#fetchedAt = now;
  }
}

/** Why an assertion was not trusted, in words an operator can act on. */
const REASONS: Record<string, string> = {
  JwtTokenExpired: "expired",
  JwtTokenNotBefore: "not valid yet",
  JwtTokenIssuedAt: "issued in the future",
  JwtTokenAudience: "for another application (audience)",
  JwtPayloadRequiresAud: "for another application (audience)",
  JwtTokenIssuer: "from another team (issuer)",
  JwtTokenSignatureMismatched: "signature does not match",
  JwtAlgorithmMismatch: "not signed with RS256",
};

const refused = (why: string) =>
  new ApiError(401, "access_denied", `The Cloudflare Access assertion was not accepted: ${why}.`, {
    fields: [{ path: `header.${ACCESS_HEADER}`, message: why }],
  });

/** The verified e-mail of the person Cloudflare Access let through, or a 401 saying why not. */
export async function verifyAccessAssertion(token: string | undefined, config: AccessConfig, keys: AccessKeys, now = Date.now()): Promise<{ email: string; expiresAt: number }> {
  if (!token) throw refused("missing");
  let header: { kid?: unknown; alg?: unknown };
  try {
    header = decode(token).header as typeof header;
  } catch {
    throw refused("not a JWT");
  }
  if (header.alg !== "RS256") throw refused("not signed with RS256");
  if (typeof header.kid !== "string") throw refused("names no key");
  const key = await keys.key(header.kid, now);
  if (!key) throw refused("signed by a key the team does not publish");
  let payload: Record<string, unknown>;
  try {
    payload = await verify(token, key, { alg: "RS256", iss: config.issuer, aud: config.audience });
  } catch (err) {
    throw refused(REASONS[(err as Error).name] ?? "malformed");
  }
  // Access always sets an expiry; a token without one would be valid for ever.
  if (typeof payload.exp !== "number") throw refused("has no expiry");
  if (typeof payload.email !== "string" || !payload.email) throw refused("carries no e-mail");
  return { email: payload.email.trim().toLowerCase(), expiresAt: payload.exp * 1000 };
}

// One key cache per team per isolate.
const caches = new Map<string, AccessKeys>();

/** The team's key cache; `load` (the certs endpoint by default) is used when the cache is first made. */
export function accessKeysFor(config: AccessConfig, load?: LoadKeys): AccessKeys {
  let keys = caches.get(config.certsUrl);
  if (!keys) caches.set(config.certsUrl, (keys = new AccessKeys(config.certsUrl, load)));
  return keys;
}

/**
 * Who Cloudflare Access let through, as a session keyed by the assertion itself: the same assertion
 * finds the same session, a new one (another person, or Access renewed it) opens its own, and
 * every write's batch re-checks that session as it does a password session's.
 */
export async function accessSessionToken(c: Ctx, config: AccessConfig) {
  const assertion = c.req.header(ACCESS_HEADER);
  const proof = await verifyAccessAssertion(assertion, config, accessKeysFor(config));
  return { token: `access:${assertion}`, proof };
}

/** A session for the account the verified e-mail names; 403 when no (enabled) account has it. */
export async function openAccessSession(c: Ctx, tokenHash: string, proof: { email: string; expiresAt: number }): Promise<Me> {
  const user = await findUserByEmail(c.env.DB, proof.email);
  if (!user) {
    throw new ApiError(403, "no_account", `Cloudflare Access let ${proof.email} in, but no enabled account has that e-mail. Ask an administrator.`);
  }
  const now = Date.now();
  const ttlMs = (Number(c.env.SESSION_TTL_HOURS) || 12) * 3_600_000;
  const expiresAt = new Date(Math.min(now + ttlMs, proof.expiresAt)).toISOString();
  await createSession(c.env.DB, { tokenHash, userId: user.id, now: new Date(now).toISOString(), expiresAt, attemptKeys: null });
  return { ...user, expiresAt };
}
