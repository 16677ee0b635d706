using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OkrSync.Core.Ports;
using OkrSync.Pipeline;

namespace OkrSync.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Registers the weekly report: <see cref="MailOptions"/> from <c>OkrSync:Mail</c>, the <see cref="IMailer"/>
    /// (SMTP, or the outbox without a host) and the <see cref="WeeklyReportSender"/>. Needs an <see cref="ISendLedger"/>, an <see cref="IReportStore"/> and an <see cref="IItemStore"/>;
    /// uses the registered <see cref="TimeProvider"/>, or the system clock.
    /// </summary>
    public static IServiceCollection AddOkrSyncMail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(configuration); // what BindConfiguration binds from
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section)
            .PostConfigure<IConfiguration>((options, c) => options.Normalize(c))
            .Check(options => options.Problem())
            .ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value);
        services.TryAddSingleton(sp => Mailers.Create(sp.GetRequiredService<MailOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<DigestSource>();
        services.TryAddSingleton<WeeklyReportSender>();
        return services;
    }
}
