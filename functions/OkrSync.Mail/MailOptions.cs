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

    public string? Host { get; set; }

    public int? Port { get; set; }

    public MailSecurity Security { get; set; } = MailSecurity.Auto;

    public string? Username { get; set; }

    /// <summary>Secret: never logged, and left out of <see cref="ToString"/>.</summary>
    public string? Password { get; set; }

    public string From { get; set; } = "OkrSync <okrsync@localhost>";

    public string OutboxPath { get; set; } = DefaultOutboxPath;

    public IReadOnlyList<string> Leadership { get; set; } = [];

    public bool PerOwnerDigests { get; set; }

    public string? ReportUrl { get; set; }

    public int OrphanCap { get; set; } = 20;

    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>True when mail goes through SMTP; false in outbox mode.</summary>
    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Host);

    public int EffectivePort => Port ?? Security switch
    {
        MailSecurity.SslOnConnect => 465,
        MailSecurity.None => 25,
        _ => 587,
    };

    public MailPlanOptions PlanOptions => new(Leadership, PerOwnerDigests, new DigestOptions { OrphanCap = OrphanCap, ReportUrl = ReportUrl });

    /// <summary>
    /// The section bound as the app binds it (<c>BindConfiguration</c> and <see cref="Normalize"/>), for the CLI, which
    /// has no host. A value of the wrong type is an <see cref="InvalidOperationException"/> naming the setting.
    /// </summary>
    public static MailOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(Section).Get<MailOptions>() ?? new MailOptions();
        options.Normalize(configuration);
        return options.Problem() is { } problem ? throw new InvalidOperationException(problem) : options;
    }

    /// <summary>Blank values are unset; <c>Leadership</c> may also be one string separated by commas or semicolons.</summary>
    public void Normalize(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new MailOptions();
        Host = NullIfBlank(Host);
        Username = NullIfBlank(Username);
        From = NullIfBlank(From) ?? defaults.From;
        OutboxPath = NullIfBlank(OutboxPath) ?? defaults.OutboxPath;
        ReportUrl = NullIfBlank(ReportUrl);
        Leadership = List(configuration.GetSection(Section + ":Leadership"));
    }

    /// <summary>What is wrong with the bound values, naming the setting; null when nothing is.</summary>
    public string? Problem() =>
        Port is < 1 or > 65535 ? string.Create(CultureInfo.InvariantCulture, $"{Section}:Port is {Port}: give a TCP port from 1 to 65535")
        : OrphanCap < 0 ? string.Create(CultureInfo.InvariantCulture, $"{Section}:OrphanCap is {OrphanCap}: give 0 or more")
        : TimeoutSeconds <= 0 ? string.Create(CultureInfo.InvariantCulture, $"{Section}:TimeoutSeconds is {TimeoutSeconds}: give a number of seconds above 0")
        : null;

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
