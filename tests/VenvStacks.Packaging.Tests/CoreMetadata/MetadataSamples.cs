namespace VenvStacks.Packaging.Tests.CoreMetadata;

/// <summary>Hand-written METADATA / PKG-INFO files, one per metadata version, in the style the tools of each era wrote.</summary>
internal static class MetadataSamples
{
    // PEP 241, as distutils wrote PKG-INFO: description folded into a header with 8-space continuation lines.
    public const string Version1_0 =
        "Metadata-Version: 1.0\n" +
        "Name: ancient\n" +
        "Version: 0.9\n" +
        "Summary: A package from 2001\n" +
        "Home-page: http://example.org/ancient\n" +
        "Author: A. Author\n" +
        "Author-email: author@example.org\n" +
        "License: PSF\n" +
        "Description: Ancient\n" +
        "        =======\n" +
        "        \n" +
        "        Does old things.\n" +
        "            Indented example.\n" +
        "Keywords: old things\n" +
        "Platform: UNKNOWN\n";

    // PEP 314: classifiers, download URL, Requires/Provides.
    public const string Version1_1 =
        "Metadata-Version: 1.1\n" +
        "Name: classic\n" +
        "Version: 1.1.0\n" +
        "Summary: Classic package\n" +
        "Download-URL: http://example.org/classic-1.1.0.tar.gz\n" +
        "Description: UNKNOWN\n" +
        "Platform: any\n" +
        "Classifier: Programming Language :: Python :: 2\n" +
        "Classifier: License :: OSI Approved :: MIT License\n" +
        "Requires: os.path\n" +
        "Provides: classic\n";

    // PEP 345, as setuptools wrote it: Requires-Dist, Requires-Python, and the "       |" description folding.
    public const string Version1_2 =
        "Metadata-Version: 1.2\n" +
        "Name: modern-ish\n" +
        "Version: 2.0.1\n" +
        "Summary: Uses PEP 345\n" +
        "Maintainer: M. Aintainer\n" +
        "Project-URL: Source, https://example.org/src\n" +
        "Requires-Python: >=2.7, !=3.0.*\n" +
        "Requires-Dist: six (>=1.10)\n" +
        "Requires-External: libxml2\n" +
        "Provides-Dist: modern-ish\n" +
        "Obsoletes-Dist: old-modern\n" +
        "Description: Modern-ish\n" +
        "       |==========\n" +
        "       |\n" +
        "       |  Keeps indentation.\n";

    // The unofficial 2.0 that early bdist_wheel wrote; description in the body.
    public const string Version2_0 =
        "Metadata-Version: 2.0\n" +
        "Name: wheel-era\n" +
        "Version: 0.24.0\n" +
        "Summary: Early wheel\n" +
        "Requires-Dist: requests\n" +
        "Provides-Extra: Security\n" +
        "Requires-Dist: pyOpenSSL; extra == 'security'\n" +
        "\n" +
        "Body description.\n";

    // PEP 566: Description-Content-Type and Provides-Extra.
    public const string Version2_1 =
        "Metadata-Version: 2.1\n" +
        "Name: Example_Pkg\n" +
        "Version: 1.0.0\n" +
        "Summary: An example\n" +
        "Description-Content-Type: text/markdown; charset=UTF-8\n" +
        "Requires-Python: >=3.8\n" +
        "Provides-Extra: Test_All\n" +
        "Provides-Extra: docs\n" +
        "Requires-Dist: packaging>=21\n" +
        "Requires-Dist: pytest; extra == \"test_all\"\n" +
        "\n" +
        "# Example\n" +
        "\n" +
        "Markdown body.\n";

    // PEP 643: Dynamic.
    public const string Version2_2 =
        "Metadata-Version: 2.2\n" +
        "Name: dyn\n" +
        "Version: 3.0\n" +
        "Dynamic: Requires-Dist\n" +
        "Dynamic: Summary\n";

    // PEP 685: extras written normalised.
    public const string Version2_3 =
        "Metadata-Version: 2.3\n" +
        "Name: normal\n" +
        "Version: 1.2.3\n" +
        "Provides-Extra: test-all\n" +
        "Requires-Dist: pytest; extra == 'test-all'\n";

    // PEP 639: License-Expression and License-File.
    public const string Version2_4 =
        "Metadata-Version: 2.4\n" +
        "Name: licensed\n" +
        "Version: 4.5.6\n" +
        "License-Expression: MIT OR Apache-2.0\n" +
        "License-File: LICENSE-MIT\n" +
        "License-File: licenses/LICENSE-APACHE\n" +
        "Requires-Python: >=3.9\n" +
        "\n" +
        "Licensed.\n";
}
