using System.Net;
using OkrSync.WorkerHost.Testing.Rpc;

namespace OkrSync.WorkerHost.Testing;

/// <summary>
/// An HTTP function's run through the worker's own HTTP listener: the response the client would get, and the
/// worker's answer to the invocation that went with it (its return value is not what the client sees).
/// </summary>
public sealed record HttpInvocation(HttpStatusCode StatusCode, string? ContentType, string Body, InvocationResponse Invocation);
