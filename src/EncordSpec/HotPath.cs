using System.Runtime.CompilerServices;

namespace EncordSpec;

/// <summary>Marks the methods that run once per token or per URL of a spec.</summary>
/// <remarks>A spec is read once per process. The JIT would start these methods as unoptimized tier-0 code, whose
/// call counting and loop patchpoints cost a large share of a one-shot run over a million items; AggressiveOptimization
/// (512; not in netstandard2.0's enum, honoured by every .NET Core runtime) compiles them optimized at once.</remarks>
internal static class HotPath
{
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}
