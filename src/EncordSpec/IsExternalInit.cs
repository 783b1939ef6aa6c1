namespace System.Runtime.CompilerServices;

/// <summary>Lets records and init-only setters compile for netstandard2.0; .NET 5 and later ship this type.</summary>
internal static class IsExternalInit
{
}
