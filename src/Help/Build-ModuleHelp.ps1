<#
.SYNOPSIS
    Generates the module's MAML help from the built module and its XML doc comments, and copies the about topics.
.DESCRIPTION
    Imports the built module (run it in a fresh pwsh: the module's assembly stays loaded), reads every exported
    cmdlet's metadata with Get-Command (CmdletModel.psm1) and its doc comments from the compiler's XML documentation
    file (DocCommentReader.psm1), compiles and checks its help (HelpCompiler.psm1, ExampleLinter.psm1) and writes
    <ModuleDir>/en-US/<Assembly>.dll-Help.xml (MamlWriter.psm1). Copies src/Help/about_*.help.txt beside it.
    Exits 1, listing what is missing, when a cmdlet lacks a synopsis, a parameter description or two examples, or
    when an example does not parse, does not call its cmdlet or names a parameter the module's cmdlets lack.
.EXAMPLE
    dotnet pwsh -NoProfile -File src/Help/Build-ModuleHelp.ps1 -ModuleDir out/EncordSpec -DocXml out/publish/EncordSpec/EncordSpec.xml
#>
using module ./CmdletModel.psm1
using module ./DocCommentReader.psm1
using module ./ExampleLinter.psm1
using module ./HelpCompiler.psm1
using module ./MamlWriter.psm1
[CmdletBinding()]
param(
    # The built module's folder (holding its manifest).
    [Parameter(Mandatory)] [string] $ModuleDir,
    # The compiler's XML documentation file(s) of the assemblies that implement the cmdlets.
    [Parameter(Mandatory)] [string[]] $DocXml,
    [string] $Culture = 'en-US'
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$started = [System.Diagnostics.Stopwatch]::StartNew()

$manifest = @(Get-ChildItem -LiteralPath $ModuleDir -Filter '*.psd1')
if ($manifest.Count -ne 1) { throw "Expected one module manifest in '$ModuleDir', found $($manifest.Count)." }
$module = Import-Module $manifest[0].FullName -PassThru -Force

$helpFolder = Join-Path $module.ModuleBase $Culture
$null = New-Item $helpFolder -ItemType Directory -Force
$topics = @(Get-ChildItem -LiteralPath $PSScriptRoot -Filter 'about_*.help.txt')
foreach ($topic in $topics) {
    $text = [System.IO.File]::ReadAllText($topic.FullName) # UTF-8, with or without a byte-order mark
    if (-not $text.Trim()) { throw "The about topic '$($topic.FullName)' is empty." }
    # Windows PowerShell 5.1 reads a text file without a byte-order mark as ANSI: give it one.
    [System.IO.File]::WriteAllText((Join-Path $helpFolder $topic.Name), $text, [System.Text.UTF8Encoding]::new($true))
}
# Every cmdlet's help links to the module's about topics.
$related = @($topics | ForEach-Object { $_.Name -replace '\.help\.txt$', '' } | Sort-Object)

$cmdlets = @($module.ExportedCmdlets.Values | Sort-Object Name)
$compiler = [HelpCompiler]::new([DocCommentReader]::new([DocCommentReader]::ReadMembers($DocXml), $cmdlets), [ExampleLinter]::new($cmdlets))
$compiler.RelatedTopics = $related
$helps = @(foreach ($cmdlet in $cmdlets) { $compiler.Compile([CmdletModel]::new($cmdlet)) })
$problems = @(foreach ($help in $helps) { foreach ($problem in $help.Problems) { "$($help.Cmdlet.Name): $problem" } })
if ($problems) {
    $list = ($problems | ForEach-Object { "  $_" }) -join [Environment]::NewLine
    Write-Error -ErrorAction Continue -Message ("Help for $($module.Name) is incomplete ($($problems.Count) problem(s)); " +
        "fix the XML doc comments:" + [Environment]::NewLine + $list)
    exit 1
}
# One file per help file name (<Assembly>.dll-Help.xml), written only when no cmdlet's help has a problem.
foreach ($file in $helps | Group-Object { $_.Cmdlet.HelpFile }) {
    [MamlWriter]::WriteFile((Join-Path $helpFolder $file.Name), $file.Group)
}
Write-Host ("Help: {0} cmdlet(s), {1} about topic(s) in {2} ({3:N0} ms)" -f $module.ExportedCmdlets.Count, $topics.Count, $helpFolder, $started.Elapsed.TotalMilliseconds)
exit 0
