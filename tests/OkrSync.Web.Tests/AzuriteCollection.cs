using OkrSync.Testing.Emulators;

// The namespace the App/ tests already import it from (it was defined next to the store tests before the split).
namespace OkrSync.Functions.Tests.Storage;

/// <summary>One Azurite for every test class of this assembly that joins the collection (xunit collections are per assembly).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
