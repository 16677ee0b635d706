// App Service Authentication ("Easy Auth", v2) with Microsoft Entra ID in front of the function app: people must sign
// in before any request reaches the app, except on the paths machines use (the webhooks, signed by the trackers; and
// the read API, which keeps its function keys). The dashboard's pages (/api/dashboard/...) are not excluded, so an
// unauthenticated browser is redirected to the Entra ID sign-in page. See docs/dashboard.md.

@description('Name of the function app.')
param siteName string

@description('Client (application) ID of the Microsoft Entra app registration people sign in with. Empty: no one can sign in, and every path but the excluded ones answers 401.')
param clientId string

@description('The Microsoft Entra tenant (ID) whose users may sign in.')
param tenantId string

@description('Paths that skip sign-in: the webhooks and the read API (machines; the webhooks check signatures, the API function keys).')
param excludedPaths string[]

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: siteName
}

resource authSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
      runtimeVersion: '~1'
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: empty(clientId) ? 'Return401' : 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: excludedPaths
    }
    httpSettings: {
      requireHttps: true
      routes: {
        apiPrefix: '/.auth'
      }
      forwardProxy: {
        convention: 'NoProxy'
      }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: !empty(clientId)
        registration: {
          clientId: clientId
          // The tenant's own issuer: only accounts of this tenant can sign in.
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            clientId
            'api://${clientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
      preserveUrlFragmentsForLogins: true
    }
  }
}
