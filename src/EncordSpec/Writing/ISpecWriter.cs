using System;
using EncordSpec.Format;

namespace EncordSpec.Writing;

/// <summary>Streams items into a spec. Items are checked by <see cref="Format.SpecItemRules"/> before they get here.</summary>
internal interface ISpecWriter : IDisposable
{
    /// <summary>Writes one item (it may be buffered per section until <see cref="Complete"/>).</summary>
    void Add(EncordDataItem item);

    /// <summary>Finishes the document. Nothing is valid output before this returns.</summary>
    void Complete();

    /// <summary>Items written so far, per section.</summary>
    SpecCounts Counts { get; }
}
