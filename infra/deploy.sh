#!/usr/bin/env bash
# Deploys OkrSync to Azure: resource group, Bicep template, Key Vault secrets, package, zip deploy.
# Idempotent: re-running converges to the same state, keeps existing secrets, and redeploys the code.
#
# Usage: infra/deploy.sh -g RESOURCE_GROUP [-l LOCATION] [options]   (infra/deploy.sh --help for all)
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
resource_group=${OKRSYNC_RESOURCE_GROUP:-}
location=${OKRSYNC_LOCATION:-}
param_file=${OKRSYNC_PARAM_FILE:-$repo_root/bicep/main.bicepparam}
strategy=${OKRSYNC_STRATEGY:-}
name_prefix=${OKRSYNC_NAME_PREFIX:-}
package=""
skip_infra=false
deployment_name=okrsync
min_az_version=2.60.0

say() { printf '\n==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
fail() { printf 'deploy.sh: error: %s\n' "$*" >&2; exit 1; }

usage() {
  cat <<'EOF'
Usage: infra/deploy.sh -g RESOURCE_GROUP [-l LOCATION] [options]

Creates (or updates) everything OkrSync needs in one resource group, stores the secrets in
Key Vault, builds the package and deploys it. Safe to re-run.

Options (environment variable in brackets):
  -g, --resource-group NAME  resource group, created when missing   [OKRSYNC_RESOURCE_GROUP]
  -l, --location REGION      region for a new resource group; must offer Flex Consumption
                             (az functionapp list-flexconsumption-locations)   [OKRSYNC_LOCATION]
  -p, --param-file PATH      Bicep parameters (default: bicep/main.bicepparam)  [OKRSYNC_PARAM_FILE]
  -s, --strategy PATH        strategy file to ship in the package (default: strategy.yaml at the
                             repository root, when present)              [OKRSYNC_STRATEGY]
  -n, --name-prefix PREFIX   overrides namePrefix from the parameters file  [OKRSYNC_NAME_PREFIX]
      --package ZIP          deploy this zip instead of running infra/package.sh
      --skip-infra           skip the Bicep deployment (code/strategy update only)
  -h, --help                 show this help

Secrets, read from the environment and stored in Key Vault (never in app settings or templates):
  GITHUB_TOKEN                 -> github-token
  GITHUB_APP_PRIVATE_KEY_FILE  -> github-app-private-key (PEM file, GitHub App auth)
  GITHUB_WEBHOOK_SECRET        -> github-webhook-secret (generated when absent)
  JIRA_API_TOKEN               -> jira-api-token (Jira Cloud)
  JIRA_PERSONAL_ACCESS_TOKEN   -> jira-personal-access-token (Jira Data Center)
  JIRA_WEBHOOK_SECRET          -> jira-webhook-secret (generated when absent)
  SMTP_PASSWORD                -> smtp-password
A secret that is already in the vault is kept unless its variable is set.
EOF
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    -g | --resource-group) [[ $# -ge 2 ]] || fail "$1 needs a value"; resource_group=$2; shift 2 ;;
    -l | --location) [[ $# -ge 2 ]] || fail "$1 needs a value"; location=$2; shift 2 ;;
    -p | --param-file) [[ $# -ge 2 ]] || fail "$1 needs a value"; param_file=$2; shift 2 ;;
    -s | --strategy) [[ $# -ge 2 ]] || fail "$1 needs a value"; strategy=$2; shift 2 ;;
    -n | --name-prefix) [[ $# -ge 2 ]] || fail "$1 needs a value"; name_prefix=$2; shift 2 ;;
    --package) [[ $# -ge 2 ]] || fail "$1 needs a value"; package=$2; shift 2 ;;
    --skip-infra) skip_infra=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; fail "unknown argument: $1" ;;
  esac
done

[[ -n "$resource_group" ]] || { usage >&2; fail "a resource group is required (-g NAME)"; }
[[ -f "$param_file" ]] || fail "parameters file not found: $param_file"
[[ -z "$strategy" || -f "$strategy" ]] || fail "strategy file not found: $strategy"
[[ -z "$package" || -f "$package" ]] || fail "package not found: $package"

# --- Preconditions -----------------------------------------------------------------------------
command -v az >/dev/null || fail "Azure CLI (az) not found: https://learn.microsoft.com/cli/azure/install-azure-cli"
az_version=$(az version --query '"azure-cli"' --output tsv 2>/dev/null || echo 0)
if [[ "$(printf '%s\n%s\n' "$min_az_version" "$az_version" | sort -V | head -n1)" != "$min_az_version" ]]; then
  fail "Azure CLI $az_version is too old for Flex Consumption; need $min_az_version or later (az upgrade)"
fi
az account show --output none 2>/dev/null || fail "not signed in to Azure: run 'az login' (and 'az account set -s SUBSCRIPTION')"
subscription=$(az account show --query name --output tsv)

# The deployer gets Key Vault Secrets Officer on the vault so this script can write the secrets.
if [[ -z "${OKRSYNC_DEPLOYER_OBJECT_ID:-}" ]]; then
  if [[ "$(az account show --query user.type --output tsv)" == servicePrincipal ]]; then
    OKRSYNC_DEPLOYER_TYPE=ServicePrincipal
    OKRSYNC_DEPLOYER_OBJECT_ID=$(az ad sp show --id "$(az account show --query user.name --output tsv)" --query id --output tsv 2>/dev/null || true)
  else
    OKRSYNC_DEPLOYER_TYPE=User
    OKRSYNC_DEPLOYER_OBJECT_ID=$(az ad signed-in-user show --query id --output tsv 2>/dev/null || true)
  fi
fi
export OKRSYNC_DEPLOYER_OBJECT_ID OKRSYNC_DEPLOYER_TYPE=${OKRSYNC_DEPLOYER_TYPE:-User}
[[ -n "$OKRSYNC_DEPLOYER_OBJECT_ID" ]] ||
  warn "could not find your Entra object id; set OKRSYNC_DEPLOYER_OBJECT_ID, or setting secrets will fail"
[[ -z "$name_prefix" ]] || export OKRSYNC_NAME_PREFIX=$name_prefix

say "Subscription '$subscription', resource group '$resource_group'"

# --- Infrastructure ----------------------------------------------------------------------------
output() {
  az deployment group show --resource-group "$resource_group" --name "$deployment_name" \
    --query "properties.outputs.$1.value" --output tsv
}

if [[ "$skip_infra" == false ]]; then
  if [[ "$(az group exists --name "$resource_group")" == true ]]; then
    note "Resource group exists (location $(az group show --name "$resource_group" --query location --output tsv))"
  else
    [[ -n "$location" ]] || fail "resource group '$resource_group' does not exist; give a region with -l LOCATION"
    say "Creating resource group '$resource_group' in $location"
    az group create --name "$resource_group" --location "$location" --tags app=okrsync --output none
  fi

  say "Deploying bicep/main.bicep with $(basename "$param_file") (takes a few minutes)"
  if ! az deployment group create \
    --resource-group "$resource_group" \
    --name "$deployment_name" \
    --parameters "$param_file" \
    --output none; then
    warn "the deployment failed. Common causes:"
    warn " - the region does not offer Flex Consumption: az functionapp list-flexconsumption-locations"
    warn " - a deleted vault with the same name is soft-deleted: az keyvault list-deleted, then az keyvault purge --name NAME"
    warn " - you lack rights to create role assignments (needs Owner or User Access Administrator on the resource group)"
    exit 1
  fi
else
  say "Skipping the infrastructure deployment (--skip-infra); using the outputs of the last one"
fi

app_name=$(output functionAppName) || fail "no '$deployment_name' deployment in '$resource_group'; run without --skip-infra first"
vault=$(output keyVaultName)
host_name=$(output defaultHostName)
github_webhook_url=$(output githubWebhookUrl)
jira_webhook_url=$(output jiraWebhookUrl)
note "Function app: $app_name"
note "Key Vault:    $vault"

# --- Secrets -----------------------------------------------------------------------------------
# Only the secrets the app settings reference matter (GitHub, Jira and mail are each optional).
referenced=$(az functionapp config appsettings list --resource-group "$resource_group" --name "$app_name" \
  --query "[?starts_with(value, '@Microsoft.KeyVault(')].value" --output tsv |
  sed -n 's/.*SecretName=\([A-Za-z0-9-]*\).*/\1/p' | sort -u)

existing=""
list_secrets() {
  # Right after the first deployment the Secrets Officer role can take a few minutes to propagate.
  local attempt
  for attempt in $(seq 1 20); do
    if existing=$(az keyvault secret list --vault-name "$vault" --query "[].name" --output tsv 2>/dev/null); then
      return 0
    fi
    [[ $attempt -eq 1 ]] && note "Waiting for Key Vault access (role assignments can take a few minutes)..."
    sleep 15
  done
  fail "cannot list secrets in $vault: you need Key Vault Secrets Officer on it (set OKRSYNC_DEPLOYER_OBJECT_ID and re-run)"
}

is_referenced() { grep -qx -- "$1" <<<"$referenced"; }
exists_in_vault() { grep -qx -- "$1" <<<"$existing"; }

secrets_changed=false
store_secret() { # name, file holding the value
  az keyvault secret set --vault-name "$vault" --name "$1" --file "$2" --encoding utf-8 --output none
  secrets_changed=true
}

store_value() { # name, value (through a private temp file, so the value never appears in a process list)
  local file
  file=$(mktemp)
  chmod 600 "$file"
  printf '%s' "$2" >"$file"
  store_secret "$1" "$file"
  rm -f "$file"
}

new_webhook_secret() {
  if command -v openssl >/dev/null; then
    openssl rand -hex 32
  else
    head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'
  fi
}

if [[ -z "$referenced" ]]; then
  say "No Key Vault secrets referenced yet (no GitHub repositories, Jira base URL or SMTP host in $(basename "$param_file"))"
else
  say "Key Vault secrets"
  list_secrets
  while IFS= read -r name; do
    variable=""
    case "$name" in
      github-token) variable=GITHUB_TOKEN ;;
      github-webhook-secret) variable=GITHUB_WEBHOOK_SECRET ;;
      jira-api-token) variable=JIRA_API_TOKEN ;;
      jira-personal-access-token) variable=JIRA_PERSONAL_ACCESS_TOKEN ;;
      jira-webhook-secret) variable=JIRA_WEBHOOK_SECRET ;;
      smtp-password) variable=SMTP_PASSWORD ;;
      github-app-private-key) variable=GITHUB_APP_PRIVATE_KEY_FILE ;;
      *) warn "app settings reference an unknown secret '$name'; set it by hand"; continue ;;
    esac
    value=${!variable:-}
    if [[ "$name" == github-app-private-key && -n "$value" ]]; then
      [[ -f "$value" ]] || fail "GITHUB_APP_PRIVATE_KEY_FILE points to a missing file: $value"
      store_secret "$name" "$value"
      note "$name: stored from $value"
    elif [[ -n "$value" ]]; then
      store_value "$name" "$value"
      note "$name: stored from \$$variable"
    elif exists_in_vault "$name"; then
      note "$name: kept (already in the vault)"
    elif [[ "$name" == *-webhook-secret ]]; then
      store_value "$name" "$(new_webhook_secret)"
      note "$name: generated and stored. Paste it into the webhook settings; read it with:"
      note "    az keyvault secret show --vault-name $vault --name $name --query value --output tsv"
    else
      warn "$name is not set: export $variable and re-run, or:"
      warn "    az keyvault secret set --vault-name $vault --name $name --file PATH_TO_VALUE"
    fi
  done <<<"$referenced"
  if [[ "$secrets_changed" == true ]]; then
    # Any app-setting change makes App Service re-resolve every Key Vault reference immediately.
    az functionapp config appsettings set --resource-group "$resource_group" --name "$app_name" \
      --settings "OKRSYNC_SECRETS_UPDATED_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ)" --output none
    note "App settings touched so the new secret values are picked up now"
  fi
fi

# --- Package and code deployment ----------------------------------------------------------------
if [[ -z "$package" ]]; then
  package="$repo_root/artifacts/okrsync.zip"
  say "Building the package"
  package_args=(--output "$package")
  if [[ -z "$strategy" && -f "$repo_root/strategy.yaml" ]]; then
    strategy="$repo_root/strategy.yaml"
    note "Using the strategy file $strategy"
  fi
  if [[ -n "$strategy" ]]; then
    package_args+=(--strategy "$strategy")
  else
    warn "no strategy file (-s PATH, or strategy.yaml at the repository root): the deployed app will have none"
  fi
  "$repo_root/infra/package.sh" "${package_args[@]}"
fi

say "Deploying $(basename "$package") to $app_name (one deploy to the Flex deployment container)"
az functionapp deployment source config-zip \
  --resource-group "$resource_group" \
  --name "$app_name" \
  --src "$package" \
  --timeout 900 \
  --output none

# --- Next steps --------------------------------------------------------------------------------
say "OkrSync is deployed"
cat <<EOF

  Function app      $app_name
  Key Vault         $vault

  GitHub webhook    $github_webhook_url
    Content type application/json; secret: github-webhook-secret in the vault;
    events: Issues, Sub-issues, Milestones, Pull requests.
  Jira webhook      $jira_webhook_url
    Secret: jira-webhook-secret in the vault; events: issue created, updated, deleted;
    JQL: project in (YOUR KEYS).

  Read a webhook secret:
    az keyvault secret show --vault-name $vault --name github-webhook-secret --query value --output tsv
  Call the API (function key):
    curl -H "x-functions-key: \$(az functionapp keys list -g $resource_group -n $app_name --query functionKeys.default -o tsv)" \\
      https://$host_name/api/health
  Update the strategy file:
    infra/deploy.sh -g $resource_group --skip-infra --strategy PATH/TO/strategy.yaml

  Details: docs/deploy.md
EOF
