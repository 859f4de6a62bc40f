import { runHook } from "../src/protocol/run-hook.js";
import { sessionStartHook } from "../src/handlers/session-start.js";
runHook("SessionStart", sessionStartHook);
