using Microsoft.Extensions.DependencyInjection.Extensions;
using OkrSync.Core.Ports;

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
        services.TryAddSingleton(MailOptions.FromConfiguration(configuration));
        services.TryAddSingleton(sp => Mailers.Create(sp.GetRequiredService<MailOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<DigestSource>();
        services.TryAddSingleton<WeeklyReportSender>();
        return services;
    }
}
