using EncordSpec.Format;

namespace EncordSpec.Writing;

/// <summary>One finished spec of a possibly split input.</summary>
/// <param name="Number">Its place in the input, from 1.</param>
/// <param name="Counts">The items and object URLs it holds.</param>
/// <param name="Path">The file it is (or, under -WhatIf, would be) written to; null for a spec returned as text.</param>
internal sealed record SpecPart(int Number, SpecCounts Counts, string? Path);
