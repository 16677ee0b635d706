using System.IO.Compression;
using System.Text.Json;
using OkrSync.Storage.Reports;

namespace OkrSync.Functions.Tests.Storage;

/// <summary>The parts' JSON is made in per-thread buffers: it must stay byte for byte the serializer's (parts are named by its hash).</summary>
public sealed class ReportPartJsonTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Serialize_LargeThenSmallParts_EachIsByteForByteTheSerializers()
    {
        var large = SampleReports.Report(keyResults: 40, findings: 3_000, AsOf);
        var small = SampleReports.Report(keyResults: 2, findings: 3, AsOf.AddDays(1));

        foreach (var report in new[] { large, small, large with { Findings = [] } })
        {
            var expected = JsonSerializer.SerializeToUtf8Bytes(report.Findings, PartJson.Findings);
            Assert.Equal(expected, PartJson.Serialize(report.Findings, PartJson.Findings).ToArray());
            Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(report, PartJson.Head), PartJson.Serialize(report, PartJson.Head).ToArray());
        }
    }

    [Fact]
    public void Gzip_OneBufferForManyParts_EachDecompressesToItsOwnJson()
    {
        var first = SampleReports.Report(keyResults: 40, findings: 2_000, AsOf);
        var second = SampleReports.Report(keyResults: 1, findings: 1, AsOf);

        var firstBody = PartJson.Gzip(PartJson.Serialize(first.Findings, PartJson.Findings));
        var secondBody = PartJson.Gzip(PartJson.Serialize(second.Findings, PartJson.Findings));

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(first.Findings, PartJson.Findings), Gunzip(firstBody));
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(second.Findings, PartJson.Findings), Gunzip(secondBody));
    }

    private static byte[] Gunzip(byte[] body)
    {
        using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
