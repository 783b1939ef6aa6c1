using System;
using System.IO;
using System.Reflection;

namespace EncordSpec.Loading;

/// <summary>Windows PowerShell 5.1 has no assembly load contexts: the SDKs load into the one AppDomain beside the
/// module. This handler finds them in deps/ when the binder does not, also for a reference that asks for another
/// version than the one shipped (netstandard libraries without binding redirects).</summary>
internal static class FrameworkDependencyResolver
{
    private static string? dependencyDirectory;

    public static void Register(string directory)
    {
        if (dependencyDirectory is not null)
            return;
        dependencyDirectory = directory;
        AppDomain.CurrentDomain.AssemblyResolve += Resolve;
    }

    private static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var name = new AssemblyName(args.Name);
        string path = Path.Combine(dependencyDirectory!, name.Name + ".dll");
        return File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }
}
