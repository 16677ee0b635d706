#!/usr/bin/env bash
# Builds the deployable zip for the OkrSync function app (isolated worker, dotnet-isolated 10.0 on Flex Consumption).
#
# Zip layout (the `dotnet publish` output of functions/OkrSync.Functions for linux-x64; the package root is the app root):
#   host.json                  the host's settings (queues, logging); no custom handler, no extension bundle
#   functions.metadata         the functions the worker declares (the host indexes them from the worker too)
#   worker.config.json         how the host starts the worker: dotnet OkrSync.Functions.dll
#   .azurefunctions/           the host-side extensions the worker needs (Storage Queues)
#   OkrSync.Functions.dll, ... the worker and its assemblies
#   strategy.yaml              the strategy file, when --strategy is given
#
# Usage: infra/package.sh [--strategy PATH] [--output ZIP]
set -euo pipefail

readonly FUNCTIONS=(ScheduledSync NightlyReconcile WeeklyOrphanReport GitHubWebhook JiraWebhook ApplyTrackerEvent
  ApiStrategy ApiRollup ApiFindings ApiOrphans ApiItem ApiHealth)
readonly WORKER=OkrSync.Functions.dll

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
project="$repo_root/functions/OkrSync.Functions/OkrSync.Functions.csproj"
strategy=""
output="$repo_root/artifacts/okrsync.zip"

say() { printf '==> %s\n' "$*"; }
fail() { printf 'package.sh: error: %s\n' "$*" >&2; exit 1; }

usage() {
  cat <<'EOF'
Usage: infra/package.sh [--strategy PATH] [--output ZIP]

Builds the OkrSync function app package: the isolated worker published for linux-x64
(dotnet-isolated 10.0), with host.json, functions.metadata, worker.config.json and .azurefunctions/
at the root, and the strategy file.

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

say "Publishing the function app (Release, linux-x64, framework-dependent: Flex runs dotnet-isolated 10.0)"
dotnet publish "$project" \
  --configuration Release \
  --runtime linux-x64 \
  --self-contained false \
  -p:SatelliteResourceLanguages=en \
  --output "$staging" \
  --nologo

for file in host.json functions.metadata worker.config.json "$WORKER"; do
  [[ -f "$staging/$file" ]] || fail "publish produced no $file in $staging"
done
[[ -d "$staging/.azurefunctions" ]] || fail "publish produced no .azurefunctions/ (the worker extensions) in $staging"
grep -q '"customHandler"' "$staging/host.json" && fail "host.json still configures a custom handler"

missing=()
for function in "${FUNCTIONS[@]}"; do
  grep -q "\"name\": *\"$function\"" "$staging/functions.metadata" || missing+=("$function")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  fail "functions.metadata lacks: ${missing[*]}"
fi

if [[ -n "$strategy" ]]; then
  cp "$strategy" "$staging/strategy.yaml"
  say "Packaged strategy file $strategy as strategy.yaml"
elif [[ ! -f "$staging/strategy.yaml" ]]; then
  say "No strategy file packaged (pass --strategy PATH); the app will report a missing strategy until one is deployed"
fi

# Never ship developer settings; Azure app settings configure the deployed app.
rm -f "$staging/local.settings.json"

mkdir -p "$(dirname "$output")"
rm -f "$output"
say "Writing $output"
(cd "$staging" && zip -q -r -X "$output" .)

size=$(du -h "$output" | cut -f1)
say "Done: $output ($size): host.json, $WORKER, ${#FUNCTIONS[@]} functions$([[ -f "$staging/strategy.yaml" ]] && echo ', strategy.yaml')"
