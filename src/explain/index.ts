// Plain-English descriptions of shell commands, for reasons and `hookwarden explain`.
export { describeCommand, describeCommands, describeShell } from "./describe.js";
