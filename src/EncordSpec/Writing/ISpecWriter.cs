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

    /// <summary>The buffer that already holds the start of the document (JSON: its first section), which
    /// <see cref="CompleteInPlace"/> can finish instead of copying it out; null when there is none.</summary>
    Stream? DocumentStart { get; }

    /// <summary>Writes the rest of the document after what <see cref="DocumentStart"/> holds, so that buffer becomes
    /// the whole document. Only when <see cref="DocumentStart"/> is not null; instead of <see cref="Complete"/>.</summary>
    void CompleteInPlace();

    /// <summary>Items written so far, per section.</summary>
    SpecCounts Counts { get; }
}
