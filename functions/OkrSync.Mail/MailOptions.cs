using System.Globalization;
using OkrSync.Core.Digest;

namespace OkrSync.Mail;

/// <summary>How the connection to the SMTP server is secured (MailKit's SecureSocketOptions).</summary>
public enum MailSecurity
{
    /// <summary>STARTTLS when the server offers it, SSL on connect on port 465.</summary>
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>
/// The weekly e-mail's configuration, section <c>OkrSync:Mail</c>:
/// <list type="bullet">
/// <item><c>Host</c>, <c>Port</c>, <c>Security</c> (<c>None</c>/<c>StartTls</c>/<c>SslOnConnect</c>/<c>Auto</c>), <c>Username</c>, <c>Password</c> (secret), <c>From</c>:
/// SMTP. Without a host, mail goes to the outbox folder instead. Port defaults to 465 for SslOnConnect, 25 for None, else 587.</item>
/// <item><c>OutboxPath</c>: the folder for <c>.eml</c> files in outbox mode (default <c>./.okrsync/outbox</c>).</item>
/// <item><c>Leadership</c>: the addresses that get the full digest (an array, or one string separated by commas).</item>
/// <item><c>PerOwnerDigests</c>: also send each bet owner, initiative owner and assignee with a known address their part (default false).</item>
/// <item><c>ReportUrl</c>: a page listing all orphaned work; the "and N more" links go there (default: the tracker's search).</item>
/// <item><c>OrphanCap</c>: at most this many orphaned items are listed (default 20).</item>
/// <item><c>TimeoutSeconds</c>: SMTP connect and command timeout (default 60).</item>
/// </list>
/// The schedule of the <c>WeeklyOrphanReport</c> function is the app setting <c>OKRSYNC_REPORT_SCHEDULE</c> (default <c>0 0 7 * * Mon</c>).
/// </summary>
public sealed record MailOptions
{
    public const string Section = "OkrSync:Mail";
    public const string DefaultOutboxPath = "./.okrsync/outbox";

    public string? Host { get; init; }

    public int? Port { get; init; }

    public MailSecurity Security { get; init; } = MailSecurity.Auto;

    public string? Username { get; init; }

    /// <summary>Secret: never logged, and left out of <see cref="ToString"/>.</summary>
    public string? Password { get; init; }

    public string From { get; init; } = "OkrSync <okrsync@localhost>";

    public string OutboxPath { get; init; } = DefaultOutboxPath;

    public IReadOnlyList<string> Leadership { get; init; } = [];

    public bool PerOwnerDigests { get; init; }

    public string? ReportUrl { get; init; }

    public int OrphanCap { get; init; } = 20;

    public int TimeoutSeconds { get; init; } = 60;

    /// <summary>True when mail goes through SMTP; false in outbox mode.</summary>
    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Host);

    public int EffectivePort => Port ?? Security switch
    {
        MailSecurity.SslOnConnect => 465,
        MailSecurity.None => 25,
        _ => 587,
    };

    public MailPlanOptions PlanOptions => new(Leadership, PerOwnerDigests, new DigestOptions { OrphanCap = OrphanCap, ReportUrl = ReportUrl });

    public static MailOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var defaults = new MailOptions();
        return new MailOptions
        {
            Host = NullIfBlank(section["Host"]),
            Port = int.TryParse(section["Port"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) ? port : null,
            Security = Enum.TryParse<MailSecurity>(section["Security"], ignoreCase: true, out var security) ? security : MailSecurity.Auto,
            Username = NullIfBlank(section["Username"]),
            Password = section["Password"],
            From = NullIfBlank(section["From"]) ?? defaults.From,
            OutboxPath = NullIfBlank(section["OutboxPath"]) ?? defaults.OutboxPath,
            Leadership = List(section.GetSection("Leadership")),
            PerOwnerDigests = bool.TryParse(section["PerOwnerDigests"], out var perOwner) && perOwner,
            ReportUrl = NullIfBlank(section["ReportUrl"]),
            OrphanCap = int.TryParse(section["OrphanCap"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var cap) && cap >= 0 ? cap : defaults.OrphanCap,
            TimeoutSeconds = int.TryParse(section["TimeoutSeconds"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var timeout) && timeout > 0 ? timeout : defaults.TimeoutSeconds,
        };
    }

    /// <summary>Everything but the password.</summary>
    public override string ToString() =>
        UsesSmtp
            ? $"SMTP {Host}:{EffectivePort} ({Security}){(Username is null ? "" : $" as {Username}")}, from {From}"
            : $"outbox {OutboxPath}, from {From}";

    private static List<string> List(IConfigurationSection section) =>
        section.Value is { } single
            ? [.. single.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : [.. section.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0)];

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
