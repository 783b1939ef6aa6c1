// What Get-Help shows of Test-EncordSpec beyond its synopsis (the <summary> in ../TestEncordSpecCommand.cs): the compiler
// merges the doc comments of a partial class's declarations into one, which src/Help turns into the MAML help.
namespace EncordSpec.Cmdlets;

/// <remarks>
/// <para>Test-EncordSpec reads each spec once, as a stream, and returns $true or $false per file, like Test-Path. A file fails when it breaks a rule of Error severity; with
/// -WarningsAsErrors, also when it breaks one of Warning severity.</para>
/// <para>Each problem is written as a non-terminating error (Error severity) or a warning (Warning severity). The
/// ErrorId is the rule's stable id, such as ObjectUrlWhitespace, and the message names the item (for example
/// image_groups[2].objectUrl_3), the line and column, and what to do. With -Detailed, Test-EncordSpec outputs the
/// findings as objects (Severity, RuleId, Location, Line, Column, Message, Path) instead, for Group-Object,
/// Where-Object or Export-Csv; it then writes no errors or warnings and no $true/$false.</para>
/// <para>With -Summary, it outputs one SpecSummary per file instead of $true/$false: the file, whether it passed,
/// its errors and warnings, its items per section, its object URLs, the smallest and largest group and its size. A
/// check of many files then says which failed, and a look before upload shows what the platform will get.</para>
/// <para>Memory: the text is never held, but to find repeated object URLs every URL of the file is remembered as a
/// 64-bit hash with its line, 16 to 32 bytes each (16-32 MB per million URLs). The same table tells repeats within a
/// group by that line; only a group that starts on a line holding earlier URLs (several groups on one line) has its
/// URLs remembered once more, until the next group starts. A group whose objectUrl_N keys do not run 0, 1, 2, ... in
/// order costs up to about 60 more bytes per key (their numbers and places, for the gap and repeated-key checks). A
/// single value is read whole: a URL or title of many megabytes costs about 4 times its size while it is checked, a
/// CSV row about 5.5 times, and a value or row past 64 MB ends the read with ValueTooLarge. Measured peaks of the
/// whole pwsh process (about 110 MB of it pwsh and the module): a spec of 10 million images (970 MB) 314 MB; one image
/// group of 10 million URLs on one line (694 MB) 463 MB; a 25 MB objectUrl 208 MB; a 50 MB CSV row 382 MB; a 100 MB
/// string 238 MB (ValueTooLarge).</para>
/// <para>Get-Help about_EncordSpec_Rules lists every rule with its id, severity and meaning. Test-EncordSpec never
/// throws on bad input: empty files, binary files, invalid UTF-8, deep nesting and truncated files are findings.</para>
/// </remarks>
/// <example>
/// <code>Test-EncordSpec ./upload.json</code>
/// <para>Checks one spec. Returns $true when it has no errors; each problem is shown with its line and column.</para>
/// </example>
/// <example>
/// <code>Test-EncordSpec ./specs/*.json, ./specs/*.csv -WarningsAsErrors -Summary</code>
/// <para>Checks every JSON and CSV spec in the folder, one row per file with what it holds; warnings (duplicate URLs,
/// unknown keys, ...) fail a file too.</para>
/// </example>
/// <example>
/// <code>Test-EncordSpec ./upload.json -Detailed | Group-Object RuleId | Sort-Object Count -Descending</code>
/// <para>Counts the problems of a large spec by rule.</para>
/// </example>
/// <example>
/// <code>Get-ChildItem ./exports -Recurse -Filter *.json | Where-Object { -not (Test-EncordSpec -LiteralPath $_.FullName -ErrorAction SilentlyContinue) }</code>
/// <para>Lists the specs under a folder that would fail.</para>
/// </example>
/// <example>
/// <code>$spec = 's3://bucket/a.jpg', 's3://bucket/b.mp4' | ConvertTo-EncordSpec; Test-EncordSpec -Spec $spec</code>
/// <para>Checks spec text that is not in a file; -Spec (Get-Content x.json -Raw) works too.</para>
/// </example>
public sealed partial class TestEncordSpecCommand;
