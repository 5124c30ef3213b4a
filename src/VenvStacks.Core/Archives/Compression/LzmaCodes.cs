namespace VenvStacks.Core.Archives.Compression;

/// <summary><c>lzma_ret</c>.</summary>
internal enum LzmaResult
{
    Ok = 0,
    StreamEnd = 1,
    NoCheck = 2,
    UnsupportedCheck = 3,
    GetCheck = 4,
    MemError = 5,
    MemLimitError = 6,
    FormatError = 7,
    OptionsError = 8,
    DataError = 9,
    BufError = 10,
    ProgError = 11,
}

/// <summary><c>lzma_action</c>.</summary>
internal enum LzmaAction
{
    Run = 0,
    Finish = 3,
}
