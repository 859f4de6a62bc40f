// zod as hookwarden uses it: jitless. Otherwise zod generates a parser per object schema with `new Function` (eval)
// on its first parse — code the V8 code cache never holds, which pays back only over many parses, where a hook
// process parses each schema once. Imported for its effect by every module that builds schemas.
import { config } from "zod/mini";

config({ jitless: true });
