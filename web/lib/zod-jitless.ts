// The console's build resolves "zod" here (vite.config.ts). zod probes for eval (new Function)
// while it builds its first object schema unless told not to; the console's CSP forbids eval, so
// the probe would be refused and reported. Configuring before any schema module runs avoids it.
import { config } from "zod/v4";

config({ jitless: true });

export * from "zod/v4";
export { default } from "zod/v4";
