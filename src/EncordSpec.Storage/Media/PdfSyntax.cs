using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EncordSpec.Storage.Media;

/// <summary>A reference to an indirect object: "12 0 R".</summary>
internal readonly struct PdfReference
{
    public PdfReference(int number, int generation)
    {
        Number = number;
        Generation = generation;
    }

    public int Number { get; }
    public int Generation { get; }
    public override string ToString() => $"{Number} {Generation} R";
}

/// <summary>A PDF name such as /Pages, without its slash.</summary>
internal sealed class PdfName
{
    public PdfName(string value) => Value = value;
    public string Value { get; }
    public override string ToString() => "/" + Value;
}

/// <summary>Thrown when the bytes end inside a value: the caller reads further and parses again.</summary>
internal sealed class PdfTruncatedException : Exception
{
    public PdfTruncatedException() : base("the PDF data ends inside an object") { }
}

/// <summary>Reads PDF objects (numbers, names, strings, arrays, dictionaries, references, keywords) from bytes read
/// out of a file: just enough syntax to follow the cross-reference data and the page tree. Dictionaries come back as
/// Dictionary&lt;string, object?&gt; keyed by name without the slash; strings are skipped over and returned as text.</summary>
internal sealed class PdfSyntax
{
    private readonly byte[] data;
    private readonly bool endIsFileEnd;

    /// <param name="endIsFileEnd">Whether the data runs to the end of the file (else running off its end means
    /// "read more", <see cref="PdfTruncatedException"/>).</param>
    public PdfSyntax(byte[] data, int position, bool endIsFileEnd)
    {
        this.data = data;
        Position = position;
        this.endIsFileEnd = endIsFileEnd;
    }

    public int Position { get; set; }

    public static bool IsWhitespace(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    private static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    public void SkipWhitespace()
    {
        while (true)
        {
            while (Position < data.Length && IsWhitespace(data[Position]))
                Position++;
            if (Position < data.Length && data[Position] == '%')
            {
                while (Position < data.Length && data[Position] != '\n' && data[Position] != '\r')
                    Position++;
                continue;
            }
            return;
        }
    }

    /// <summary>The next value; "n g R" becomes a <see cref="PdfReference"/>.</summary>
    public object? ReadValue()
    {
        object? value = ReadToken();
        if (value is long number && number >= 0 && FollowedByGenerationAndR() is { } generation)
            return new PdfReference((int)number, generation);
        return value;
    }

    /// <summary>After an object number: " g R" (consumed, the generation returned) or anything else (left unread).</summary>
    private int? FollowedByGenerationAndR()
    {
        int save = Position;
        SkipWhitespace();
        int digits = Position;
        while (digits < data.Length && data[digits] >= '0' && data[digits] <= '9')
            digits++;
        if (digits == data.Length && !endIsFileEnd)
            throw new PdfTruncatedException();
        if (digits > Position)
        {
            int generation = int.Parse(Encoding.ASCII.GetString(data, Position, digits - Position), CultureInfo.InvariantCulture);
            Position = digits;
            SkipWhitespace();
            if (Position + 1 >= data.Length && !endIsFileEnd)
                throw new PdfTruncatedException();
            if (Position < data.Length && data[Position] == 'R' && (Position + 1 == data.Length || IsWhitespace(data[Position + 1]) || IsDelimiter(data[Position + 1])))
            {
                Position++;
                return generation;
            }
        }
        Position = save;
        return null;
    }

    /// <summary>"n g obj", then the object's value.</summary>
    public object? ReadIndirectObject(int expectedNumber)
    {
        if (ReadToken() is not long number || ReadToken() is not long || ReadToken() is not Keyword { Text: "obj" })
            throw new FormatException($"no \"{expectedNumber} 0 obj\" where the cross-reference data points");
        if (number != expectedNumber)
            throw new FormatException($"object {number} where the cross-reference data says object {expectedNumber} is");
        return ReadValue();
    }

    /// <summary>After a stream's dictionary: the keyword "stream" and its end of line, leaving the position at the
    /// first byte of the stream's data.</summary>
    public void ReadStreamKeyword()
    {
        if (ReadToken() is not Keyword { Text: "stream" })
            throw new FormatException("a stream object without the keyword \"stream\"");
        if (Position < data.Length && data[Position] == '\r')
            Position++;
        if (Position < data.Length && data[Position] == '\n')
            Position++;
        if (Position >= data.Length && !endIsFileEnd)
            throw new PdfTruncatedException();
    }

    /// <summary>A bare word such as obj, R, stream, xref, trailer, true, null.</summary>
    public sealed class Keyword
    {
        public Keyword(string text) => Text = text;
        public string Text { get; }
        public override string ToString() => Text;
    }

    private byte Next()
    {
        if (Position >= data.Length)
            throw endIsFileEnd ? new FormatException("the PDF ends inside an object") : new PdfTruncatedException();
        return data[Position++];
    }

    public object? ReadToken()
    {
        SkipWhitespace();
        byte first = Next();
        switch (first)
        {
            case (byte)'/':
                return new PdfName(ReadRegular(Position));
            case (byte)'[':
            {
                var list = new List<object?>();
                while (true)
                {
                    SkipWhitespace();
                    if (Peek() == ']')
                    {
                        Position++;
                        return list;
                    }
                    list.Add(ReadValue());
                }
            }
            case (byte)'<' when Peek() == '<':
            {
                Position++;
                var dictionary = new Dictionary<string, object?>(StringComparer.Ordinal);
                while (true)
                {
                    SkipWhitespace();
                    if (Peek() == '>')
                    {
                        Position++;
                        if (Next() != '>')
                            throw new FormatException("a dictionary closed by a single '>'");
                        return dictionary;
                    }
                    if (ReadToken() is not PdfName key)
                        throw new FormatException("a dictionary key that is not a name");
                    dictionary[key.Value] = ReadValue();
                }
            }
            case (byte)'<':
            {
                int start = Position;
                while (Next() != '>') { }
                return Encoding.ASCII.GetString(data, start, Position - 1 - start);
            }
            case (byte)'(':
            {
                int depth = 1;
                int start = Position;
                while (depth > 0)
                {
                    byte b = Next();
                    if (b == '\\')
                        Next();
                    else if (b == '(')
                        depth++;
                    else if (b == ')')
                        depth--;
                }
                return Encoding.ASCII.GetString(data, start, Position - 1 - start); // only skipped over: its text is never used
            }
            case (byte)']' or (byte)'>' or (byte)')' or (byte)'{' or (byte)'}':
                throw new FormatException($"an unexpected '{(char)first}' at byte {Position - 1:N0} of the data read");
        }
        string word = ReadRegular(Position - 1);
        if (long.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
            return integer;
        if (double.TryParse(word, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double real))
            return real;
        return word switch
        {
            "true" => true,
            "false" => false,
            "null" => null,
            _ => new Keyword(word),
        };
    }

    private int Peek() => Position < data.Length ? data[Position] : endIsFileEnd ? -1 : throw new PdfTruncatedException();

    /// <summary>Regular characters from <paramref name="start"/> up to whitespace or a delimiter.</summary>
    private string ReadRegular(int start)
    {
        Position = start;
        while (Position < data.Length && !IsWhitespace(data[Position]) && !IsDelimiter(data[Position]))
            Position++;
        if (Position >= data.Length && !endIsFileEnd)
            throw new PdfTruncatedException();
        return Encoding.ASCII.GetString(data, start, Position - start);
    }
}
