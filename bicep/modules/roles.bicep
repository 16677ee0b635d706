// Least-privilege role assignments for the app's managed identity (and, optionally, the deployer).
// Built-in role definition ids are the same in every tenant.

@description('Name of the app\'s user-assigned managed identity.')
param identityName string

@description('Storage account holding host state, tables, queues and the deployment package.')
param storageAccountName string

@description('Queues the app sends to, reads from and moves poison messages to.')
param queueNames string[]

@description('Key Vault holding the app\'s secrets.')
param keyVaultName string

@description('Application Insights component the app publishes telemetry to.')
param appInsightsName string

@description('Object id of the person or pipeline running the deployment; gets Key Vault Secrets Officer so it can set the secrets. Empty: no grant.')
param deployerPrincipalId string

@description('Kind of the deployer principal.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param deployerPrincipalType string

// Built-in role definition ids (the same in every tenant), written out where they are used.

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

var appPrincipalId = identity.properties.principalId

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName

  resource queueService 'queueServices' existing = {
    name: 'default'
  }
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' existing = [
  for queueName in queueNames: {
    parent: storage::queueService
    name: queueName
  }
]

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource blobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner: host keys, locks, timer state; Flex package
    )
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    description: 'OkrSync Functions host: host storage and Flex deployment package'
  }
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor: OkrSync tables
    )
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    description: 'OkrSync store: tables'
  }
}

resource queueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (queueName, i) in queueNames: {
    name: guid(queues[i].id, identity.id, '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
    scope: queues[i]
    properties: {
      roleDefinitionId: subscriptionResourceId(
        'Microsoft.Authorization/roleDefinitions',
        '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor: send, receive, delete, poison
      )
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
      description: 'OkrSync queue ${queueName}'
    }
  }
]

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, '4633458b-17de-408a-b874-0445c86b69e6')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      '4633458b-17de-408a-b874-0445c86b69e6' // Key Vault Secrets User: Key Vault references
    )
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    description: 'OkrSync app settings: Key Vault references'
  }
}

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, '3913510d-42f4-4e42-8a64-420c390055eb')
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      '3913510d-42f4-4e42-8a64-420c390055eb' // Monitoring Metrics Publisher: Entra-authenticated telemetry
    )
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    description: 'OkrSync telemetry: Entra-authenticated ingestion'
  }
}

resource deployerSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(vault.id, deployerPrincipalId, 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      'b86a8fe4-44ce-4948-aee5-eccb2c155cd7' // Key Vault Secrets Officer: set secret values
    )
    principalId: deployerPrincipalId
    principalType: deployerPrincipalType
    description: 'OkrSync deployer: set secret values'
  }
}
