import { runHook } from "../src/protocol/run-hook.js";
import { postToolUseHook } from "../src/handlers/post-tool-use.js";
runHook("PostToolUse", postToolUseHook);
