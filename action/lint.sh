#!/usr/bin/env bash
# The GitHub Action's lint step (action.yml): inputs arrive as environment variables, never pasted
# into the script, so nothing from a branch or an input runs as shell code. Writes the SARIF report
# and its path to $GITHUB_OUTPUT, then lints again with --format github for annotations; that run's
# exit code (by fail-on) is the step's.
set -euo pipefail
smtplint="${GITHUB_ACTION_PATH:?}/bin/smtplint"
# Inputs are split on blanks and newlines, with globbing off: a path is a path, not a pattern.
set -f
read -r -d '' -a paths <<<"${SMTPLINT_PATHS:-.}" || true
read -r -d '' -a extra <<<"${SMTPLINT_ARGS:-}" || true
set +f
args=()
if [ "${SMTPLINT_ISOLATED:-true}" = true ]; then
  args+=(--isolated)
fi
if [ "${SMTPLINT_SARIF:-true}" = true ]; then
  sarif="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/smtplint.sarif"
  # SARIF first, whatever the findings (--fail-on never), so the upload step has a report; exit 2 or
  # 3 (usage, unreadable file, internal error) still stops here.
  "$smtplint" lint "${args[@]}" "${extra[@]}" --format sarif -o "$sarif" --fail-on never -- "${paths[@]}"
  echo "sarif=$sarif" >>"${GITHUB_OUTPUT:-/dev/null}"
fi
exec "$smtplint" lint "${args[@]}" "${extra[@]}" --format github --fail-on "${SMTPLINT_FAIL_ON:-error}" -- "${paths[@]}"
