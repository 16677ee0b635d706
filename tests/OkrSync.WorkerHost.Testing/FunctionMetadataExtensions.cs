using System.Text.Json;
using OkrSync.WorkerHost.Testing.Rpc;

namespace OkrSync.WorkerHost.Testing;

/// <summary>Reading a function's bindings as the worker reported them.</summary>
public static class FunctionMetadataExtensions
{
    /// <summary>
    /// The binding as the worker declared it: the raw JSON with every attribute (<c>schedule</c>, <c>queueName</c>,
    /// <c>route</c>, <c>authLevel</c>, ...), while <see cref="RpcFunctionMetadata.Bindings"/> only has type and direction.
    /// </summary>
    public static JsonElement RawBinding(this RpcFunctionMetadata function, string bindingName)
    {
        ArgumentNullException.ThrowIfNull(function);
        foreach (var raw in function.RawBindings)
        {
            using var binding = JsonDocument.Parse(raw);
            if (binding.RootElement.GetProperty("name").GetString() == bindingName)
            {
                return binding.RootElement.Clone();
            }
        }
        throw new KeyNotFoundException($"Function {function.Name} has no binding named {bindingName}.");
    }

    /// <summary>The name of the function's trigger: its one input binding whose type ends in <c>Trigger</c>.</summary>
    public static string TriggerName(this RpcFunctionMetadata function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return function.Bindings
            .Where(b => b.Value.Direction == BindingInfo.Types.Direction.In && b.Value.Type.EndsWith("Trigger", StringComparison.Ordinal))
            .Select(b => b.Key)
            .SingleOrDefault()
            ?? throw new InvalidOperationException($"Function {function.Name} has no trigger binding.");
    }

    /// <summary>The trigger's raw JSON (see <see cref="RawBinding"/>).</summary>
    public static JsonElement Trigger(this RpcFunctionMetadata function) => function.RawBinding(function.TriggerName());
}
