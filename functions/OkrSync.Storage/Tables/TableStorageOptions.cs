using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using OkrSync.Storage.Tables.Transactions;

namespace OkrSync.Storage.Tables;

/// <summary>
/// How to reach Table Storage (configuration section <c>OkrSync:Storage</c>): a connection string (Azurite, or
/// account keys), or an account name reached with <see cref="DefaultAzureCredential"/> (managed identity in Azure;
/// <see cref="ClientId"/> picks a user-assigned identity).
/// </summary>
public sealed record TableStorageOptions
{
    public const string SectionName = "OkrSync:Storage";
    public const string DefaultTablePrefix = "okrsync";

    public string? ConnectionString { get; init; }

    public string? AccountName { get; init; }

    public string? ClientId { get; init; }

    /// <summary>Prefix of the table names (letters and digits, starting with a letter).</summary>
    public string TablePrefix { get; init; } = DefaultTablePrefix;

    /// <summary>How many requests one store runs at once (lookups and batches of different partitions).</summary>
    public int MaxParallelism { get; init; } = 8;

    /// <summary>
    /// How far before the server time a change mark is set (see <c>TableWorkStore.ReadItemChangeMarkAsync</c>): entity
    /// timestamps come from the storage servers' clocks, which may differ a little between partitions, so a reader that
    /// catches up asks again for the changes of this last stretch rather than miss one. Default 30 seconds.
    /// </summary>
    public TimeSpan ChangeClockMargin { get; init; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString) || !string.IsNullOrWhiteSpace(AccountName);

    public static TableStorageOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var prefix = section["TablePrefix"];
        return new TableStorageOptions
        {
            ConnectionString = Blank(section["ConnectionString"]),
            AccountName = Blank(section["AccountName"]),
            ClientId = Blank(section["ClientId"]),
            TablePrefix = string.IsNullOrWhiteSpace(prefix) ? DefaultTablePrefix : prefix.Trim(),
        };
    }

    /// <summary>The service client: connection string first, else the account endpoint with DefaultAzureCredential.</summary>
    public TableServiceClient CreateServiceClient(TableClientOptions? clientOptions = null) =>
        !string.IsNullOrWhiteSpace(ConnectionString)
            ? new TableServiceClient(ConnectionString, clientOptions)
            : new TableServiceClient(AccountEndpoint(), CreateCredential(), clientOptions);

    /// <summary>
    /// The service client and the transaction sender (<see cref="EntityTransactions"/>), sharing the options and,
    /// without a connection string, one DefaultAzureCredential.
    /// </summary>
    internal TableAccount Connect(TableClientOptions? clientOptions = null)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            var service = new TableServiceClient(ConnectionString, clientOptions);
            return new TableAccount(service, new EntityTransactions(service.Uri, TableAuthorization.FromConnectionString(ConnectionString, service.AccountName), clientOptions));
        }

        var endpoint = AccountEndpoint();
        var credential = CreateCredential();
        return new TableAccount(new TableServiceClient(endpoint, credential, clientOptions), new EntityTransactions(endpoint, new TableAuthorization.Token(credential), clientOptions));
    }

    private Uri AccountEndpoint() =>
        string.IsNullOrWhiteSpace(AccountName)
            ? throw new InvalidOperationException("Table Storage needs OkrSync:Storage:ConnectionString or OkrSync:Storage:AccountName.")
            : new Uri($"https://{AccountName.Trim()}.table.core.windows.net");

    private TokenCredential CreateCredential() => new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = ClientId });

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
