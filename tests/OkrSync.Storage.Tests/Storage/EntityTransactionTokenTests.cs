using System.Net;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using OkrSync.Storage.Tables.Transactions;

namespace OkrSync.Functions.Tests.Storage;

/// <summary>
/// The managed-identity path (no Entra ID here): the transaction request as it leaves the pipeline, seen by an HTTP
/// handler that answers like the service.
/// </summary>
public sealed class EntityTransactionTokenTests
{
    [Fact]
    public async Task AccountWithATokenCredential_SendsABearerTokenForStorageAndADate()
    {
        var credential = new IssuedToken("token-1");
        var service = new AnsweringHandler();
        var transactions = new EntityTransactions(
            new Uri("https://acmeokr.table.core.windows.net"),
            new TableAuthorization.Token(credential),
            new TableClientOptions { Transport = new HttpClientTransport(new HttpClient(service)) });

        await transactions.SubmitAsync("okrsyncitems", [new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", "r") { ["V"] = 1 })]);

        var request = Assert.Single(service.Requests);
        Assert.Equal("POST https://acmeokr.table.core.windows.net/$batch", $"{request.Method} {request.RequestUri}");
        Assert.Equal("Bearer token-1", request.Headers.Authorization?.ToString());
        Assert.True(DateTimeOffset.TryParse(request.Headers.GetValues("x-ms-date").Single(), out _));
        Assert.Equal(EntityTransactions.ServiceVersion, request.Headers.GetValues("x-ms-version").Single());
        Assert.Equal([TableAuthorization.Token.Scope], credential.Scopes);
        Assert.Contains("PUT https://acmeokr.table.core.windows.net/okrsyncitems(PartitionKey='p',RowKey='r') HTTP/1.1", service.Bodies.Single(), StringComparison.Ordinal);
    }

    private sealed class IssuedToken(string token) : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    /// <summary>Answers every transaction with the service's 202 and one committed change per action.</summary>
    private sealed class AnsweringHandler : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            Bodies.Add(body);
            var actions = body.Split("Content-Type: application/http").Length - 1;
            var answer = new StringBuilder("--batchresponse_1\r\nContent-Type: multipart/mixed; boundary=changesetresponse_1\r\n\r\n");
            for (var i = 0; i < actions; i++)
            {
                answer.Append("--changesetresponse_1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nHTTP/1.1 204 No Content\r\nDataServiceVersion: 1.0;\r\n\r\n");
            }
            answer.Append("--changesetresponse_1--\r\n--batchresponse_1--\r\n");
            var content = new StringContent(answer.ToString(), Encoding.UTF8);
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/mixed; boundary=batchresponse_1");
            return new HttpResponseMessage(HttpStatusCode.Accepted) { Content = content };
        }
    }
}
