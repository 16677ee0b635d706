using System.Text;
using Azure;
using Azure.Data.Tables;
using OkrSync.Storage.Tables;
using OkrSync.Storage.Tables.Transactions;

namespace OkrSync.Functions.Tests.Storage;

/// <summary>The transaction body and answer in the shapes the Table service documents (entity group transactions).</summary>
public sealed class EntityTransactionWireTests
{
    private const string TableUrl = "https://acme.table.core.windows.net/okrsyncitems";

    [Fact]
    public void Body_OneChangeSetWithARequestPerAction()
    {
        using var buffer = new PooledBuffer(16);
        var contentType = EntityTransactionBody.Write(buffer, TableUrl,
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("github|acme~2Fapi", "acme~2Fapi~2312") { ["Title"] = "Ship" }),
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("github|acme~2Fapi", "it's") { ["Estimate"] = 2.0 }, new ETag("W/\"datetime'2026-12-02T07%3A40%3A12.345Z'\"")),
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("github|acme~2Fapi", "gone"), ETag.All),
        ]);
        var body = Encoding.UTF8.GetString(buffer.WrittenMemory.Span);
        var batch = contentType["multipart/mixed; boundary=".Length..];
        var changeSet = body.Split("boundary=")[1].Split("\r\n")[0];

        Assert.StartsWith("batch_", batch, StringComparison.Ordinal);
        Assert.StartsWith($"--{batch}\r\nContent-Type: multipart/mixed; boundary={changeSet}\r\n\r\n--{changeSet}\r\n", body, StringComparison.Ordinal);
        Assert.EndsWith($"--{changeSet}--\r\n--{batch}--\r\n", body, StringComparison.Ordinal);
        Assert.Equal(4, body.Split($"--{changeSet}").Length - 1);
        Assert.Contains($"POST {TableUrl} HTTP/1.1\r\n", body, StringComparison.Ordinal);
        Assert.Contains("{\"PartitionKey\":\"github|acme~2Fapi\",\"RowKey\":\"acme~2Fapi~2312\",\"Title\":\"Ship\"}\r\n", body, StringComparison.Ordinal);
        Assert.Contains($"PUT {TableUrl}(PartitionKey='github%7Cacme~2Fapi',RowKey='it%27%27s') HTTP/1.1\r\n", body, StringComparison.Ordinal);
        Assert.Contains("If-Match: W/\"datetime'2026-12-02T07%3A40%3A12.345Z'\"\r\n", body, StringComparison.Ordinal);
        Assert.Contains("\"Estimate@odata.type\":\"Edm.Double\",\"Estimate\":2", body, StringComparison.Ordinal);
        Assert.Contains($"DELETE {TableUrl}(PartitionKey='github%7Cacme~2Fapi',RowKey='gone') HTTP/1.1\r\n", body, StringComparison.Ordinal);
        Assert.Contains("If-Match: *\r\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_OfTheLargestBatchTableBatchesMakes_StaysUnderTheServiceLimit()
    {
        var text = new string('é', 30_000);
        var actions = Enumerable.Range(0, 60)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}") { ["Body"] = text, ["More"] = text }))
            .ToList();

        foreach (var batch in TableBatches.Chunk(actions))
        {
            using var buffer = new PooledBuffer();
            EntityTransactionBody.Write(buffer, TableUrl, batch);
            Assert.InRange(buffer.WrittenCount, 1, 4 * 1024 * 1024);
        }
    }

    [Fact]
    public void Answer_AllCommitted_CountsEveryAction()
    {
        var outcome = EntityTransactionResponse.Read(Encoding.UTF8.GetBytes(Answer(
            Part("HTTP/1.1 204 No Content", "ETag: W/\"datetime'2026-12-02T07%3A40%3A12.345Z'\""),
            Part("HTTP/1.1 204 No Content", "ETag: W/\"datetime'2026-12-02T07%3A40%3A12.346Z'\""),
            Part("HTTP/1.1 201 Created", "Content-Type: application/json;odata=minimalmetadata", "{\"RowKey\":\"HTTP/1.1 500 in a value\"}"))));

        Assert.Equal(new TransactionOutcome(3, null), outcome);
    }

    [Fact]
    public void Answer_OneActionFailed_GivesItsStatusCodeAndMessage()
    {
        var outcome = EntityTransactionResponse.Read(Encoding.UTF8.GetBytes(Answer(
            Part("HTTP/1.1 409 Conflict", "Content-Type: application/json;odata=minimalmetadata;streaming=true;charset=utf-8",
                "{\"odata.error\":{\"code\":\"EntityAlreadyExists\",\"message\":{\"lang\":\"en-US\",\"value\":\"1:The specified entity already exists.\\nRequestId:6f3c\\nTime:2026-12-02T07:40:12.3456789Z\"}}}"))));

        Assert.Equal(1, outcome.Answered);
        Assert.Equal(409, outcome.Failure?.Status);
        Assert.Equal("EntityAlreadyExists", outcome.Failure?.ErrorCode);
        Assert.StartsWith("1:The specified entity already exists.", outcome.Failure?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_FailureWithoutJson_KeepsItsText()
    {
        var outcome = EntityTransactionResponse.Read(Encoding.UTF8.GetBytes(Answer(Part("HTTP/1.1 400 Bad Request", "Content-Type: text/plain", "0:One of the request inputs is not valid."))));

        Assert.Equal(new TransactionFailure(400, null, "0:One of the request inputs is not valid."), outcome.Failure);
    }

    private static string Part(string status, string header, string? body = null) =>
        "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
        $"{status}\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-cache\r\nDataServiceVersion: 3.0;\r\n{header}\r\n\r\n" +
        (body is null ? "" : body + "\r\n");

    private static string Answer(params string[] parts)
    {
        const string changeSet = "changesetresponse_4d5c2a9e-7c1d-4b0e-9f3a-2b8e1c6d7f00";
        return "--batchresponse_9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d\r\n" +
               $"Content-Type: multipart/mixed; boundary={changeSet}\r\n\r\n" +
               string.Concat(parts.Select(p => $"--{changeSet}\r\n{p}")) +
               $"--{changeSet}--\r\n--batchresponse_9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d--\r\n";
    }
}
