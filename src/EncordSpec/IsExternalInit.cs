namespace System.Runtime.CompilerServices;

/// <summary>Lets the compiler emit records and init-only setters for netstandard2.0, whose base library lacks the
/// marker type (.NET 5 and later define it).</summary>
internal static class IsExternalInit
{
}
