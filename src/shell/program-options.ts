// Long options of the programs whose options the checks read, complete as the program's `--help` lists them (the
// version beside each list; git: `--git-completion-helper-all`, `--no-` forms included). These programs take any
// unambiguous prefix of a long option (long-options.ts), so a list must be whole: an option a newer release adds
// reads as unknown, and the checks ask. Data only.
import type { LongOptions } from "./long-options.js";
import { lazyTable } from "../table.js";

const HELP = ["--help", "--version"];

// ── read-only set (sed 4.9, coreutils 9.1 sort/date, file 5.44, grep 3.8) ────────────────────────────────────────────

const SED = (): LongOptions => ({
  flags: ["--quiet", "--silent", "--debug", "--follow-symlinks", "--posix", "--regexp-extended", "--separate", "--sandbox", "--unbuffered", "--null-data", "--zero-terminated", "--binary", ...HELP],
  values: ["--expression", "--file", "--line-length"],
  optional: ["--in-place"],
});

const GREP = (): LongOptions => ({
  flags: ["--extended-regexp", "--fixed-strings", "--basic-regexp", "--perl-regexp", "--ignore-case", "--no-ignore-case", "--word-regexp", "--line-regexp", "--null-data", "--no-messages", "--invert-match", "--byte-offset", "--line-number", "--line-buffered", "--with-filename", "--no-filename", "--only-matching", "--quiet", "--silent", "--text", "--recursive", "--dereference-recursive", "--files-without-match", "--files-with-matches", "--count", "--initial-tab", "--null", "--no-group-separator", "--binary", ...HELP],
  values: ["--regexp", "--file", "--max-count", "--label", "--binary-files", "--directories", "--devices", "--include", "--exclude", "--exclude-from", "--exclude-dir", "--before-context", "--after-context", "--context", "--group-separator"],
  optional: ["--color", "--colour"],
});

// ── write targets (coreutils 9.1, gzip 1.12, patch 2.7, tar 1.34) ────────────────────────────────────────────────────

const CP = (): LongOptions => ({
  flags: ["--archive", "--attributes-only", "--copy-contents", "--force", "--interactive", "--link", "--dereference", "--no-clobber", "--no-dereference", "--parents", "--recursive", "--remove-destination", "--strip-trailing-slashes", "--symbolic-link", "--no-target-directory", "--update", "--verbose", "--one-file-system", ...HELP],
  values: ["--no-preserve", "--sparse", "--suffix", "--target-directory"],
  optional: ["--backup", "--preserve", "--reflink", "--context"],
});
const MV = (): LongOptions => ({
  flags: ["--force", "--interactive", "--no-clobber", "--strip-trailing-slashes", "--no-target-directory", "--update", "--verbose", "--context", ...HELP],
  values: ["--suffix", "--target-directory"],
  optional: ["--backup"],
});
const LN = (): LongOptions => ({
  flags: ["--directory", "--force", "--interactive", "--logical", "--no-dereference", "--physical", "--relative", "--symbolic", "--no-target-directory", "--verbose", ...HELP],
  values: ["--suffix", "--target-directory"],
  optional: ["--backup"],
});
const INSTALL = (): LongOptions => ({
  flags: ["--compare", "--directory", "--preserve-timestamps", "--strip", "--no-target-directory", "--verbose", "--preserve-context", ...HELP],
  values: ["--group", "--mode", "--owner", "--strip-program", "--suffix", "--target-directory"],
  optional: ["--backup", "--context"],
});
const OWNER_FLAGS = ["--changes", "--silent", "--quiet", "--verbose", "--dereference", "--no-dereference", "--no-preserve-root", "--preserve-root", "--recursive", ...HELP];
/** `mkdir --context DIR` makes DIR: the context is only ever `--context=CTX`. */
const MAKE_NODE = (): LongOptions => ({ flags: HELP, values: ["--mode"], optional: ["--context"] });
const GZIP = (): LongOptions => ({
  flags: ["--ascii", "--stdout", "--to-stdout", "--decompress", "--uncompress", "--force", "--keep", "--list", "--license", "--no-name", "--name", "--quiet", "--silent", "--recursive", "--rsyncable", "--synchronous", "--test", "--verbose", "--fast", "--best", "--lzw", ...HELP],
  values: ["--suffix", "--bits"],
});

/** GNU tar 1.34 (`tar --usage`). */
const TAR = (): LongOptions => ({
  flags: [
    "--catenate", "--concatenate", "--create", "--delete", "--diff", "--compare", "--append", "--test-label",
    "--list", "--update", "--extract", "--get", "--check-device", "--incremental", "--ignore-failed-read",
    "--no-check-device", "--no-seek", "--seek", "--sparse", "--exclude-backups", "--exclude-caches",
    "--exclude-caches-all", "--exclude-caches-under", "--exclude-vcs", "--exclude-vcs-ignores", "--no-null",
    "--no-recursion", "--no-unquote", "--no-verbatim-files-from", "--null", "--recursion", "--unquote",
    "--verbatim-files-from", "--anchored", "--ignore-case", "--no-anchored", "--no-ignore-case", "--no-wildcards",
    "--no-wildcards-match-slash", "--wildcards", "--wildcards-match-slash", "--keep-directory-symlink",
    "--keep-newer-files", "--keep-old-files", "--no-overwrite-dir", "--overwrite", "--overwrite-dir",
    "--recursive-unlink", "--remove-files", "--skip-old-files", "--unlink-first", "--verify",
    "--ignore-command-error", "--no-ignore-command-error", "--to-stdout", "--clamp-mtime",
    "--delay-directory-restore", "--touch", "--no-delay-directory-restore", "--no-same-owner",
    "--no-same-permissions", "--numeric-owner", "--preserve-permissions", "--same-permissions", "--same-owner",
    "--preserve-order", "--same-order", "--acls", "--no-acls", "--no-selinux", "--no-xattrs", "--selinux",
    "--xattrs", "--force-local", "--multi-volume", "--read-full-records", "--ignore-zeros", "--old-archive",
    "--portability", "--posix", "--auto-compress", "--bzip2", "--xz", "--lzip", "--lzma", "--lzop",
    "--no-auto-compress", "--zstd", "--gzip", "--gunzip", "--ungzip", "--compress", "--uncompress",
    "--hard-dereference", "--dereference", "--one-file-system", "--absolute-names", "--full-time", "--check-links",
    "--block-number", "--show-defaults", "--show-omitted-dirs", "--show-snapshot-field-ranges",
    "--show-transformed-names", "--show-stored-names", "--utc", "--verbose", "--interactive", "--confirmation",
    "--restrict", "--usage", ...HELP,
  ],
  values: [
    "--listed-incremental", "--hole-detection", "--level", "--sparse-version", "--add-file", "--directory",
    "--exclude", "--exclude-ignore", "--exclude-ignore-recursive", "--exclude-tag", "--exclude-tag-all",
    "--exclude-tag-under", "--files-from", "--exclude-from", "--to-command", "--group", "--group-map", "--mode",
    "--mtime", "--owner", "--owner-map", "--sort", "--xattrs-exclude", "--xattrs-include", "--file",
    "--info-script", "--new-volume-script", "--tape-length", "--rmt-command", "--rsh-command", "--volno-file",
    "--blocking-factor", "--record-size", "--format", "--pax-option", "--label", "--use-compress-program",
    "--starting-file", "--newer-mtime", "--newer", "--after-date", "--suffix", "--strip-components", "--transform",
    "--xform", "--checkpoint-action", "--index-file", "--no-quote-chars", "--quote-chars", "--quoting-style",
    "--warning",
  ],
  optional: ["--occurrence", "--one-top-level", "--atime-preserve", "--backup", "--checkpoint", "--totals"],
});

// ── awk ──────────────────────────────────────────────────────────────────────────────────────────────────────────────

/** gawk 5 (awk, when it is gawk): `--source`/`-e` carry program text; `--file`, `--exec`, `--include`, `--load` read
 *  it (or a library) from files. mawk and nawk have no long options, so nothing here misreads them. */
const GAWK = (): LongOptions => ({
  flags: ["--bignum", "--characters-as-bytes", "--copyright", "--csv", "--gen-pot", "--lint-old", "--non-decimal-data", "--no-optimize", "--optimize", "--posix", "--re-interval", "--sandbox", "--trace", "--traditional", "--use-lc-numeric", ...HELP],
  values: ["--assign", "--exec", "--field-separator", "--file", "--include", "--load", "--source"],
  optional: ["--debug", "--dump-variables", "--lint", "--persist", "--pretty-print", "--profile"],
});

/** GNU programs by name. */
export const GNU_LONG_OPTIONS: Readonly<Record<string, LongOptions>> = lazyTable({
  sed: SED,
  sort: () => ({
    flags: ["--ignore-leading-blanks", "--dictionary-order", "--ignore-case", "--general-numeric-sort", "--ignore-nonprinting", "--month-sort", "--human-numeric-sort", "--numeric-sort", "--random-sort", "--reverse", "--version-sort", "--debug", "--merge", "--stable", "--unique", "--zero-terminated", ...HELP],
    values: ["--random-source", "--sort", "--batch-size", "--compress-program", "--files0-from", "--key", "--output", "--buffer-size", "--field-separator", "--temporary-directory", "--parallel"],
    optional: ["--check"],
  }),
  date: () => ({
    flags: ["--debug", "--resolution", "--rfc-email", "--rfc-822", "--rfc-2822", "--utc", "--uct", "--universal", ...HELP],
    values: ["--date", "--file", "--rfc-3339", "--reference", "--set"],
    optional: ["--iso-8601"],
  }),
  file: () => ({
    flags: ["--uncompress", "--uncompress-noreport", "--brief", "--checking-printout", "--mime", "--mime-encoding", "--apple", "--extension", "--mime-type", "--keep-going", "--list", "--dereference", "--no-dereference", "--no-buffer", "--no-pad", "--print0", "--preserve-date", "--raw", "--special-files", "--no-sandbox", "--compile", "--debug", ...HELP],
    values: ["--magic-file", "--exclude", "--exclude-quiet", "--files-from", "--separator", "--parameter"],
  }),
  grep: GREP,
  egrep: GREP,
  fgrep: GREP,
  // write targets
  gsed: SED,
  cp: CP,
  mv: MV,
  ln: LN,
  install: INSTALL,
  tee: () => ({ flags: ["--append", "--ignore-interrupts", ...HELP], optional: ["--output-error"] }),
  mktemp: () => ({ flags: ["--directory", "--dry-run", "--quiet", ...HELP], values: ["--suffix"], optional: ["--tmpdir"] }),
  rm: () => ({ flags: ["--force", "--one-file-system", "--no-preserve-root", "--recursive", "--dir", "--verbose", ...HELP], optional: ["--interactive", "--preserve-root"] }),
  rmdir: () => ({ flags: ["--ignore-fail-on-non-empty", "--parents", "--verbose", ...HELP] }),
  unlink: () => ({ flags: HELP }),
  shred: () => ({ flags: ["--force", "--verbose", "--exact", "--zero", ...HELP], values: ["--iterations", "--random-source", "--size"], optional: ["--remove"] }),
  touch: () => ({ flags: ["--no-create", "--no-dereference", ...HELP], values: ["--date", "--reference", "--time"] }),
  mkdir: () => ({ flags: ["--parents", "--verbose", ...HELP], values: ["--mode"], optional: ["--context"] }),
  mkfifo: MAKE_NODE,
  mknod: MAKE_NODE,
  truncate: () => ({ flags: ["--no-create", "--io-blocks", ...HELP], values: ["--reference", "--size"] }),
  chmod: () => ({ flags: ["--changes", "--silent", "--quiet", "--verbose", "--no-preserve-root", "--preserve-root", "--recursive", ...HELP], values: ["--reference"] }),
  chown: () => ({ flags: OWNER_FLAGS, values: ["--from", "--reference"] }),
  chgrp: () => ({ flags: OWNER_FLAGS, values: ["--reference"] }),
  split: () => ({
    flags: ["--elide-empty-files", "--unbuffered", "--verbose", ...HELP],
    values: ["--suffix-length", "--additional-suffix", "--bytes", "--line-bytes", "--filter", "--lines", "--number", "--separator"],
    optional: ["--numeric-suffixes", "--hex-suffixes"],
  }),
  csplit: () => ({ flags: ["--keep-files", "--suppress-matched", "--quiet", "--silent", "--elide-empty-files", ...HELP], values: ["--suffix-format", "--prefix", "--digits"] }),
  gzip: GZIP,
  gunzip: GZIP,
  tar: TAR,
  gtar: TAR,
  patch: () => ({
    flags: ["--ignore-whitespace", "--context", "--ed", "--normal", "--unified", "--forward", "--reverse", "--remove-empty-files", "--set-utc", "--set-time", "--backup", "--backup-if-mismatch", "--no-backup-if-mismatch", "--batch", "--force", "--quiet", "--silent", "--verbose", "--dry-run", "--posix", "--binary", "--follow-symlinks", ...HELP],
    values: ["--strip", "--fuzz", "--input", "--output", "--reject-file", "--ifdef", "--quoting-style", "--version-control", "--prefix", "--basename-prefix", "--suffix", "--get", "--directory", "--reject-format", "--read-only", "--debug"],
    optional: ["--merge"],
  }),
  // awk
  awk: GAWK,
  gawk: GAWK,
});

/** `--contains [COMMIT]`: git takes the next word, unless there is none (PARSE_OPT_LASTARG_DEFAULT). */
const GIT_FILTERS = ["--contains", "--no-contains", "--with", "--without", "--merged", "--no-merged"];

/** git subcommands whose options a check reads (parse-options: prefixes and `--no-` forms). */
export const GIT_LONG_OPTIONS: Readonly<Record<string, LongOptions>> = lazyTable({
  grep: () => ({
    flags: [
      "--cached", "--no-index", "--untracked", "--exclude-standard", "--recurse-submodules", "--invert-match", "--ignore-case", "--word-regexp", "--text", "--textconv", "--recursive", "--extended-regexp", "--basic-regexp", "--fixed-strings", "--perl-regexp", "--line-number", "--column", "--full-name", "--files-with-matches", "--name-only", "--files-without-match", "--null", "--only-matching", "--count", "--break", "--heading", "--show-function", "--function-context", "--and", "--or", "--not", "--quiet", "--all-match", "--ext-grep", "--index",
      "--no-cached", "--no-untracked", "--no-exclude-standard", "--no-recurse-submodules", "--no-invert-match", "--no-ignore-case", "--no-word-regexp", "--no-text", "--no-textconv", "--no-recursive", "--no-extended-regexp", "--no-basic-regexp", "--no-fixed-strings", "--no-perl-regexp", "--no-line-number", "--no-column", "--no-full-name", "--no-files-with-matches", "--no-name-only", "--no-files-without-match", "--no-null", "--no-only-matching", "--no-count", "--no-color", "--no-break", "--no-heading", "--no-context", "--no-before-context", "--no-after-context", "--no-threads", "--no-show-function", "--no-function-context", "--no-or", "--no-quiet", "--no-all-match", "--no-open-files-in-pager", "--no-ext-grep", "--no-max-count",
    ],
    values: ["--max-depth", "--context", "--before-context", "--after-context", "--threads", "--max-count"],
    optional: ["--color", "--open-files-in-pager"],
  }),
  "cat-file": () => ({
    flags: ["--allow-unknown-type", "--use-mailmap", "--mailmap", "--batch-all-objects", "--buffer", "--follow-symlinks", "--unordered", "--textconv", "--filters", "--no-allow-unknown-type", "--no-use-mailmap", "--no-mailmap", "--no-buffer", "--no-follow-symlinks", "--no-unordered", "--no-path"],
    values: ["--path"],
    optional: ["--batch", "--batch-check", "--batch-command"],
  }),
  branch: () => ({
    flags: [
      "--verbose", "--quiet", "--set-upstream", "--unset-upstream", "--remotes", "--all", "--delete", "--move", "--copy", "--list", "--show-current", "--create-reflog", "--edit-description", "--force", "--ignore-case", "--recurse-submodules", "--omit-empty",
      "--no-verbose", "--no-quiet", "--no-track", "--no-set-upstream", "--no-set-upstream-to", "--no-unset-upstream", "--no-color", "--no-remotes", "--no-abbrev", "--no-all", "--no-delete", "--no-move", "--no-copy", "--no-list", "--no-show-current", "--no-create-reflog", "--no-edit-description", "--no-force", "--no-column", "--no-sort", "--no-points-at", "--no-ignore-case", "--no-recurse-submodules", "--no-format",
    ],
    values: ["--set-upstream-to", "--sort", "--points-at", "--format", ...GIT_FILTERS],
    optional: ["--track", "--color", "--abbrev", "--column"],
  }),
  tag: () => ({
    flags: [
      "--list", "--delete", "--verify", "--annotate", "--edit", "--sign", "--force", "--create-reflog", "--ignore-case", "--omit-empty",
      "--no-annotate", "--no-file", "--no-edit", "--no-sign", "--no-cleanup", "--no-local-user", "--no-force", "--no-create-reflog", "--no-column", "--no-sort", "--no-points-at", "--no-format", "--no-color", "--no-ignore-case",
    ],
    values: ["--message", "--file", "--cleanup", "--local-user", "--sort", "--points-at", "--format", ...GIT_FILTERS],
    optional: ["--column", "--color"],
  }),
});
