// Your OkrSync deployment. Edit the values below, then run infra/deploy.sh.
// Secrets (tokens, webhook secrets, SMTP password) never go here: deploy.sh puts them in Key Vault.
using 'main.bicep'

// Short name used in every resource name (3-12 lowercase letters, digits, hyphens);
// infra/deploy.sh --name-prefix overrides it.
param namePrefix = readEnvironmentVariable('OKRSYNC_NAME_PREFIX', 'okrsync')

// Cost/performance knobs: see README.md, "Deploy to Azure" > "What it costs".
param instanceMemoryMB = 512
param maximumInstanceCount = 40
param logDailyQuotaGb = '1'

// Filled in by infra/deploy.sh (OKRSYNC_DEPLOYER_OBJECT_ID or the signed-in user), so it can set the secrets.
param deployerPrincipalId = readEnvironmentVariable('OKRSYNC_DEPLOYER_OBJECT_ID', '')
param deployerPrincipalType = readEnvironmentVariable('OKRSYNC_DEPLOYER_TYPE', 'User')

// Who may open the dashboard: the client ID of a Microsoft Entra app registration (redirect URI
// https://<app>.azurewebsites.net/.auth/login/aad/callback, ID tokens enabled) and the tenant whose accounts may sign in
// (defaults to the tenant deployed to). See docs/dashboard.md. Set OKRSYNC_AUTH_CLIENT_ID when running deploy.sh.
param authClientId = readEnvironmentVariable('OKRSYNC_AUTH_CLIENT_ID', '')

// The strategy file ships inside the package (infra/package.sh --strategy PATH puts it here).
param strategyPath = 'strategy.yaml'

param schedules = {
  sync: '0 */15 * * * *'
  reconcile: '0 30 2 * * *'
  report: '0 0 7 * * Mon'
}

// Token auth: set GITHUB_TOKEN when running deploy.sh. For a GitHub App, add appId and installationId
// and store the PEM as the github-app-private-key secret.
param gitHub = {
  baseUrl: 'https://api.github.com'
  repositories: [
    // 'acme/platform'
  ]
}

// Jira Cloud: email here, API token via JIRA_API_TOKEN. Data Center: deployment 'DataCenter' and
// JIRA_PERSONAL_ACCESS_TOKEN. Leave baseUrl empty to run without Jira.
param jira = {
  baseUrl: ''
  deployment: 'Cloud'
  email: ''
  projects: [
    // 'PLAT'
  ]
}

// Leave host empty to send no mail. The password comes from SMTP_PASSWORD via Key Vault.
param mail = {
  host: ''
  port: 587
  security: 'StartTls'
  username: ''
  from: 'okrsync@example.com'
  leadership: []
  perOwnerDigests: false
}
