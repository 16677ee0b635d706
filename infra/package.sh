#!/usr/bin/env bash
# Builds the deployable zip for the OkrSync function app (Azure Functions custom handler on Flex Consumption).
#
# Zip layout (what the Functions host expects for a custom handler; the package root is the app root):
#   host.json                      customHandler.description.defaultExecutablePath = "okrsync"
#   okrsync                        self-contained linux-x64 ReadyToRun executable, Unix exec bit kept in the zip
#   *.dll, *.so, ...               the rest of the publish output, next to the executable
#   <FunctionName>/function.json   one folder per function
#   strategy.yaml                  the strategy file, when --strategy is given
#
# Usage: infra/package.sh [--strategy PATH] [--output ZIP]
set -euo pipefail

readonly FUNCTIONS=(ScheduledSync NightlyReconcile WeeklyOrphanReport GitHubWebhook JiraWebhook ApplyTrackerEvent Api)
readonly EXECUTABLE=okrsync

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
project="$repo_root/functions/OkrSync.Functions/OkrSync.Functions.csproj"
strategy=""
output="$repo_root/artifacts/okrsync.zip"

say() { printf '==> %s\n' "$*"; }
fail() { printf 'package.sh: error: %s\n' "$*" >&2; exit 1; }

usage() {
  cat <<'EOF'
Usage: infra/package.sh [--strategy PATH] [--output ZIP]

Builds the OkrSync Functions package: okrsync published self-contained for linux-x64 with
ReadyToRun, host.json and one folder per function at the root, and the strategy file.

Options:
  --strategy PATH   strategy file to ship; copied to strategy.yaml at the package root
  --output ZIP      where to write the zip (default: artifacts/okrsync.zip)
  -h, --help        show this help
EOF
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --strategy) [[ $# -ge 2 ]] || fail "--strategy needs a path"; strategy=$2; shift 2 ;;
    --output) [[ $# -ge 2 ]] || fail "--output needs a path"; output=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; fail "unknown argument: $1" ;;
  esac
done

command -v dotnet >/dev/null || fail "dotnet not found: install the .NET SDK (see global.json)"
command -v zip >/dev/null || fail "zip not found: install it (e.g. apt-get install zip)"
[[ -f "$project" ]] || fail "project not found: $project"
if [[ -n "$strategy" ]]; then
  [[ -f "$strategy" ]] || fail "strategy file not found: $strategy"
  strategy=$(cd "$(dirname "$strategy")" && pwd)/$(basename "$strategy")
fi
case "$output" in
  /*) ;;
  *) output="$PWD/$output" ;;
esac

staging=$(mktemp -d "${TMPDIR:-/tmp}/okrsync-package.XXXXXX")
trap 'rm -rf "$staging"' EXIT

say "Publishing okrsync (Release, linux-x64, self-contained, ReadyToRun)"
dotnet publish "$project" \
  --configuration Release \
  --runtime linux-x64 \
  --self-contained true \
  -p:PublishReadyToRun=true \
  -p:SatelliteResourceLanguages=en \
  --output "$staging" \
  --nologo

[[ -f "$staging/$EXECUTABLE" ]] || fail "publish produced no '$EXECUTABLE' executable in $staging"

# host.json: the project's own copy when it ships one in the publish output, else the repository's.
if [[ -f "$staging/host.json" ]]; then
  say "Using host.json from the publish output"
elif [[ -f "$repo_root/host.json" ]]; then
  cp "$repo_root/host.json" "$staging/host.json"
  say "Using host.json from the repository root"
else
  fail "no host.json: neither the publish output nor $repo_root/host.json has one"
fi

# The host starts customHandler.description.defaultExecutablePath, resolved against the package root.
executable_path=$(tr -d '\n' <"$staging/host.json" |
  sed -n 's/.*"defaultExecutablePath"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')
[[ -n "$executable_path" ]] ||
  fail "host.json has no customHandler.description.defaultExecutablePath; expected \"$EXECUTABLE\""
[[ -f "$staging/$executable_path" ]] ||
  fail "host.json starts '$executable_path', which is not in the package (the executable is '$EXECUTABLE' at the root)"

missing=()
for function in "${FUNCTIONS[@]}"; do
  [[ -f "$staging/$function/function.json" ]] || missing+=("$function/function.json")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  fail "missing function definitions (expected under functions/OkrSync.Functions/): ${missing[*]}"
fi

if [[ -n "$strategy" ]]; then
  cp "$strategy" "$staging/strategy.yaml"
  say "Packaged strategy file $strategy as strategy.yaml"
elif [[ ! -f "$staging/strategy.yaml" ]]; then
  say "No strategy file packaged (pass --strategy PATH); the app will report a missing strategy until one is deployed"
fi

# Never ship developer settings; Azure app settings configure the deployed app.
rm -f "$staging/local.settings.json"

# Flex mounts the package read-only, so the exec bit must already be in the zip.
chmod 0755 "$staging/$EXECUTABLE"

mkdir -p "$(dirname "$output")"
rm -f "$output"
say "Writing $output"
(cd "$staging" && zip -q -r -X "$output" .)

if command -v zipinfo >/dev/null; then
  mode=$(zipinfo "$output" "$EXECUTABLE" | awk '{print $1}')
  [[ "$mode" == -rwx* ]] || fail "'$EXECUTABLE' lost its exec bit in the zip (mode $mode)"
fi

size=$(du -h "$output" | cut -f1)
say "Done: $output ($size): host.json, $EXECUTABLE, ${#FUNCTIONS[@]} functions$([[ -f "$staging/strategy.yaml" ]] && echo ', strategy.yaml')"
