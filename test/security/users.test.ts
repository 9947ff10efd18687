import { beforeAll, describe, expect, it } from "vitest";
import { type Client, clientWith, countRows, PASSWORD, sendJson, signIn } from "../helpers";

let hq: Client;
beforeAll(async () => {
  hq = await signIn("hq");
});

const newAccount = async (over: Record<string, unknown> = {}) => {
  const login = `u-${crypto.randomUUID().slice(0, 8)}`;
  const made = await sendJson(hq, "POST", "/api/users", { login, displayName: "釧路 花子", unitId: "water", role: "editor", password: "first-password-1", ...over });
  expect(made.status).toBe(201);
  return { login, account: made.body.data as { id: string; version: number } };
};

describe("user management", () => {
  it("an admin creates a person who can then sign in with the unit and role given, logged without secrets", async () => {
    const { login, account } = await newAccount();
    const person = await signIn(login, "first-password-1");
    const me = (await (await person.get("/api/session")).json()) as any;
    expect(me.user).toMatchObject({ login, unitId: "water", role: "editor" });
    const log = await countRows("change_log", "entity_type = 'user' AND entity_id = ? AND op = 'create'", account.id);
    expect(log).toBe(1);
    expect(await countRows("change_log", "entity_type = 'user' AND after_json LIKE '%password%'")).toBe(0);
  });

  it("disabling ends the person's sessions at once, reads and writes alike, and refuses sign-in", async () => {
    const { login, account } = await newAccount();
    const person = await signIn(login, "first-password-1");
    expect((await person.get("/api/incidents")).status).toBe(200);
    const off = await sendJson(hq, "PATCH", `/api/users/${account.id}`, { version: account.version, disabled: true });
    expect(off.status).toBe(200);
    expect(off.body.data.disabled).toBe(true);
    expect((await person.get("/api/incidents")).status).toBe(401);
    expect((await person.send("POST", "/api/incidents", { title: "x", kind: "drill", hazard: "flood", onsetAt: "2026-11-24T09:00:00Z" })).status).toBe(401);
    await expect(signIn(login, "first-password-1")).rejects.toThrow(/401/);
    expect(await countRows("change_log", "entity_type = 'user' AND entity_id = ? AND op = 'disable'", account.id)).toBe(1);
  });

  it("a unit or role change takes effect on the person's next request", async () => {
    const { login, account } = await newAccount();
    const person = await signIn(login, "first-password-1");
    expect((await sendJson(hq, "PATCH", `/api/users/${account.id}`, { version: account.version, role: "viewer" })).status).toBe(200);
    const refused = await person.send("POST", "/api/incidents", { title: "x", kind: "drill", hazard: "flood", onsetAt: "2026-11-24T09:00:00Z" });
    expect([401, 403]).toContain(refused.status);
  });

  it("an admin's password reset ends every session of that person; the new password works", async () => {
    const { login, account } = await newAccount();
    const person = await signIn(login, "first-password-1");
    expect((await sendJson(hq, "POST", `/api/users/${account.id}/password`, { version: account.version, password: "second-password-2" })).status).toBe(200);
    expect((await person.get("/api/session")).status).toBe(401);
    await expect(signIn(login, "first-password-1")).rejects.toThrow(/401/);
    await signIn(login, "second-password-2");
    expect(await countRows("change_log", "entity_type = 'user' AND entity_id = ? AND op = 'password_reset'", account.id)).toBe(1);
  });

  it("a person changes their own password: other sessions end, this one carries on renewed", async () => {
    const { login } = await newAccount();
    const here = await signIn(login, "first-password-1");
    const elsewhere = await signIn(login, "first-password-1");
    const wrong = await sendJson(here, "PUT", "/api/session/password", { currentPassword: "nope", newPassword: "my-new-password-3" });
    expect(wrong.status).toBe(422);
    const changed = await sendJson(here, "PUT", "/api/session/password", { currentPassword: "first-password-1", newPassword: "my-new-password-3" });
    expect(changed.status).toBe(200);
    expect((await elsewhere.get("/api/session")).status).toBe(401);
    const renewed = clientWith(changed.res.headers.get("Set-Cookie")!.split(";")[0]!);
    expect((await renewed.get("/api/session")).status).toBe(200);
    await signIn(login, "my-new-password-3");
  });

  it("refuses a taken login, a short password, and an admin disabling themselves", async () => {
    expect((await sendJson(hq, "POST", "/api/users", { login: "water", displayName: "重複", unitId: "water", role: "viewer", password: "long-enough-1" })).status).toBe(409);
    const short = await sendJson(hq, "POST", "/api/users", { login: "shorty", displayName: "短い", unitId: "water", role: "viewer", password: "short" });
    expect(short.body.error.fields[0].path).toBe("password");
    const users = (await (await hq.get("/api/users")).json()) as any;
    const me = users.items.find((u: any) => u.login === "hq");
    expect((await sendJson(hq, "PATCH", `/api/users/${me.id}`, { version: me.version, disabled: true })).status).toBe(422);
    expect(PASSWORD).toBeTruthy();
  });
});
