import { z } from "zod";
import { Id, Version } from "./common";
import { Role } from "./session";

/** A person's account as admins see it; secrets never leave the database. */
export const Account = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  unitId: z.string(),
  role: Role,
  email: z.string().nullable(),
  disabled: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof Account>;

const Login = z.string().trim().min(2).max(64).regex(/^[a-z0-9._-]+$/, "lowercase letters, digits, . _ or -");
const DisplayName = z.string().trim().min(1, "write the person's name").max(100);
const Email = z.string().trim().toLowerCase().email().max(254);
/** Long enough to resist guessing through the throttle; no composition rules (NIST 800-63B). */
/** The shortest password accepted, also asked of the browser's own check before anything is sent. */
export const PASSWORD_MIN_LENGTH = 10;
export const NewPassword = z.string().min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`).max(256);

export const AccountCreate = z.strictObject({
  login: Login,
  displayName: DisplayName,
  unitId: Id,
  role: Role,
  password: NewPassword,
  email: Email.nullable().default(null),
});
export type AccountCreate = z.infer<typeof AccountCreate>;

export const AccountPatch = z
  .strictObject({
    version: Version,
    displayName: DisplayName.optional(),
    unitId: Id.optional(),
    role: Role.optional(),
    email: Email.nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .refine((p) => Object.keys(p).length > 1, { message: "nothing to change", path: [] });
export type AccountPatch = z.infer<typeof AccountPatch>;

export const PasswordReset = z.strictObject({ version: Version, password: NewPassword });
export const PasswordChange = z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: NewPassword });
