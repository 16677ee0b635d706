using OkrSync.Testing.Emulators;

namespace OkrSync.Functions.Tests.Mail;

/// <summary>One maildev for the mail tests; each test isolates itself by its own recipient addresses.</summary>
[CollectionDefinition(Name)]
public sealed class MailDevCollection : ICollectionFixture<MailDevFixture>
{
    public const string Name = "maildev";
}
