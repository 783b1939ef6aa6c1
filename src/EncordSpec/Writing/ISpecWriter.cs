using System;
using System.IO;
using EncordSpec.Format;

namespace EncordSpec.Writing;

/// <summary>Streams items into one spec. Items are checked by <see cref="Format.SpecItemRules"/> before they get here.
/// The writer holds them in its buffers until <see cref="Complete"/>, which is told only then where the document goes,
/// so a spec's file can be named once it is known whether the input needed several.</summary>
internal interface ISpecWriter : IDisposable
{
    /// <summary>Writes one item into the writer's buffers.</summary>
    void Add(EncordDataItem item);

    /// <summary>Writes the whole document to <paramref name="output"/>. Nothing is valid output before this returns.</summary>
    void Complete(Stream output);

    /// <summary>Items written so far, per section.</summary>
    SpecCounts Counts { get; }
}
