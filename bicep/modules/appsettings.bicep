// Computes the function app's settings (the keys the README's configuration tables list). No resources: a pure function of the
// inputs, kept apart so main.bicep stays readable. Secrets appear only as Key Vault references,
// storage only as an account name reached with the managed identity.

import { gitHubSettings, jiraSettings, mailSettings, scheduleSettings, keyVaultReference, indexedSettings } from '../types.bicep'

@description('Storage account for host state, tables and queues.')
param storageAccountName string

@description('Client id of the app\'s user-assigned managed identity.')
param identityClientId string

@description('Application Insights connection string (an ingestion address, not a credential).')
param appInsightsConnectionString string

@description('Authenticate telemetry with the managed identity (Application Insights local auth is off).')
param appInsightsEntraAuth bool

@description('Key Vault holding the secrets.')
param keyVaultName string

@description('Secret names in the vault.')
param secretNames object

@description('Strategy file path relative to the app folder.')
param strategyPath string

@description('Table name prefix.')
param tablePrefix string

@description('Timer schedules.')
param schedules scheduleSettings

@description('GitHub source.')
param gitHub gitHubSettings

@description('Jira source.')
param jira jiraSettings

@description('SMTP settings.')
param mail mailSettings

var hostSettings = union(
  {
    // Identity-based host storage: account name + managed identity, never a connection string.
    AzureWebJobsStorage__accountName: storageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    // The ApplyTrackerEvent queue trigger's connection (Connection = "OkrSyncStorage"), identity-based like the host's.
    OkrSyncStorage__queueServiceUri: 'https://${storageAccountName}.queue.${environment().suffixes.storage}'
    OkrSyncStorage__credential: 'managedidentity'
    OkrSyncStorage__clientId: identityClientId
    // DefaultAzureCredential in the app picks the user-assigned identity from AZURE_CLIENT_ID.
    AZURE_CLIENT_ID: identityClientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
    OKRSYNC_SYNC_SCHEDULE: schedules.sync
    OKRSYNC_RECONCILE_SCHEDULE: schedules.reconcile
    OKRSYNC_REPORT_SCHEDULE: schedules.report
    // The dashboard's pages are served only behind App Service Authentication (bicep/modules/auth.bicep), which main.bicep always deploys.
    OkrSync__Dashboard__EntraIdSignIn: 'true'
  },
  appInsightsEntraAuth
    ? { APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD' }
    : {}
)

var storeSettings = {
  OkrSync__StrategyPath: strategyPath
  OkrSync__Store: 'tables'
  OkrSync__Storage__AccountName: storageAccountName
  OkrSync__Storage__ClientId: identityClientId
  OkrSync__Storage__TablePrefix: tablePrefix
}

var gitHubAppId = gitHub.?appId ?? ''
var gitHubAuthSettings = empty(gitHubAppId)
  ? { OkrSync__GitHub__Token: keyVaultReference(keyVaultName, secretNames.gitHubToken) }
  : {
      OkrSync__GitHub__AppId: gitHubAppId
      OkrSync__GitHub__InstallationId: gitHub.?installationId ?? ''
      OkrSync__GitHub__PrivateKey: keyVaultReference(keyVaultName, secretNames.gitHubAppPrivateKey)
    }
var gitHubAllSettings = empty(gitHub.repositories)
  ? {}
  : union(
      {
        OkrSync__GitHub__BaseUrl: gitHub.baseUrl
        OkrSync__GitHub__WebhookSecret: keyVaultReference(keyVaultName, secretNames.gitHubWebhookSecret)
      },
      gitHubAuthSettings,
      indexedSettings('OkrSync__GitHub__Repositories', gitHub.repositories)
    )

var jiraAuthSettings = jira.deployment == 'Cloud'
  ? {
      OkrSync__Jira__Email: jira.?email ?? ''
      OkrSync__Jira__ApiToken: keyVaultReference(keyVaultName, secretNames.jiraApiToken)
    }
  : { OkrSync__Jira__PersonalAccessToken: keyVaultReference(keyVaultName, secretNames.jiraPersonalAccessToken) }
var jiraStoryPointsField = jira.?storyPointsField ?? ''
var jiraAllSettings = empty(jira.baseUrl)
  ? {}
  : union(
      {
        OkrSync__Jira__BaseUrl: jira.baseUrl
        OkrSync__Jira__Deployment: jira.deployment
        OkrSync__Jira__WebhookSecret: keyVaultReference(keyVaultName, secretNames.jiraWebhookSecret)
      },
      jiraAuthSettings,
      empty(jiraStoryPointsField) ? {} : { OkrSync__Jira__StoryPointsField: jiraStoryPointsField },
      indexedSettings('OkrSync__Jira__Projects', jira.projects)
    )

var mailUsername = mail.?username ?? ''
var mailAllSettings = empty(mail.host)
  ? {}
  : union(
      {
        OkrSync__Mail__Host: mail.host
        OkrSync__Mail__Port: string(mail.port)
        OkrSync__Mail__Security: mail.security
        OkrSync__Mail__From: mail.from
        OkrSync__Mail__PerOwnerDigests: mail.perOwnerDigests ? 'true' : 'false'
      },
      empty(mailUsername)
        ? {}
        : {
            OkrSync__Mail__Username: mailUsername
            OkrSync__Mail__Password: keyVaultReference(keyVaultName, secretNames.smtpPassword)
          },
      indexedSettings('OkrSync__Mail__Leadership', mail.leadership)
    )

@description('App settings as a name-to-value object.')
output appSettings object = union(hostSettings, storeSettings, gitHubAllSettings, jiraAllSettings, mailAllSettings)
