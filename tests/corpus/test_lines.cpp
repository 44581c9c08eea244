#include "koda/corpus/lines.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace koda::corpus::lines;

TEST_SUITE("corpus::lines") {
  TEST_CASE("turn labels") {
    auto label_of = [](std::string_view line) -> std::string {
      auto turn = parse_turn_label(line);
      if (!turn)
        return "-";
      return std::string(turn->timestamp) + "|" + std::string(turn->label) + "|" +
             std::string(line.substr(turn->content));
    };
    CHECK(label_of("Peneliti: Apa kabar?") == "|Peneliti|Apa kabar?");
    CHECK(label_of("Informan 3: Baik.") == "|Informan 3|Baik.");
    CHECK(label_of("Pak Darto (Kades): Ya.") == "|Pak Darto (Kades)|Ya.");
    CHECK(label_of("[00:12:31] R: Yes.") == "00:12:31|R|Yes.");
    CHECK(label_of("00:12:31 Informan: Ya.") == "00:12:31|Informan|Ya.");
    CHECK(label_of("(12:31) Bu Sri: Ya.") == "12:31|Bu Sri|Ya.");
    CHECK(label_of("**Peneliti:** Halo") == "|Peneliti|Halo");
    CHECK(label_of("**Peneliti**: Halo") == "|Peneliti|Halo");
    CHECK(label_of("Peneliti:") == "|Peneliti|");
    CHECK(label_of("Ibu Nguyễn Thị Hoa: Vâng.") == "|Ibu Nguyễn Thị Hoa|Vâng.");
    CHECK(label_of("http://example.org is down") == "-");
    CHECK(label_of("Rapat dimulai 10:30 tepat") == "-");
    CHECK(label_of("Lalu kata beliau kepada kami semua: tidak") == "-"); // too many words
    CHECK(label_of("Catatan: ini bukan giliran") == "-");
    CHECK(label_of("- Pak Darto: hadir") == "-");
    CHECK(label_of("    Peneliti: terlalu menjorok") == "-");
    // The longest label (48 bytes up to the colon), bold and indented, is still found; one
    // byte more is not. Spaces after a timestamp have no limit.
    const std::string longest = "Bapak Sekretaris Kelurahan (Ketua Panitia BKM 1)";
    REQUIRE(longest.size() == 48);
    CHECK(label_of("   **" + longest + "**: Ya.") == "|" + longest + "|Ya.");
    CHECK(label_of("   **" + longest + "X**: Ya.") == "-");
    // The same limit for a label that is one long word, and for one that ends the line.
    CHECK(label_of(std::string(48, 'x') + ": Ya.") == "|" + std::string(48, 'x') + "|Ya.");
    CHECK(label_of(std::string(49, 'x') + ": Ya.") == "-");
    CHECK(label_of(std::string(48, 'x')) == "-");
    CHECK(label_of("[00:12:31]" + std::string(80, ' ') + "Informan: Ya.") ==
          "00:12:31|Informan|Ya.");
  }

  TEST_CASE("headings, list items, key lines, entry stamps") {
    CHECK(parse_heading("## Ringkasan Diskusi ##") == std::string_view("Ringkasan Diskusi"));
    CHECK_FALSE(parse_heading("#hashtag"));
    CHECK_FALSE(parse_heading("####### tujuh"));
    CHECK(parse_list_item("- satu") == std::size_t{2});
    CHECK(parse_list_item("  12. dua belas") == std::size_t{6});
    CHECK(parse_list_item("3) tiga") == std::size_t{3});
    CHECK_FALSE(parse_list_item("1.500.000 rupiah"));
    CHECK_FALSE(parse_list_item("-tanpa spasi"));
    auto key = parse_key_line("**Hadir:** Pak A", {"Hadir"});
    REQUIRE(key);
    CHECK(key->key == "Hadir");
    CHECK(key->value == 11);
    CHECK_FALSE(parse_key_line("Kehadiran: 10", {"Hadir"}));
    auto stamp = parse_entry_stamp("[2008-04-10 09:00] Rapat KSM.");
    REQUIRE(stamp);
    CHECK(stamp->stamp == "2008-04-10 09:00");
    CHECK(stamp->content == 19);
    CHECK(parse_entry_stamp("[10/04/2008]"));
    CHECK_FALSE(parse_entry_stamp("[00:12:31] Peneliti: x"));
    CHECK_FALSE(parse_entry_stamp("[catatan] x"));
  }

  TEST_CASE("line index") {
    LineIndex index("a\nbb\n\nc");
    CHECK(index.line_of(0) == 1);
    CHECK(index.line_of(1) == 1);
    CHECK(index.line_of(2) == 2);
    CHECK(index.line_of(5) == 3);
    CHECK(index.line_of(6) == 4);
  }
}
