using System.Text;
using VenvStacks.Core.Archives.Tar;

namespace VenvStacks.Core.Tests.Archives;

public sealed class TarHeaderTests
{
    [Fact]
    public void A_name_of_100_bytes_fits_the_ustar_field_and_101_needs_a_pax_record()
    {
        var fits = new string('a', 100);
        var longer = new string('a', 101);

        Encode(fits, 0, 0).Length.ShouldBe(512);
        var header = Encode(longer, 0, 0);

        header.Length.ShouldBe(3 * 512);
        Encoding.ASCII.GetString(header, 0, 14).ShouldBe("././@PaxHeader");
        header[156].ShouldBe((byte)'x');
        Encoding.UTF8.GetString(header, 512, 111).ShouldBe($"111 path={longer}\n");
        Encoding.ASCII.GetString(header, 1024, 100).ShouldBe(fits, "the ustar field holds the name cut to 100 bytes, as tarfile writes it");
    }

    [Fact]
    public void Sizes_from_8_GiB_and_times_outside_the_octal_field_go_to_pax_records_and_zero_fields()
    {
        var header = Encode("root/big.bin", 9L << 30, -1);

        Encoding.ASCII.GetString(header, 512, 31).ShouldBe("19 size=9663676416\n12 mtime=-1\n");
        Encoding.ASCII.GetString(header, 1024 + 124, 12).ShouldBe("00000000000\0");
        Encoding.ASCII.GetString(header, 1024 + 136, 12).ShouldBe("00000000000\0");
    }

    [Fact]
    public void The_checksum_is_the_octal_byte_sum_with_the_field_counted_as_spaces()
    {
        var header = Encode("root/file.txt", 5, 1_714_979_290);

        var sum = header.Select((b, i) => i is >= 148 and < 156 ? (int)' ' : b).Sum();
        Encoding.ASCII.GetString(header, 148, 8).ShouldBe(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ");
        Encoding.ASCII.GetString(header, 257, 8).ShouldBe("ustar\u000000");
        header.AsSpan(329, 16).ToArray().ShouldAllBe(b => b == 0, "device numbers stay empty for non-devices, as tarfile writes them");
    }

    private static byte[] Encode(string name, long size, long mtime)
    {
        var buffer = new byte[TarHeader.MaxEncodedLength(name, string.Empty)];
        var written = TarHeader.Encode(buffer, name, TarHeader.RegularFile, 0b110_100_100, size, mtime, string.Empty, "root");
        return buffer[..written];
    }
}
