using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace OkrSync.Storage.Tables.Transactions;

/// <summary>
/// How a transaction request proves who sends it, the same three ways the SDK's clients do: an account key
/// (Shared Key Lite, Table service format), a SAS token on the URL, or an Entra ID token for Azure Storage.
/// </summary>
internal abstract record TableAuthorization
{
    /// <summary>Azurite's and the storage emulator's published development account.</summary>
    public const string DevelopmentAccount = "devstoreaccount1";

    public const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The query to append to the request URL ("" or "?sv=…&amp;sig=…").</summary>
    public virtual string Query => "";

    /// <summary>The per-attempt policies that date and sign a request.</summary>
    public abstract HttpPipelinePolicy[] Policies { get; }

    /// <summary>The credential a connection string carries: <c>AccountKey</c>, <c>SharedAccessSignature</c>, or the development account.</summary>
    public static TableAuthorization FromConnectionString(string connectionString, string? accountName)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var settings = connectionString
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.Last()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var name = settings.GetValueOrDefault("AccountName") ?? accountName;
        if (settings.TryGetValue("AccountKey", out var key) && !string.IsNullOrEmpty(name))
        {
            return new SharedKey(name, key);
        }

        if (settings.TryGetValue("SharedAccessSignature", out var sas))
        {
            return new SharedAccessSignature(sas);
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var development) && bool.TryParse(development, out var yes) && yes)
        {
            return new SharedKey(DevelopmentAccount, DevelopmentKey);
        }

        throw new InvalidOperationException("The Table Storage connection string has neither AccountName with AccountKey nor SharedAccessSignature.");
    }

    public sealed record SharedKey(string AccountName, string AccountKey) : TableAuthorization
    {
        public override HttpPipelinePolicy[] Policies { get; } = [new SharedKeyLitePolicy(AccountName, AccountKey)];
    }

    public sealed record SharedAccessSignature(string Signature) : TableAuthorization
    {
        public override string Query => "?" + Signature.TrimStart('?');

        public override HttpPipelinePolicy[] Policies { get; } = [new DatePolicy()];
    }

    public sealed record Token(TokenCredential Credential) : TableAuthorization
    {
        public const string Scope = "https://storage.azure.com/.default";

        public override HttpPipelinePolicy[] Policies { get; } = [new DatePolicy(), new BearerTokenAuthenticationPolicy(Credential, Scope)];
    }

    /// <summary>Every attempt carries its own <c>x-ms-date</c>, which the service requires and checks.</summary>
    internal sealed class DatePolicy : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) =>
            message.Request.Headers.SetValue("x-ms-date", DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Shared Key Lite for the Table service: HMAC-SHA256 of <c>x-ms-date + "\n" + /account/path[?comp=…]</c> with the
    /// account key, in <c>Authorization: SharedKeyLite account:signature</c>. Signed again on every attempt.
    /// </summary>
    internal sealed class SharedKeyLitePolicy(string accountName, string accountKey) : HttpPipelineSynchronousPolicy
    {
        private readonly byte[] key = Convert.FromBase64String(accountKey);

        public override void OnSendingRequest(HttpMessage message)
        {
            var date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
            message.Request.Headers.SetValue("x-ms-date", date);
            var uri = message.Request.Uri.ToUri();
            var resource = "/" + accountName + (uri.AbsolutePath.Length > 0 ? uri.AbsolutePath : "/") + CompParameter(uri.Query);
            var signature = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(date + "\n" + resource)));
            message.Request.Headers.SetValue("Authorization", "SharedKeyLite " + accountName + ":" + signature);
        }

        private static string CompParameter(string query)
        {
            foreach (var parameter in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var pair = parameter.Split('=', 2);
                if (pair.Length == 2 && Uri.UnescapeDataString(pair[0]) == "comp")
                {
                    return "?comp=" + Uri.UnescapeDataString(pair[1]);
                }
            }

            return "";
        }
    }
}
