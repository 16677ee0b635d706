using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OkrSync.Trackers.GitHub;

/// <summary>The JSON Web Token a GitHub App signs with its private key (RS256) to ask for installation tokens.</summary>
public static class GitHubAppJwt
{
    /// <summary>GitHub accepts at most 10 minutes; 9 leaves room for clock drift.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(9);

    /// <summary>Issued 60 seconds in the past, as GitHub recommends, to allow for clock drift.</summary>
    public static readonly TimeSpan Backdate = TimeSpan.FromSeconds(60);

    public static string Create(string appId, string privateKeyPem, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKeyPem);
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(privateKeyPem.Replace("\\n", "\n", StringComparison.Ordinal)); // env vars often carry "\n"
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException("OkrSync:GitHub:PrivateKey is not a PEM RSA private key", e);
        }
        var header = Base64Url("""{"alg":"RS256","typ":"JWT"}"""u8);
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iat"] = (now - Backdate).ToUnixTimeSeconds(),
            ["exp"] = (now + Lifetime).ToUnixTimeSeconds(),
            ["iss"] = appId,
        }));
        var signingInput = $"{header}.{payload}";
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url(signature)}";
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
