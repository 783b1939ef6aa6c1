namespace System.Runtime.CompilerServices;

/// <summary>Lets netstandard2.0 code declare records and init-only properties: the compiler needs this type, which
/// only .NET 5 and later ship.</summary>
internal static class IsExternalInit { }
