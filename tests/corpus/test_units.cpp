#include "describe.hpp"
#include "koda/corpus/load.hpp"

#include <doctest/doctest.h>

using koda::corpus::Document;
using koda::corpus::Kind;
using koda::corpus::KindSource;
using koda::corpus::LoadOptions;
using koda::corpus::parse_document;
using koda::corpus::testing::describe;

namespace {

Document parse(std::string text, LoadOptions options = {}) {
  return parse_document("doc.txt", std::move(text), options);
}

} // namespace

TEST_SUITE("corpus::units") {
  TEST_CASE("transcript turns keep speakers, timestamps and continuation lines") {
    const std::string text = "Transkrip wawancara\n"
                             "\n"
                             "[00:00:05] Peneliti: Apa kendalanya, Pak?\n"
                             "[00:00:12] Pak Darto (Lurah): SDM kurang.\n"
                             "Relawan sibuk bekerja.\n"
                             "\n"
                             "Jadi begini: dana juga terlambat.\n"
                             "[00:01:00] Peneliti: Terima kasih.\n";
    Document doc = parse(text);
    CHECK(doc.kind == Kind::interview);
    CHECK(doc.kind_source == KindSource::detected);
    CHECK(doc.kind_reason == "3 speaker turns by 2 labels"); // one label is used once
    CHECK(describe(doc) == "1||||Transkrip wawancara\n"
                           "3|Peneliti|I||Apa kendalanya, Pak?\n"
                           "4|Pak Darto (Lurah)|||SDM kurang.\nRelawan sibuk bekerja.\n\n"
                           "Jadi begini: dana juga terlambat.\n"
                           "8|Peneliti|I||Terima kasih.\n");
    REQUIRE(doc.units.size() == 4);
    CHECK(doc.units[1].timestamp == "00:00:05");
    CHECK(doc.units[1].start == text.find("Apa kendalanya"));
    CHECK(doc.units[1].end == text.find("\n[00:00:12]"));
  }

  TEST_CASE("the interviewer label is decided by the pair of labels a transcript uses") {
    SUBCASE("P/I: I is the informant") {
      Document doc = parse("P: Apa kendalanya?\nI: Dana kurang.\nP: Lalu?\nI: SDM rendah.\n");
      CHECK(describe(doc) == "1|P|I||Apa kendalanya?\n2|I|||Dana kurang.\n3|P|I||Lalu?\n"
                             "4|I|||SDM rendah.\n");
    }
    SUBCASE("I/R: I is the interviewer") {
      Document doc = parse("I: Any problems?\nR: Funds were late.\nI: Why?\nR: Reports.\n");
      CHECK(describe(doc) == "1|I|I||Any problems?\n2|R|||Funds were late.\n3|I|I||Why?\n"
                             "4|R|||Reports.\n");
    }
    SUBCASE("the interviewer key wins over the usual labels") {
      Document doc = parse("---\nkind: interview\ninterviewer: Bu Ani\n---\n"
                           "Bu Ani: Bagaimana sosialisasinya?\nPeneliti: Lancar.\n");
      CHECK(describe(doc) == "5|Bu Ani|I||Bagaimana sosialisasinya?\n6|Peneliti|||Lancar.\n");
    }
    SUBCASE("Markdown bold labels") {
      Document doc = parse("**Pewawancara:** Ada kendala?\n**Informan:** Tidak ada kendala.\n"
                           "**Pewawancara:** Baik.\n**Informan:** Ya.\n");
      CHECK(describe(doc) == "1|Pewawancara|I||Ada kendala?\n2|Informan|||Tidak ada kendala.\n"
                             "3|Pewawancara|I||Baik.\n4|Informan|||Ya.\n");
    }
  }

  TEST_CASE("a focus group with more labels than are searched one by one") {
    // Eleven labels: past eight they are found through an index. A label used once after
    // an informant's turn is not a turn.
    std::string text;
    for (const char* round : {"a", "b"}) {
      text += std::string("Peneliti: Putaran ") + round + ".\n";
      for (int p = 1; p <= 10; ++p)
        text += "Peserta " + std::to_string(p) + ": Jawaban " + round + std::to_string(p) + ".\n";
    }
    text += "Tamu Lain: sekali saja.\n";
    Document doc = parse(text);
    CHECK(doc.kind_reason == "22 speaker turns by 11 labels");
    std::string expected;
    int line = 1;
    for (const char* round : {"a", "b"}) {
      expected += std::to_string(line++) + "|Peneliti|I||Putaran " + round + ".\n";
      for (int p = 1; p <= 10; ++p)
        expected += std::to_string(line++) + "|Peserta " + std::to_string(p) + "|||Jawaban " +
                    round + std::to_string(p) + "." +
                    (round[0] == 'b' && p == 10 ? "\nTamu Lain: sekali saja." : "") + "\n";
    }
    CHECK(describe(doc) == expected);
  }

  TEST_CASE("minutes items keep their section; attendance becomes an attribute") {
    SUBCASE("plain Hadir/Acara/Keputusan lines") {
      Document doc = parse("NOTULEN RAPAT BKM\n\nHadir: Pak A, Bu B; Pak C.\n\nAcara:\n"
                           "1. Pembukaan\n2) Laporan UPK\n   yang terlambat\n\n"
                           "Keputusan: Rapat berikutnya tanggal 5.\n- Relawan dilatih\n");
      CHECK(doc.kind == Kind::minutes);
      CHECK(doc.kind_reason == "3 minutes markers (Hadir:, Acara:, Keputusan:)");
      CHECK(doc.attributes.at("attendance") == "Pak A; Bu B; Pak C");
      CHECK(describe(doc) == "1||||NOTULEN RAPAT BKM\n"
                             "6|||Acara|Pembukaan\n"
                             "7|||Acara|Laporan UPK\n   yang terlambat\n"
                             "10|||Keputusan|Rapat berikutnya tanggal 5.\n"
                             "11|||Keputusan|Relawan dilatih\n");
    }
    SUBCASE("meeting details become attributes; a bare section name starts a section") {
      Document doc = parse("Hari/Tanggal: Sabtu, 15 Maret 2008\nPimpinan Rapat: Pak A\n"
                           "Hadir: Pak A, Bu B\nAcara: Evaluasi BLM\n\nPokok-pokok pembahasan\n\n"
                           "1. Dana terlambat.\n");
      CHECK(doc.attributes ==
            koda::corpus::Attributes{{"attendance", "Pak A; Bu B"},
                                     {"meeting.hari_tanggal", "Sabtu, 15 Maret 2008"},
                                     {"meeting.pimpinan_rapat", "Pak A"}});
      CHECK(describe(doc) == "4|||Acara|Evaluasi BLM\n"
                             "8|||Pokok-pokok pembahasan|Dana terlambat.\n");
    }
    SUBCASE("Markdown sections") {
      Document doc = parse("# Notulen\n\n## Peserta\n- Pak Darto (Lurah)\n* Bu Sri, Pak Joko\n\n"
                           "## Agenda\n1. Laporan BLM\n\n## Ringkasan Diskusi\n"
                           "- Dana terlambat karena\n  laporan belum lengkap.\n\n"
                           "Catatan bebas di akhir.\n");
      CHECK(doc.kind == Kind::minutes);
      CHECK(doc.attributes.at("attendance") == "Pak Darto (Lurah); Bu Sri; Pak Joko");
      CHECK(describe(doc) == "8|||Agenda|Laporan BLM\n"
                             "11|||Ringkasan Diskusi|Dana terlambat karena\n  laporan belum "
                             "lengkap.\n"
                             "14|||Ringkasan Diskusi|Catatan bebas di akhir.\n");
    }
  }

  TEST_CASE("observation entries start at dated lines and Tanggal/Lokasi headers") {
    Document doc = parse("Catatan lapangan.\n\n[2008-04-10 09:00] Rapat KSM. Hanya 5 hadir.\n"
                         "Ketua membaca laporan.\n\nSuasana santai.\n\n"
                         "Tanggal: 12 April 2008\nLokasi: Kantor UPK\n\nPembukuan ditulis tangan.\n"
                         "[2008-04-14]\n");
    CHECK(doc.kind == Kind::observation);
    CHECK(doc.kind_reason == "3 dated entries");
    CHECK(describe(doc) ==
          "1||||Catatan lapangan.\n"
          "3|||2008-04-10 09:00|Rapat KSM. Hanya 5 hadir.\nKetua membaca laporan.\n\n"
          "Suasana santai.\n"
          "11|||Tanggal: 12 April 2008; Lokasi: Kantor UPK|Pembukuan ditulis tangan.\n");
  }

  TEST_CASE("other documents are cut into paragraphs under their headings") {
    Document doc = parse("# Laporan\n\nProgram berjalan.\nKegiatan selesai.\n\n\n## Catatan\n"
                         "Partisipasi tinggi.\n");
    CHECK(doc.kind == Kind::document);
    CHECK(doc.kind_source == KindSource::fallback);
    CHECK(describe(doc) == "3|||Laporan|Program berjalan.\nKegiatan selesai.\n"
                           "8|||Catatan|Partisipasi tinggi.\n");
  }

  TEST_CASE("--kind forces the kind and --unit sentence splits units") {
    LoadOptions options;
    options.kind = Kind::document;
    Document forced = parse("Peneliti: A?\nInforman: B.\nPeneliti: C?\nInforman: D.\n", options);
    CHECK(forced.kind_source == KindSource::forced);
    CHECK(forced.units.size() == 1);

    LoadOptions sentences;
    sentences.unit = koda::corpus::UnitMode::sentence;
    Document doc = parse("Peneliti: Apa kendalanya? Ceritakan.\nInforman: SDM kurang. Dana "
                         "terlambat!\nJuga relawan.\nPeneliti: Oke.\n",
                         sentences);
    CHECK(describe(doc) == "1|Peneliti|I||Apa kendalanya?\n1|Peneliti|I||Ceritakan.\n"
                           "2|Informan|||SDM kurang.\n2|Informan|||Dana terlambat!\n"
                           "3|Informan|||Juga relawan.\n4|Peneliti|I||Oke.\n");
  }

  TEST_CASE("front matter kind and attributes, body lines numbered in the whole file") {
    Document doc = parse("---\nkind: observation\nsite: RW 05\n---\nSatu.\n\nDua.\n");
    CHECK(doc.kind == Kind::observation);
    CHECK(doc.kind_source == KindSource::front_matter);
    CHECK(doc.attributes == koda::corpus::Attributes{{"site", "RW 05"}});
    CHECK(describe(doc) == "5||||Satu.\n7||||Dua.\n");
  }
}
