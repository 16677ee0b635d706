using OkrSync.Testing.Emulators;

namespace OkrSync.Functions.Tests.Storage;

/// <summary>One Azurite for every test class of this assembly that joins the collection.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
