namespace EncordSpec;

/// <summary>A text file (plain text, Markdown, HTML, XML, JSON, CSV): the "text" section, written only as JSON.
/// Its media metadata is textMetadata (file_size, mime_type).</summary>
public sealed class EncordText : EncordSingleItem
{
    public EncordText() { }
    public EncordText(string objectUrl) => ObjectUrl = objectUrl;
    public override SpecSection Section => SpecSection.Text;
}

/// <summary>A PDF document: the "pdf" section, written only as JSON. Its media metadata is pdfMetadata
/// (file_size, num_pages).</summary>
public sealed class EncordPdf : EncordSingleItem
{
    public EncordPdf() { }
    public EncordPdf(string objectUrl) => ObjectUrl = objectUrl;
    public override SpecSection Section => SpecSection.Pdf;
}

/// <summary>A NIfTI volume (.nii, .nii.gz): the "nifti" section, written only as JSON. The platform takes no media
/// metadata for NIfTI.</summary>
public sealed class EncordNifti : EncordSingleItem
{
    public EncordNifti() { }
    public EncordNifti(string objectUrl) => ObjectUrl = objectUrl;
    public override SpecSection Section => SpecSection.Nifti;
}
