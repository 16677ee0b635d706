using OkrSync.Storage.Tables;

namespace OkrSync.Functions.Tests.Storage;

public sealed class TableKeyEncodingTests
{
    [Theory]
    [InlineData("owner/repo#12", "owner~2Frepo~2312")]
    [InlineData("ONB-42", "ONB-42")]
    [InlineData("a\\b?c", "a~5Cb~3Fc")]
    [InlineData("~", "~7E")]
    [InlineData("é", "~C3~A9")]
    public void Encode_KnownText_GivesKnownKey(string text, string expected)
    {
        var encoded = TableKeyEncoding.Encode(text);

        Assert.Equal(expected, encoded);
    }

    [Theory]
    [InlineData("tab\tnew\nline\u0001\u007f\u0085")]
    [InlineData("quote'percent%20space hash#slash/back\\query?")]
    [InlineData("emoji 🚀 and ключ")]
    [InlineData("")]
    public void Encode_AnyText_IsAValidKeyThatDecodesBack(string text)
    {
        var encoded = TableKeyEncoding.Encode(text);

        Assert.DoesNotContain(encoded, c => c is '/' or '\\' or '#' or '?' or '\'' or '%' or ' ' || char.IsControl(c) || c > '~');
        Assert.Equal(text, TableKeyEncoding.Decode(encoded));
    }

    [Fact]
    public void Encode_VeryLongText_IsCutAndHashedButStaysUnique()
    {
        var common = new string('/', 1_000);

        var first = TableKeyEncoding.Encode(common + "a");
        var second = TableKeyEncoding.Encode(common + "b");

        Assert.NotEqual(first, second);
        Assert.All([first, second], key => Assert.InRange(key.Length, 1, TableKeyEncoding.MaxLength));
        Assert.Null(TableKeyEncoding.Decode(first));
        Assert.StartsWith("~2F~2F", first, StringComparison.Ordinal);
    }
}
