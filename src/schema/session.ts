import { z } from "zod";

export const Role = z.enum(["admin", "editor", "viewer"]);
export type Role = z.infer<typeof Role>;

export const SignIn = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const Unit = z.object({
  id: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  kind: z.enum(["hq", "department", "hospital", "fire", "other"]),
});
export type Unit = z.infer<typeof Unit>;

export const Me = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  unitId: z.string(),
  role: Role,
  expiresAt: z.string(),
});
export type Me = z.infer<typeof Me>;
