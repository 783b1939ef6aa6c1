using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace EncordSpec.Storage.Media;

/// <summary>Decodes the PDF streams the page count path meets (cross-reference and object streams): FlateDecode
/// (zlib) with or without a PNG row predictor, as PDF writers store them.</summary>
internal static class StreamDecoder
{
    public static byte[] Decode(byte[] raw, Dictionary<string, object?> dictionary)
    {
        object? filter = dictionary.TryGetValue("Filter", out var f) ? f : null;
        if (filter is List<object?> { Count: 1 } single)
            filter = single[0];
        if (filter is null)
            return raw;
        if (filter is not PdfName { Value: "FlateDecode" })
            throw new FormatException($"a stream it needs is encoded with {Describe(filter)}, which is not read here");
        byte[] inflated = Inflate(raw);
        var parameters = dictionary.TryGetValue("DecodeParms", out var p) ? p as Dictionary<string, object?> ?? (p as List<object?>)?[0] as Dictionary<string, object?> : null;
        long predictor = Number(parameters, "Predictor", 1);
        if (predictor == 1)
            return inflated;
        if (predictor < 10)
            throw new FormatException($"a stream it needs uses TIFF predictor {predictor}, which is not read here");
        int columns = (int)Number(parameters, "Columns", 1);
        int colors = (int)Number(parameters, "Colors", 1);
        int bitsPerComponent = (int)Number(parameters, "BitsPerComponent", 8);
        return Unpredict(inflated, (colors * bitsPerComponent * columns + 7) / 8, Math.Max(1, colors * bitsPerComponent / 8));
    }

    private static string Describe(object? filter) => filter is List<object?> list ? string.Join(" then ", list) : filter?.ToString() ?? "nothing";

    private static long Number(Dictionary<string, object?>? parameters, string key, long fallback) =>
        parameters is not null && parameters.TryGetValue(key, out var value) && value is long n ? n : fallback;

    /// <summary>zlib data: a 2-byte header, deflate data, an Adler-32 checksum (not checked).</summary>
    private static byte[] Inflate(byte[] zlib)
    {
        if (zlib.Length < 2 || (zlib[0] & 0x0F) != 8)
            throw new InvalidDataException("a FlateDecode stream without a zlib header");
        using var input = new MemoryStream(zlib, 2, zlib.Length - 2, writable: false);
        using var deflate = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        deflate.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Undoes the PNG filters (None, Sub, Up, Average, Paeth) each row names in its first byte.</summary>
    private static byte[] Unpredict(byte[] data, int rowBytes, int pixelBytes)
    {
        int stride = rowBytes + 1;
        int rows = data.Length / stride;
        var output = new byte[rows * rowBytes];
        for (int row = 0; row < rows; row++)
        {
            byte filter = data[row * stride];
            int inAt = row * stride + 1;
            int outAt = row * rowBytes;
            for (int i = 0; i < rowBytes; i++)
            {
                int left = i >= pixelBytes ? output[outAt + i - pixelBytes] : 0;
                int up = row > 0 ? output[outAt - rowBytes + i] : 0;
                int upLeft = row > 0 && i >= pixelBytes ? output[outAt - rowBytes + i - pixelBytes] : 0;
                int raw = data[inAt + i];
                output[outAt + i] = (byte)(filter switch
                {
                    0 => raw,
                    1 => raw + left,
                    2 => raw + up,
                    3 => raw + (left + up) / 2,
                    4 => raw + Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"an unknown PNG row filter {filter}"),
                });
            }
        }
        return output;
    }

    private static int Paeth(int left, int up, int upLeft)
    {
        int estimate = left + up - upLeft;
        int toLeft = Math.Abs(estimate - left), toUp = Math.Abs(estimate - up), toUpLeft = Math.Abs(estimate - upLeft);
        return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
    }
}
