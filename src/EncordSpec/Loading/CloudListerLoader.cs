using System;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using EncordSpec.Listing;

namespace EncordSpec.Loading;

/// <summary>Creates a provider's lister from deps/EncordSpec.Storage.dll, loaded on first use: on pwsh 7 into its
/// own AssemblyLoadContext (so its AWSSDK.Core, Azure.Core and Google libraries never meet the versions AWS.Tools
/// or Az put in the session), on Windows PowerShell 5.1 beside the module with an AssemblyResolve handler. The
/// module assembly has no compile-time reference to it; each SDK loads only when its lister is first created.</summary>
internal static class CloudListerLoader
{
    public const string StorageAssemblyName = "EncordSpec.Storage";

    private static readonly object Gate = new();
    private static Assembly? storageAssembly;

    /// <summary>The folder holding EncordSpec.Storage.dll and the SDKs: deps/ beside the module assembly.</summary>
    public static string DependencyDirectory { get; } =
        Path.Combine(Path.GetDirectoryName(typeof(CloudListerLoader).Assembly.Location) ?? ".", "deps");

    /// <summary>True on .NET (pwsh 7), where assembly load contexts exist; false on .NET Framework (5.1).</summary>
    public static bool IsCoreClr { get; } = typeof(object).Assembly.GetName().Name == "System.Private.CoreLib";

    /// <summary>A new lister for the options' provider (OTC uses the S3 lister at the OBS endpoint).</summary>
    public static ICloudObjectLister Create(CloudListerOptions options)
    {
        string typeName = options.Provider switch
        {
            CloudProvider.Azure => "EncordSpec.Storage.AzureBlobLister",
            CloudProvider.GCS => "EncordSpec.Storage.GcsObjectLister",
            _ => "EncordSpec.Storage.S3ObjectLister",
        };
        return (ICloudObjectLister)CreateStorageObject(typeName, options);
    }

    /// <summary>A reader of the request's inventory report, its manifest read and verified.</summary>
    public static IInventoryReportReader CreateInventoryReader(InventoryReportRequest request) =>
        (IInventoryReportReader)CreateStorageObject("EncordSpec.Storage.Inventory.InventoryReportReader", request);

    private static object CreateStorageObject(string typeName, object argument)
    {
        var type = LoadStorageAssembly().GetType(typeName, throwOnError: true)!;
        try
        {
            // The listers and readers are internal to their assembly: only this loader makes them.
            return Activator.CreateInstance(type, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic,
                binder: null, args: new[] { argument }, culture: null)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    /// <summary>The storage assembly, loaded once per process.</summary>
    public static Assembly LoadStorageAssembly()
    {
        lock (Gate)
        {
            if (storageAssembly is not null)
                return storageAssembly;
            string path = Path.Combine(DependencyDirectory, StorageAssemblyName + ".dll");
            if (!File.Exists(path))
                throw new FileNotFoundException($"The module's cloud SDK folder is incomplete: '{path}' is missing. Reinstall the module.", path);
            storageAssembly = IsCoreClr ? LoadIsolated(path) : LoadBeside(path);
            return storageAssembly;
        }
    }

    // Separate methods, never inlined: the JIT must not meet AssemblyLoadContext on .NET Framework.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Assembly LoadIsolated(string path) => StorageLoadContext.Instance(DependencyDirectory).LoadFromAssemblyPath(path);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Assembly LoadBeside(string path)
    {
        FrameworkDependencyResolver.Register(DependencyDirectory);
        return Assembly.LoadFrom(path);
    }
}
