import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { sign } from "hono/jwt";
import { describe, expect, it } from "vitest";
import app from "../../src/index";
import { type AccessConfig, AccessKeys, accessConfig, accessKeysFor, verifyAccessAssertion } from "../../src/lib/cloudflare-access";
import { countRows, ORIGIN, signIn } from "../helpers";

/** A signing key as Access holds it, made here: the private half signs, the public half is published. */
async function signingKey(kid: string) {
  const pair = (await crypto.subtle.generateKey(
    { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
    true,
    ["sign", "verify"],
  )) as CryptoKeyPair;
  const privateJwk = { ...((await crypto.subtle.exportKey("jwk", pair.privateKey)) as JsonWebKey), kid, alg: "RS256" };
  const publicJwk = { ...((await crypto.subtle.exportKey("jwk", pair.publicKey)) as JsonWebKey), kid, alg: "RS256", use: "sig" };
  return { kid, privateJwk, publicJwk };
}
type SigningKey = Awaited<ReturnType<typeof signingKey>>;

/** The team's certs endpoint as Access serves it; `published` can change, as when Access rotates keys. */
function certsEndpoint(published: SigningKey[]) {
  const served = { keys: published, fetches: 0 };
  const load = async () => {
    served.fetches++;
    return Response.json({ keys: served.keys.map((k) => k.publicJwk) });
  };
  return { served, load };
}

const team = () => `team-${crypto.randomUUID().slice(0, 8)}.cloudflareaccess.com`;
const AUD = "5f0c3f2a9d1e4b7c8a6e2d1f0b9c8a7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a";
const nowS = () => Math.floor(Date.now() / 1000);

function assertion(key: SigningKey, config: AccessConfig, over: Record<string, unknown> = {}) {
  return sign({ aud: [config.audience], iss: config.issuer, email: "water@kushiro.example", iat: nowS(), nbf: nowS() - 5, exp: nowS() + 600, sub: "s1", ...over }, key.privateJwk, "RS256");
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (e) {
    return e as { status: number; code: string; message: string };
  }
  throw new Error("was accepted");
}

describe("Cloudflare Access assertions", () => {
  it("accepts a good token and gives its e-mail", async () => {
    const k1 = await signingKey("k1");
    const config = accessConfig({ ACCESS_TEAM_DOMAIN: team(), ACCESS_AUD: AUD })!;
    const { load } = certsEndpoint([k1]);
    const ok = await verifyAccessAssertion(await assertion(k1, config, { email: "Water@Kushiro.example" }), config, new AccessKeys(config.certsUrl, load));
    expect(ok.email).toBe("water@kushiro.example");
  });

  it("refuses a wrong audience, another team, an expired or not-yet-valid token, and one without expiry", async () => {
    const k1 = await signingKey("k1");
    const config = accessConfig({ ACCESS_TEAM_DOMAIN: team(), ACCESS_AUD: AUD })!;
    const keys = new AccessKeys(config.certsUrl, certsEndpoint([k1]).load);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ aud: ["another-application"] }, /audience/],
      [{ iss: "https://elsewhere.cloudflareaccess.com" }, /issuer/],
      [{ exp: nowS() - 10 }, /expired/],
      [{ nbf: nowS() + 600 }, /not valid yet/],
      [{ exp: undefined }, /no expiry/],
      [{ email: undefined }, /no e-mail/],
    ];
    for (const [over, why] of cases) {
      const e = await refusal(verifyAccessAssertion(await assertion(k1, config, over), config, keys));
      expect(e, JSON.stringify(over)).toMatchObject({ status: 401, code: "access_denied" });
      expect(e.message).toMatch(why);
    }
  });

  it("refuses a token signed by a key the team does not publish, and one whose signature was tampered with", async () => {
    const [k1, stranger] = [await signingKey("k1"), await signingKey("k1-lookalike")];
    const config = accessConfig({ ACCESS_TEAM_DOMAIN: team(), ACCESS_AUD: AUD })!;
    const keys = new AccessKeys(config.certsUrl, certsEndpoint([k1]).load);
    expect((await refusal(verifyAccessAssertion(await assertion(stranger, config), config, keys))).message).toMatch(/key the team does not publish/);
    // Same key id as a published key, different key: the signature gives it away.
    const forged = await assertion({ ...stranger, privateJwk: { ...stranger.privateJwk, kid: "k1" } }, config);
    expect((await refusal(verifyAccessAssertion(forged, config, keys))).message).toMatch(/signature/);
    expect((await refusal(verifyAccessAssertion(undefined, config, keys))).message).toMatch(/missing/);
    expect((await refusal(verifyAccessAssertion("not.a.jwt", config, keys))).message).toMatch(/JWT/);
  });

  it("follows a key rotation: a new key id fetches the keys again, a retired key stops working", async () => {
    const [k1, k2] = [await signingKey("k1"), await signingKey("k2")];
    const config = accessConfig({ ACCESS_TEAM_DOMAIN: team(), ACCESS_AUD: AUD })!;
    const { served, load } = certsEndpoint([k1]);
    const t0 = Date.now();
    const keys = new AccessKeys(config.certsUrl, load, 3_600_000, 30_000);
    expect((await verifyAccessAssertion(await assertion(k1, config), config, keys, t0)).email).toBe("water@kushiro.example");
    expect((await verifyAccessAssertion(await assertion(k1, config), config, keys, t0 + 1_000)).email).toBeTruthy();
    expect(served.fetches).toBe(1);

    served.keys = [k1, k2];
    // Within the refetch interval an unknown key id does not trigger a fetch (no fetch storm from made-up ids).
    await refusal(verifyAccessAssertion(await assertion(k2, config), config, keys, t0 + 2_000));
    expect(served.fetches).toBe(1);
    expect((await verifyAccessAssertion(await assertion(k2, config), config, keys, t0 + 31_000)).email).toBeTruthy();
    expect(served.fetches).toBe(2);

    served.keys = [k2];
    // After the cache's age the keys are fetched again and the retired one no longer verifies.
    const later = t0 + 3_700_000;
    expect((await refusal(verifyAccessAssertion(await assertion(k1, config), config, keys, later))).message).toMatch(/does not publish/);
    expect((await verifyAccessAssertion(await assertion(k2, config), config, keys, later)).email).toBeTruthy();
  });

  it("refuses half a configuration instead of falling back to passwords", () => {
    expect(accessConfig({})).toBeNull();
    expect(accessConfig({ ACCESS_TEAM_DOMAIN: "", ACCESS_AUD: "" })).toBeNull();
    expect(() => accessConfig({ ACCESS_TEAM_DOMAIN: "kushiro.cloudflareaccess.com" })).toThrow(/both/);
    expect(accessConfig({ ACCESS_TEAM_DOMAIN: "https://kushiro.cloudflareaccess.com/", ACCESS_AUD: AUD })).toEqual({
      issuer: "https://kushiro.cloudflareaccess.com",
      audience: AUD,
      certsUrl: "https://kushiro.cloudflareaccess.com/cdn-cgi/access/certs",
    });
  });
});

describe("the worker in Cloudflare Access mode", () => {
  /** The app as deployed behind Access: the two vars set, the team's certs endpoint serving `keys`. */
  async function behindAccess(keys: SigningKey[]) {
    const vars = { ACCESS_TEAM_DOMAIN: team(), ACCESS_AUD: AUD };
    const config = accessConfig(vars)!;
    accessKeysFor(config, certsEndpoint(keys).load);
    const call = async (path: string, token: string | null, init: RequestInit = {}) => {
      const ctx = createExecutionContext();
      const headers = new Headers(init.headers);
      if (token) headers.set("Cf-Access-Jwt-Assertion", token);
      const res = await app.fetch(new Request(`${ORIGIN}${path}`, { ...init, headers }), { ...env, ...vars }, ctx);
      await waitOnExecutionContext(ctx);
      return res;
    };
    return { config, call };
  }

  async function withEmail(login: string, email: string) {
    const hq = await signIn("hq");
    const account = (await (await hq.get("/api/users")).json()) as { items: { id: string; login: string; version: number }[] };
    const a = account.items.find((x) => x.login === login)!;
    const res = await hq.send("PATCH", `/api/users/${a.id}`, { version: a.version, email });
    expect(res.status).toBe(200);
  }

  it("maps the verified e-mail to its account, and writes as that person", async () => {
    await withEmail("water", "water@kushiro.example");
    const k1 = await signingKey("k1");
    const { config, call } = await behindAccess([k1]);
    const token = await assertion(k1, config);
    const me = await call("/api/session", token);
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { login: string } }).user.login).toBe("water");

    const incidents = await countRows("incidents");
    const opened = await call("/api/incidents", token, {
      method: "POST",
      headers: { Origin: ORIGIN, "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
      body: JSON.stringify({ title: "アクセス経由の訓練", kind: "drill", hazard: "tsunami", onsetAt: "2026-11-24T09:00:00+09:00" }),
    });
    expect(opened.status, await opened.clone().text()).toBe(201);
    expect(await countRows("incidents")).toBe(incidents + 1);
    const logged = await env.DB.prepare("SELECT actor_id FROM change_log ORDER BY seq DESC LIMIT 1").first<{ actor_id: string }>();
    expect(logged?.actor_id).toBe("user-water");
  });

  it("answers 401 to a wrong audience, an expired token and an unknown key, and trusts no password or cookie", async () => {
    await withEmail("water", "water@kushiro.example");
    const [k1, unknown] = [await signingKey("k1"), await signingKey("k9")];
    const { config, call } = await behindAccess([k1]);
    for (const token of [await assertion(k1, config, { aud: ["other-app"] }), await assertion(k1, config, { exp: nowS() - 1 }), await assertion(unknown, config), null]) {
      const res = await call("/api/session", token);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("access_denied");
    }
    // A valid password session from elsewhere is no way in without the assertion.
    const water = await signIn("water");
    expect((await call("/api/session", null, { headers: { Cookie: water.cookie } })).status).toBe(401);
    const password = await call("/api/session", null, {
      method: "POST",
      headers: { Origin: ORIGIN, "Content-Type": "application/json" },
      body: JSON.stringify({ login: "water", password: "correct horse" }),
    });
    expect(password.status).toBe(403);
    expect(((await password.json()) as { error: { code: string } }).error.code).toBe("access_mode");
  });

  it("refuses a person Access knows but who has no enabled account", async () => {
    const k1 = await signingKey("k1");
    const { config, call } = await behindAccess([k1]);
    const res = await call("/api/incidents", await assertion(k1, config, { email: "visitor@example.com" }));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("no_account");
  });
});
