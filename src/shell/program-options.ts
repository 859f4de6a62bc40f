// Long options of the programs whose options the checks read, complete as the program's `--help` lists them (the
// version beside each list; git: `--git-completion-helper-all`, `--no-` forms included). These programs take any
// unambiguous prefix of a long option (long-options.ts), so a list must be whole: an option a newer release adds
// reads as unknown, and the checks ask. Data only.
import type { LongOptions } from "./long-options.js";
import { table } from "../table.js";

const HELP = ["--help", "--version"];

// ── read-only set (sed 4.9, coreutils 9.1 sort/date, file 5.44, grep 3.8) ────────────────────────────────────────────

const SED: LongOptions = {
  flags: ["--quiet", "--silent", "--debug", "--follow-symlinks", "--posix", "--regexp-extended", "--separate", "--sandbox", "--unbuffered", "--null-data", "--zero-terminated", "--binary", ...HELP],
  values: ["--expression", "--file", "--line-length"],
  optional: ["--in-place"],
};

const GREP: LongOptions = {
  flags: ["--extended-regexp", "--fixed-strings", "--basic-regexp", "--perl-regexp", "--ignore-case", "--no-ignore-case", "--word-regexp", "--line-regexp", "--null-data", "--no-messages", "--invert-match", "--byte-offset", "--line-number", "--line-buffered", "--with-filename", "--no-filename", "--only-matching", "--quiet", "--silent", "--text", "--recursive", "--dereference-recursive", "--files-without-match", "--files-with-matches", "--count", "--initial-tab", "--null", "--no-group-separator", "--binary", ...HELP],
  values: ["--regexp", "--file", "--max-count", "--label", "--binary-files", "--directories", "--devices", "--include", "--exclude", "--exclude-from", "--exclude-dir", "--before-context", "--after-context", "--context", "--group-separator"],
  optional: ["--color", "--colour"],
};

/** GNU programs by name. */
export const GNU_LONG_OPTIONS: Readonly<Record<string, LongOptions>> = table({
  sed: SED,
  sort: {
    flags: ["--ignore-leading-blanks", "--dictionary-order", "--ignore-case", "--general-numeric-sort", "--ignore-nonprinting", "--month-sort", "--human-numeric-sort", "--numeric-sort", "--random-sort", "--reverse", "--version-sort", "--debug", "--merge", "--stable", "--unique", "--zero-terminated", ...HELP],
    values: ["--random-source", "--sort", "--batch-size", "--compress-program", "--files0-from", "--key", "--output", "--buffer-size", "--field-separator", "--temporary-directory", "--parallel"],
    optional: ["--check"],
  },
  date: {
    flags: ["--debug", "--resolution", "--rfc-email", "--rfc-822", "--rfc-2822", "--utc", "--uct", "--universal", ...HELP],
    values: ["--date", "--file", "--rfc-3339", "--reference", "--set"],
    optional: ["--iso-8601"],
  },
  file: {
    flags: ["--uncompress", "--uncompress-noreport", "--brief", "--checking-printout", "--mime", "--mime-encoding", "--apple", "--extension", "--mime-type", "--keep-going", "--list", "--dereference", "--no-dereference", "--no-buffer", "--no-pad", "--print0", "--preserve-date", "--raw", "--special-files", "--no-sandbox", "--compile", "--debug", ...HELP],
    values: ["--magic-file", "--exclude", "--exclude-quiet", "--files-from", "--separator", "--parameter"],
  },
  grep: GREP,
  egrep: GREP,
  fgrep: GREP,
});

/** `--contains [COMMIT]`: git takes the next word, unless there is none (PARSE_OPT_LASTARG_DEFAULT). */
const GIT_FILTERS = ["--contains", "--no-contains", "--with", "--without", "--merged", "--no-merged"];

/** git subcommands whose options a check reads (parse-options: prefixes and `--no-` forms). */
export const GIT_LONG_OPTIONS: Readonly<Record<string, LongOptions>> = table({
  grep: {
    flags: [
      "--cached", "--no-index", "--untracked", "--exclude-standard", "--recurse-submodules", "--invert-match", "--ignore-case", "--word-regexp", "--text", "--textconv", "--recursive", "--extended-regexp", "--basic-regexp", "--fixed-strings", "--perl-regexp", "--line-number", "--column", "--full-name", "--files-with-matches", "--name-only", "--files-without-match", "--null", "--only-matching", "--count", "--break", "--heading", "--show-function", "--function-context", "--and", "--or", "--not", "--quiet", "--all-match", "--ext-grep", "--index",
      "--no-cached", "--no-untracked", "--no-exclude-standard", "--no-recurse-submodules", "--no-invert-match", "--no-ignore-case", "--no-word-regexp", "--no-text", "--no-textconv", "--no-recursive", "--no-extended-regexp", "--no-basic-regexp", "--no-fixed-strings", "--no-perl-regexp", "--no-line-number", "--no-column", "--no-full-name", "--no-files-with-matches", "--no-name-only", "--no-files-without-match", "--no-null", "--no-only-matching", "--no-count", "--no-color", "--no-break", "--no-heading", "--no-context", "--no-before-context", "--no-after-context", "--no-threads", "--no-show-function", "--no-function-context", "--no-or", "--no-quiet", "--no-all-match", "--no-open-files-in-pager", "--no-ext-grep", "--no-max-count",
    ],
    values: ["--max-depth", "--context", "--before-context", "--after-context", "--threads", "--max-count"],
    optional: ["--color", "--open-files-in-pager"],
  },
  "cat-file": {
    flags: ["--allow-unknown-type", "--use-mailmap", "--mailmap", "--batch-all-objects", "--buffer", "--follow-symlinks", "--unordered", "--textconv", "--filters", "--no-allow-unknown-type", "--no-use-mailmap", "--no-mailmap", "--no-buffer", "--no-follow-symlinks", "--no-unordered", "--no-path"],
    values: ["--path"],
    optional: ["--batch", "--batch-check", "--batch-command"],
  },
  branch: {
    flags: [
      "--verbose", "--quiet", "--set-upstream", "--unset-upstream", "--remotes", "--all", "--delete", "--move", "--copy", "--list", "--show-current", "--create-reflog", "--edit-description", "--force", "--ignore-case", "--recurse-submodules", "--omit-empty",
      "--no-verbose", "--no-quiet", "--no-track", "--no-set-upstream", "--no-set-upstream-to", "--no-unset-upstream", "--no-color", "--no-remotes", "--no-abbrev", "--no-all", "--no-delete", "--no-move", "--no-copy", "--no-list", "--no-show-current", "--no-create-reflog", "--no-edit-description", "--no-force", "--no-column", "--no-sort", "--no-points-at", "--no-ignore-case", "--no-recurse-submodules", "--no-format",
    ],
    values: ["--set-upstream-to", "--sort", "--points-at", "--format", ...GIT_FILTERS],
    optional: ["--track", "--color", "--abbrev", "--column"],
  },
  tag: {
    flags: [
      "--list", "--delete", "--verify", "--annotate", "--edit", "--sign", "--force", "--create-reflog", "--ignore-case", "--omit-empty",
      "--no-annotate", "--no-file", "--no-edit", "--no-sign", "--no-cleanup", "--no-local-user", "--no-force", "--no-create-reflog", "--no-column", "--no-sort", "--no-points-at", "--no-format", "--no-color", "--no-ignore-case",
    ],
    values: ["--message", "--file", "--cleanup", "--local-user", "--sort", "--points-at", "--format", ...GIT_FILTERS],
    optional: ["--column", "--color"],
  },
});
