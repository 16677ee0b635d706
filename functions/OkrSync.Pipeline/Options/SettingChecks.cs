using Microsoft.Extensions.Options;

namespace OkrSync.Pipeline;

/// <summary>
/// Validation of bound options that says what is wrong and where: a check returns the problem (naming the setting and
/// the value it got) or null. With <c>ValidateOnStart</c>, a problem stops the start as an
/// <see cref="OptionsValidationException"/> carrying that message.
/// </summary>
public static class SettingChecks
{
    public static OptionsBuilder<T> Check<T>(this OptionsBuilder<T> builder, Func<T, string?> problem) where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IValidateOptions<T>>(new ProblemCheck<T>(builder.Name, problem));
        return builder;
    }

    /// <summary>The problems of an options failure, for a one-line start-up error.</summary>
    public static string Describe(OptionsValidationException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return string.Join("; ", exception.Failures);
    }

    private sealed class ProblemCheck<T>(string? name, Func<T, string?> problem) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? optionsName, T options) =>
            name is not null && !string.Equals(name, optionsName, StringComparison.Ordinal) ? ValidateOptionsResult.Skip
            : problem(options) is { } text ? ValidateOptionsResult.Fail(text)
            : ValidateOptionsResult.Success;
    }
}
