<#
.SYNOPSIS
    Generates the module's MAML help from the built module and its XML doc comments, and copies the about topics.
.DESCRIPTION
    Imports the built module (run it in a fresh pwsh: the module's assembly stays loaded), reads every exported
    cmdlet's metadata with Get-Command and its doc comments from the compiler's XML documentation file, and writes
    <ModuleDir>/en-US/<Assembly>.dll-Help.xml. Copies src/Help/about_*.help.txt beside it.
    Exits 1, listing what is missing, when a cmdlet lacks a synopsis, a parameter description or two examples, or
    when an example does not parse, does not call its cmdlet or names a parameter the module's cmdlets lack.
.EXAMPLE
    dotnet pwsh -NoProfile -File src/Help/Build-ModuleHelp.ps1 -ModuleDir out/EncordSpec -DocXml out/publish/EncordSpec/EncordSpec.xml
#>
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

Import-Module (Join-Path $PSScriptRoot 'CmdletHelp.psm1') -Force
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

$problems = @(Export-ModuleHelp -Module $module -DocXml $DocXml -Culture $Culture -RelatedTopics $related)
if ($problems) {
    $list = ($problems | ForEach-Object { "  $_" }) -join [Environment]::NewLine
    Write-Error -ErrorAction Continue -Message ("Help for $($module.Name) is incomplete ($($problems.Count) problem(s)); " +
        "fix the XML doc comments:" + [Environment]::NewLine + $list)
    exit 1
}
Write-Host ("Help: {0} cmdlet(s), {1} about topic(s) in {2} ({3:N0} ms)" -f $module.ExportedCmdlets.Count, $topics.Count, $helpFolder, $started.Elapsed.TotalMilliseconds)
exit 0
