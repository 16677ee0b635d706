// Parameter shapes shared by main.bicep, main.bicepparam and the app-settings module.

@export()
@description('NCRONTAB schedules (six fields, UTC) for the timer functions.')
type scheduleSettings = {
  @description('ScheduledSync (OKRSYNC_SYNC_SCHEDULE).')
  sync: string
  @description('NightlyReconcile (OKRSYNC_RECONCILE_SCHEDULE).')
  reconcile: string
  @description('WeeklyOrphanReport (OKRSYNC_REPORT_SCHEDULE).')
  report: string
}

@export()
@description('GitHub source. Authenticates with the github-token secret, or as a GitHub App when appId is set.')
type gitHubSettings = {
  @description('https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server.')
  baseUrl: string
  @description('Repositories as owner/repo. Empty: GitHub is not configured.')
  repositories: string[]
  @description('GitHub App id; with it the app authenticates with the github-app-private-key secret.')
  appId: string?
  @description('GitHub App installation id.')
  installationId: string?
}

@export()
@description('Jira source. Cloud authenticates with email + jira-api-token; Data Center with jira-personal-access-token.')
type jiraSettings = {
  @description('https://acme.atlassian.net or the Data Center base URL. Empty: Jira is not configured.')
  baseUrl: string
  deployment: ('Cloud' | 'DataCenter')
  @description('Account e-mail for Jira Cloud basic auth.')
  email: string?
  @description('Project keys to sync.')
  projects: string[]
  @description('Custom field id for story points; discovered when empty.')
  storyPointsField: string?
}

@export()
@description('SMTP settings for the digests. The password is the smtp-password secret.')
type mailSettings = {
  @description('SMTP host. Empty: no mail is sent.')
  host: string
  port: int
  security: ('None' | 'StartTls' | 'SslOnConnect' | 'Auto')
  @description('SMTP user name; empty for an unauthenticated relay.')
  username: string?
  from: string
  @description('Leadership addresses for the weekly digest.')
  leadership: string[]
  perOwnerDigests: bool
}

@export()
@description('An app setting value that App Service resolves from Key Vault with the app identity.')
func keyVaultReference(vaultName string, secretName string) string =>
  '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=${secretName})'

@export()
@description('Spreads an array into indexed settings (PREFIX__0, PREFIX__1, ...), as .NET configuration binds arrays.')
func indexedSettings(prefix string, values string[]) object =>
  toObject(range(0, length(values)), i => '${prefix}__${i}', i => values[i])
