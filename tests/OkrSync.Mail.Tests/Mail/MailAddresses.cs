namespace OkrSync.Functions.Tests.Mail;

/// <summary>Recipient addresses unique to one test, so that tests sharing one maildev never see each other's mail.</summary>
internal static class MailAddresses
{
    public static string Unique(string name) => $"{name}.{Guid.NewGuid():N}@acme.example";
}
