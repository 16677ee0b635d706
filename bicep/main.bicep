// OkrSync on Azure: Flex Consumption function app (isolated worker, dotnet-isolated 10.0), storage with identity-only
// access, Key Vault (RBAC) for secrets, Application Insights on Log Analytics, least-privilege roles.
// Deploy with infra/deploy.sh, which also sets the Key Vault secrets and uploads the package.
targetScope = 'resourceGroup'

import { gitHubSettings, jiraSettings, mailSettings, scheduleSettings } from 'types.bicep'

@description('Azure region for every resource; must offer Flex Consumption (az functionapp list-flexconsumption-locations).')
param location string = resourceGroup().location

@description('Short name used in every resource name: lowercase letters, digits and hyphens.')
@minLength(3)
@maxLength(12)
param namePrefix string = 'okrsync'

@description('Tags for every resource.')
param tags object = {
  app: 'okrsync'
}

@description('Memory per Flex instance in MB. 512 keeps the bill lowest; raise to 2048 if the nightly reconcile needs more memory.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 512

@description('Most instances the app may scale out to (the Flex minimum for this setting is 40).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Accept telemetry only with an Entra token from the app identity (no instrumentation-key ingestion).')
param appInsightsLocalAuthDisabled bool = true

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Daily Log Analytics ingestion cap in GB (a number as text, e.g. "0.5"; "-1" for no cap).')
param logDailyQuotaGb string = '1'

@description('Days a deleted Key Vault (and its secrets) stays recoverable.')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionInDays int = 7

@description('Key Vault purge protection. Irreversible once on; keeps the vault name reserved after deletion.')
param keyVaultPurgeProtection bool = false

@description('Object id of whoever runs infra/deploy.sh; granted Key Vault Secrets Officer to set secret values. Empty: no grant.')
param deployerPrincipalId string = ''

@description('Kind of the deployer principal.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param deployerPrincipalType string = 'User'

@description('Strategy file, relative to the app folder (infra/package.sh puts it at the package root).')
param strategyPath string = 'strategy.yaml'

@description('Client (application) ID of the Microsoft Entra app registration people sign in to the dashboard with (App Service Authentication). Empty: nobody can sign in, and the dashboard answers 401 (it is never public).')
@maxLength(36)
param authClientId string

@description('The Microsoft Entra tenant (ID) whose accounts may sign in to the dashboard. Defaults to the tenant deployed to.')
@minLength(36)
@maxLength(36)
param authTenantId string = tenant().tenantId

@description('Table name prefix for the OkrSync store.')
param tablePrefix string = 'okrsync'

@description('NCRONTAB schedules (UTC) of the three timer functions.')
param schedules scheduleSettings = {
  sync: '0 */15 * * * *'
  reconcile: '0 30 2 * * *'
  report: '0 0 7 * * Mon'
}

@description('GitHub source. No repositories: GitHub is not configured.')
param gitHub gitHubSettings = {
  baseUrl: 'https://api.github.com'
  repositories: []
}

@description('Jira source. Empty baseUrl: Jira is not configured.')
param jira jiraSettings = {
  baseUrl: ''
  deployment: 'Cloud'
  projects: []
}

@description('SMTP settings for the digests. Empty host: no mail is sent.')
param mail mailSettings = {
  host: ''
  port: 587
  security: 'StartTls'
  from: ''
  leadership: []
  perOwnerDigests: false
}

var cleanPrefix = toLower(replace(namePrefix, '-', ''))
var token = uniqueString(resourceGroup().id, namePrefix)
var names = {
  identity: 'id-${namePrefix}-${token}'
  storage: 'st${take(cleanPrefix, 9)}${token}'
  keyVault: 'kv-${take(cleanPrefix, 6)}-${token}'
  workspace: 'log-${namePrefix}-${token}'
  appInsights: 'appi-${namePrefix}-${token}'
  plan: 'plan-${namePrefix}-${token}'
  functionApp: '${namePrefix}-${token}'
  deploymentContainer: 'app-package'
}
var trackerEventsQueue = 'tracker-events'
var queueNames = [
  trackerEventsQueue
  '${trackerEventsQueue}-poison'
]
var secretNames = {
  gitHubToken: 'github-token'
  gitHubAppPrivateKey: 'github-app-private-key'
  gitHubWebhookSecret: 'github-webhook-secret'
  jiraApiToken: 'jira-api-token'
  jiraPersonalAccessToken: 'jira-personal-access-token'
  jiraWebhookSecret: 'jira-webhook-secret'
  smtpPassword: 'smtp-password'
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: names.deploymentContainer
    queueNames: queueNames
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: names.keyVault
    location: location
    tags: tags
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionInDays
    enablePurgeProtection: keyVaultPurgeProtection
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
    dailyQuotaGb: logDailyQuotaGb
    disableLocalAuth: appInsightsLocalAuthDisabled
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    identityName: names.identity
    storageAccountName: names.storage
    queueNames: queueNames
    keyVaultName: names.keyVault
    appInsightsName: names.appInsights
    deployerPrincipalId: deployerPrincipalId
    deployerPrincipalType: deployerPrincipalType
  }
  dependsOn: [
    identity
    storage
    keyVault
    monitoring
  ]
}

module settings 'modules/appsettings.bicep' = {
  name: 'appsettings'
  params: {
    storageAccountName: storage.outputs.name
    identityClientId: identity.outputs.clientId
    appInsightsConnectionString: monitoring.outputs.connectionString
    appInsightsEntraAuth: appInsightsLocalAuthDisabled
    keyVaultName: keyVault.outputs.name
    secretNames: secretNames
    strategyPath: strategyPath
    tablePrefix: tablePrefix
    schedules: schedules
    gitHub: gitHub
    jira: jira
    mail: mail
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    identityId: identity.outputs.id
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    appSettings: settings.outputs.appSettings
  }
  dependsOn: [
    roles
  ]
}

// The paths machines call skip sign-in: the webhooks (signed by the trackers) and the read API (function keys). Every
// other path, the dashboard's pages included, needs a signed-in Entra ID account.
var signInExcludedPaths = [
  '/api/webhooks/github'
  '/api/webhooks/jira'
  '/api/strategy'
  '/api/rollup'
  '/api/findings'
  '/api/orphans'
  '/api/items/*'
  '/api/health'
  '/api/check-ins'
]

module signIn 'modules/auth.bicep' = {
  name: 'auth'
  params: {
    siteName: names.functionApp
    clientId: authClientId
    tenantId: authTenantId
    excludedPaths: signInExcludedPaths
  }
  dependsOn: [
    functionApp
  ]
}

@description('Name of the function app (for az functionapp commands).')
output functionAppName string = functionApp.outputs.name

@description('Default host name of the function app.')
output defaultHostName string = functionApp.outputs.defaultHostName

@description('Payload URL to register in GitHub (repository or organization webhook).')
output githubWebhookUrl string = 'https://${functionApp.outputs.defaultHostName}/api/webhooks/github'

@description('URL to register as a Jira webhook.')
output jiraWebhookUrl string = 'https://${functionApp.outputs.defaultHostName}/api/webhooks/jira'

@description('The dashboard (sign in with Microsoft Entra ID).')
output dashboardUrl string = 'https://${functionApp.outputs.defaultHostName}/api/dashboard'

@description('Key Vault holding the secrets.')
output keyVaultName string = keyVault.outputs.name

@description('Storage account holding tables, queues and the deployment package.')
output storageAccountName string = storage.outputs.name

@description('Application Insights component.')
output appInsightsName string = monitoring.outputs.appInsightsName

@description('Names of the Key Vault secrets the app settings reference.')
output secretNames object = secretNames
