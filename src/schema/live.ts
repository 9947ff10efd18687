import { z } from "zod";
import { Change } from "./changes";
import { Incident } from "./incidents";

/** Everything a room sends. Each `change` carries its stream sequence number. */
export const ServerMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("hello"), stream: z.string(), latestSeq: z.number().int(), present: z.number().int() }),
  z.object({ type: z.literal("change"), change: Change }),
  z.object({ type: z.literal("incident"), incident: Incident }),
  z.object({ type: z.literal("presence"), present: z.number().int() }),
  z.object({ type: z.literal("pong") }),
  z.object({ type: z.literal("error"), message: z.string() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

/** Everything a console may send. `ping` is answered by the runtime without waking the room. */
export const ClientMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ping") }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export const PING = JSON.stringify({ type: "ping" } satisfies ClientMessage);
export const PONG = JSON.stringify({ type: "pong" } satisfies ServerMessage);
