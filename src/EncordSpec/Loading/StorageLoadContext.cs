using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace EncordSpec.Loading;

/// <summary>The AssemblyLoadContext the cloud SDKs live in on pwsh 7. It resolves EncordSpec itself to the module's
/// loaded assembly (so listers and cmdlets share CloudObject and the lister interface), takes every other assembly
/// from deps/, except those the runtime or pwsh already ship in the same or a newer version (System.*, Newtonsoft.Json),
/// so no second copy of those loads. The choice is made once per assembly name, whoever asks and for which version:
/// were Azure.Core (asking for Microsoft.Bcl.AsyncInterfaces 8.0) given pwsh's copy and this module (asking for
/// 10.0.0.15) the one in deps/, IAsyncEnumerable would be two types and Azure's methods "not found".</summary>
internal sealed class StorageLoadContext : AssemblyLoadContext
{
    private static StorageLoadContext? instance;

    private readonly string dependencyDirectory;
    private readonly Assembly moduleAssembly = typeof(StorageLoadContext).Assembly;
    private readonly string[] platformDirectories;
    private readonly Dictionary<string, bool> platformSupplies = new(StringComparer.OrdinalIgnoreCase);

    private StorageLoadContext(string dependencyDirectory)
    {
        this.dependencyDirectory = dependencyDirectory;
        var directories = new List<string>();
        AddDirectoryOf(directories, typeof(object).Assembly.Location);                       // the shared framework
        AddDirectoryOf(directories, typeof(System.Management.Automation.PSObject).Assembly.Location); // $PSHOME
        platformDirectories = directories.ToArray();
    }

    /// <summary>The name tests and diagnostics find it by: AssemblyLoadContext.GetLoadContext(assembly).Name.</summary>
    public const string ContextName = "EncordSpec.Storage";

    /// <summary>One context per process; called under the loader's lock.</summary>
    public static StorageLoadContext Instance(string dependencyDirectory) => instance ??= new StorageLoadContext(dependencyDirectory);

    public override string ToString() => ContextName;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (string.Equals(assemblyName.Name, moduleAssembly.GetName().Name, StringComparison.OrdinalIgnoreCase))
            return moduleAssembly;
        string path = Path.Combine(dependencyDirectory, assemblyName.Name + ".dll");
        if (!File.Exists(path))
            return null;
        bool deferToPlatform;
        lock (platformSupplies)
        {
            if (!platformSupplies.TryGetValue(assemblyName.Name!, out deferToPlatform))
                platformSupplies[assemblyName.Name!] = deferToPlatform = PlatformSupplies(assemblyName.Name!, path);
        }
        return deferToPlatform ? null : LoadFromAssemblyPath(path);
    }

    /// <summary>Does the runtime or pwsh ship this assembly in at least the version deps/ has?</summary>
    private bool PlatformSupplies(string name, string dependencyPath)
    {
        var ours = AssemblyName.GetAssemblyName(dependencyPath).Version;
        foreach (string directory in platformDirectories)
        {
            string candidate = Path.Combine(directory, name + ".dll");
            if (!File.Exists(candidate))
                continue;
            try
            {
                var shipped = AssemblyName.GetAssemblyName(candidate).Version;
                if (ours is null || shipped is not null && shipped >= ours)
                    return true;
            }
            catch (Exception e) when (e is BadImageFormatException or IOException)
            {
                // A native or unreadable file of that name: not a managed assembly to defer to.
            }
        }
        return false;
    }

    private static void AddDirectoryOf(List<string> directories, string assemblyLocation)
    {
        string? directory = Path.GetDirectoryName(assemblyLocation);
        if (!string.IsNullOrEmpty(directory) && !directories.Contains(directory!))
            directories.Add(directory!);
    }
}
