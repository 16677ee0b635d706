using Azure.Data.Tables;
using OkrSync.Storage.Tables.Transactions;

namespace OkrSync.Storage.Tables;

/// <summary>One storage account as the store reaches it: the SDK's service client, and the transaction sender for writes.</summary>
internal sealed record TableAccount(TableServiceClient Service, EntityTransactions Transactions);
