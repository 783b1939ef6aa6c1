using System;
using System.Reflection;
using EncordSpec.Media;

namespace EncordSpec.Loading;

/// <summary>Makes the media probe from deps/EncordSpec.Storage.dll, whose parsing library (MetadataExtractor) loads
/// into the same context as the cloud SDKs, on first use.</summary>
internal static class MediaProbeLoader
{
    public static IMediaProbe Create()
    {
        var type = CloudListerLoader.LoadStorageAssembly().GetType("EncordSpec.Storage.Media.MediaProbe", throwOnError: true)!;
        return (IMediaProbe)Activator.CreateInstance(type, nonPublic: true)!;
    }
}
