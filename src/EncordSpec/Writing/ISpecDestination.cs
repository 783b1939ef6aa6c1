using System;
using System.Collections.Generic;
using System.IO;

namespace EncordSpec.Writing;

/// <summary>Where the specs a <see cref="SpecSplitter"/> makes go: strings, a set of files, or nowhere (-WhatIf).</summary>
internal interface ISpecDestination : IDisposable
{
    /// <summary>A read/write buffer for an unfinished spec (in memory, a hidden file beside the target, or
    /// nothing); the spec's writer disposes it.</summary>
    Stream CreateBuffer();

    /// <summary>Takes a finished spec: number <paramref name="number"/> (from 1) of the input, <paramref name="last"/>
    /// when no other follows. It writes the document out and disposes the writer.</summary>
    void Finish(ISpecWriter spec, int number, bool last);

    /// <summary>After the last spec: puts the specs in place and returns what the cmdlet outputs, in order.</summary>
    IReadOnlyList<object> Complete();
}
