using Microsoft.Extensions.Options;
using OkrSync.Core.Ports;
using OkrSync.Trackers;

namespace OkrSync.Cli;

/// <summary>
/// The services one command needs from the app's composition: tracker sources (bound from configuration) and the
/// sync engine, on the command's clock and, when given, its store. Logging has no providers here: the CLI reports
/// through its own output, so JSON on standard output stays clean.
/// </summary>
internal static class CliServices
{
    public static ServiceProvider Build(CliContext context, StoreScope? store = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(context.Clock);
        services.AddSingleton(context.Configuration);
        if (store is not null)
        {
            services.AddSingleton(store.Items);
            services.AddSingleton(store.Cursors);
        }
        services.AddWorkSources(context.Configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Parses <c>--source</c> specs and builds their sources; false (and a message) on the first bad one.</summary>
    public static bool TryCreateSources(CliContext context, IServiceProvider services, IEnumerable<string> specs, out IReadOnlyList<IWorkSource> sources)
    {
        var parsed = new List<SourceSpec>();
        foreach (var text in specs)
        {
            if (!SourceSpec.TryParse(text, out var spec, out var error))
            {
                context.Fail(error);
                sources = [];
                return false;
            }
            parsed.Add(spec!);
        }
        try
        {
            sources = parsed.Count == 0
                ? services.GetRequiredService<SourceFactory>().CreateConfigured()
                : services.GetRequiredService<SourceFactory>().Create(parsed);
            return true;
        }
        catch (OptionsValidationException e)
        {
            context.Fail($"bad configuration: {string.Join("; ", e.Failures)}");
            sources = [];
            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            context.Fail($"cannot set up the sources: {e.Message}");
            sources = [];
            return false;
        }
    }
}
