#include "koda/codebook/codebook.hpp"
#include "koda/coding/coding.hpp"
#include "koda/corpus/load.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

using namespace koda;

namespace {

codebook::Codebook parse(const std::string& body, const std::string& settings = "language id") {
  auto result =
      codebook::parse_codebook("codebook \"t\" {\n" + settings + "\n" + body + "\n}\n", "t.kcb");
  std::string problems;
  for (const auto& d : result.diagnostics)
    problems += d.message + "\n";
  REQUIRE_MESSAGE(result.codebook, problems);
  return std::move(*result.codebook);
}

// One line per coding: `unit|code|valence|matched texts|cue`.
std::string run(const codebook::Codebook& cb, const std::string& text,
                coding::Interviewer interviewer = coding::Interviewer::skip,
                coding::Detail detail = coding::Detail::full) {
  corpus::Document doc = corpus::parse_document("d.txt", text, {});
  coding::Matcher matcher(cb);
  auto ws = matcher.workspace();
  std::string out;
  for (const coding::Coding& c : matcher.code_document(doc, interviewer, *ws, detail)) {
    out += std::to_string(c.unit) + "|" + matcher.codes()[c.code].path + "|" +
           std::string(coding::to_string(c.valence)) + "|";
    for (std::size_t i = 0; i < c.matched.size(); ++i)
      out += (i ? "," : "") +
             doc.text.substr(c.matched[i].start, c.matched[i].end - c.matched[i].start);
    out += "|";
    if (c.has_cue)
      out += doc.text.substr(c.cue.start, c.cue.end - c.cue.start);
    out += "\n";
  }
  return out;
}

} // namespace

TEST_SUITE("coding::matcher") {
  TEST_CASE("term kinds: stem, surface, prefix, phrase, regex") {
    SUBCASE("a bare term matches every affixed form with the same stem") {
      auto cb = parse(R"(code laksana { label id "L" match laksana })");
      CHECK(run(cb,
                "Dilaksanakan bulan Mei.\n\nPelaksanaan lambat.\n\nLaksanakan!\n\nLaksa enak.\n") ==
            "0|laksana|neutral|Dilaksanakan|\n1|laksana|neutral|Pelaksanaan|\n"
            "2|laksana|neutral|Laksanakan|\n");
    }
    SUBCASE("=word matches the folded surface form only") {
      auto cb = parse(R"(code sop { label id "S" match =SOP })");
      CHECK(run(cb, "Ada sop.\n\nAda SOPnya.\n\nAda S.O.P.\n") == "0|sop|neutral|sop|\n");
    }
    SUBCASE("word* matches a folded prefix") {
      auto cb = parse(R"(code sos { label id "S" match sosialisasi* })");
      CHECK(run(cb, "Sosialisasinya kurang.\n\nsosial budaya.\n") ==
            "0|sos|neutral|Sosialisasinya|\n");
    }
    SUBCASE("nested and sibling prefixes each match, including the whole word and non-ASCII") {
      // pel* and pelaks* both hold for Pelaksanaan; pelatihan* only for the unit that has
      // it; kafé* matches the folded non-ASCII spelling; a prefix longer than the word does
      // not match it.
      auto cb = parse(R"(
        code a { label id "A" match pel* }
        code b { label id "B" match pelaks* }
        code c { label id "C" match pelatihan* }
        code d { label id "D" match kafé* }
        code e { label id "E" match pelaksanaannya* }
      )");
      CHECK(run(cb, "Pelaksanaan.\n\nPelatihan.\n\nKAFÉNYA.\n\nPe.\n") ==
            "0|a|neutral|Pelaksanaan|\n0|b|neutral|Pelaksanaan|\n1|a|neutral|Pelatihan|\n"
            "1|c|neutral|Pelatihan|\n2|d|neutral|KAFÉNYA|\n");
    }
    SUBCASE("a phrase matches consecutive tokens by stem") {
      auto cb = parse(R"(code sdm { label id "S" match "sumber daya manusia" })");
      CHECK(run(cb, "Sumber daya manusianya rendah.\n\nSumber daya alam, manusia.\n") ==
            "0|sdm|neutral|Sumber daya manusianya|\n");
    }
    SUBCASE("a phrase starting with a word that is also a term of its own is found, each time") {
      // `dana` is a one-word term and the first word of two phrases (one by stem, one with a
      // surface word); the scanner checks for phrases only at tokens a phrase can start
      // with, whether their spelling was seen before (a cache hit) or not.
      auto cb = parse(R"(
        code dana { label id "D" match dana }
        code desa { label id "DD" match "dana desa" }
        code bos { label id "B" match "dana =BOS" }
        code air { label id "A" match "air bersih" }
      )");
      CHECK(run(cb, "Dana desa cair.\n\nDananya desa? Dana BOS, dana bos-nya, dana desa.\n\n"
                    "Air bersih dan dana.\n") ==
            "0|dana|neutral|Dana|\n0|desa|neutral|Dana desa|\n"
            "1|dana|neutral|Dananya,Dana,dana,dana|\n1|desa|neutral|Dananya desa,dana desa|\n"
            "1|bos|neutral|Dana BOS,dana bos|\n"
            "2|dana|neutral|dana|\n2|air|neutral|Air bersih|\n");
    }
    SUBCASE("a regex matches the unit text") {
      auto cb = parse(R"(code rp { label id "R" match /Rp ?[0-9.]+/ })");
      CHECK(run(cb, "Dana Rp 2.500.000 dan Rp15.\n\nTanpa uang.\n") ==
            "0|rp|neutral|Rp 2.500.000,Rp15.|\n");
    }
    SUBCASE("case and accents are ignored") {
      auto cb = parse(R"(code cafe { label id "C" match =cafe })");
      CHECK(run(cb, "Rapat di CAFÉ itu.\n") == "0|cafe|neutral|CAFÉ|\n");
    }
    SUBCASE("a reduplication matches its base word") {
      auto cb = parse(R"(code giat { label id "G" match kegiatan })");
      CHECK(run(cb, "Kegiatan-kegiatan berjalan.\n") == "0|giat|neutral|Kegiatan-kegiatan|\n");
    }
  }

  TEST_CASE("operators combine truth over the unit; evidence is what made the rule true") {
    auto cb = parse(R"(
      code a { label id "A" match dana & (cair | terlambat) }
      code b { label id "B" match relawan & !pelatihan }
      code c { label id "C" match pendidikan NEAR/2 rendah }
    )");
    CHECK(run(cb, "Dana belum cair, relawan sedikit.\n\n"
                  "Relawan butuh pelatihan. Pendidikan mereka rendah.\n\n"
                  "Pendidikan relawan di sini sangat rendah.\n\nDana terlambat lagi.\n") ==
          "0|a|neutral|Dana,cair|\n0|b|neutral|relawan|\n"
          "1|c|neutral|Pendidikan,rendah|\n"
          "2|b|neutral|relawan|\n"
          "3|a|neutral|Dana,terlambat|\n");
  }

  TEST_CASE("the evidence of `|` is every true operand: its terms, nested `|`, NEAR and `&`") {
    // Terms directly under the top-level `|` (also through a nested `|` and a second match
    // line) give all their occurrences; the NEAR and `&` operands give theirs only where
    // they hold; a false operand gives nothing.
    auto cb = parse(R"(code m { label id "M"
        match dana | (kas | "dana bergulir") | (relawan NEAR/1 kurang)
        match pelatihan & lambat })");
    CHECK(run(cb, "Dana kas relawan kurang, dana lagi.\n\n"
                  "Relawan sangat kurang. Pelatihan lambat.\n\n"
                  "Pelatihan cepat, relawan kurang.\n\nDana bergulir.\n") ==
          "0|m|neutral|Dana,kas,relawan,kurang,dana|\n"
          "1|m|neutral|Pelatihan,lambat|\n"
          "2|m|neutral|relawan,kurang|\n"
          "3|m|neutral|Dana,Dana bergulir|\n");
  }

  TEST_CASE("several match lines are ORed; unless vetoes") {
    auto cb = parse(R"(code standar { label id "S"
        match standar
        match juknis
        unless "standar hidup" })");
    CHECK(run(cb, "Standar hidup naik.\n\nJuknis berubah.\n\nStandar pelayanan.\n") ==
          "1|standar|neutral|Juknis|\n2|standar|neutral|Standar|\n");
  }

  TEST_CASE("interviewer turns are not coded unless asked") {
    auto cb = parse(R"(code dana { label id "D" match dana })");
    const std::string text = "Peneliti: Bagaimana dana?\nInforman: Dana cair.\n"
                             "Peneliti: Lalu?\nInforman: Sudah.\n";
    CHECK(run(cb, text) == "1|dana|neutral|Dana|\n");
    CHECK(run(cb, text, coding::Interviewer::include) ==
          "0|dana|neutral|dana|\n1|dana|neutral|Dana|\n");
  }

  TEST_CASE("valence") {
    const std::string cues = R"(
      code dana { label id "D" match dana }
      code sdm { label id "S" match relawan }
      cue obstacle { match kendala | kurang | terlambat }
      cue support { match lancar | mendukung }
      negation { match tidak | "tidak ada" | belum }
    )";
    auto cb = parse(cues);
    SUBCASE("an obstacle cue in the sentence") {
      CHECK(run(cb, "Dana terlambat.\n") == "0|dana|obstacle|Dana|terlambat\n");
    }
    SUBCASE("a support cue") {
      CHECK(run(cb, "Pencairan dana lancar.\n") == "0|dana|support|dana|lancar\n");
    }
    SUBCASE("a negated support cue is an obstacle") {
      CHECK(run(cb, "Dana tidak lancar.\n") == "0|dana|obstacle|Dana|tidak lancar\n");
      CHECK(run(cb, "Dana belum begitu lancar.\n") == "0|dana|obstacle|Dana|belum begitu lancar\n");
    }
    SUBCASE("a negated obstacle cue is a support") {
      CHECK(run(cb, "Soal dana tidak ada kendala.\n") == "0|dana|support|dana|tidak ada kendala\n");
    }
    SUBCASE("a negation more than the window before the cue does not negate it") {
      CHECK(run(cb, "Tidak ada yang bilang dana kurang.\n") == "0|dana|obstacle|dana|kurang\n");
    }
    SUBCASE("cues in another sentence do not count") {
      CHECK(run(cb, "Dana sudah cair. Tapi relawan kurang.\n") ==
            "0|dana|neutral|Dana|\n0|sdm|obstacle|relawan|kurang\n");
    }
    SUBCASE("the nearest cue decides") {
      CHECK(run(cb, "Kendala ada, tapi dana lancar.\n") == "0|dana|support|dana|lancar\n");
    }
    SUBCASE("a tie goes to obstacle") {
      CHECK(run(cb, "Lancar dana kendala.\n") == "0|dana|obstacle|dana|kendala\n");
    }
    SUBCASE("a unit is an obstacle when any sentence says so") {
      CHECK(run(cb, "Dana lancar. Dana terlambat juga.\n") ==
            "0|dana|obstacle|Dana,Dana|terlambat\n");
    }
    SUBCASE("valence scope unit looks at the whole unit") {
      auto unit_cb = parse(cues, "language id\nvalence scope unit");
      CHECK(run(unit_cb, "Dana sudah cair. Tapi prosesnya lancar.\n") ==
            "0|dana|support|Dana|lancar\n");
    }
  }

  TEST_CASE("Detail::codes codes the same units with the same codes, without evidence or valence") {
    auto cb = parse(R"(
      code dana { label id "D" match dana | "dana bergulir" }
      code sdm { label id "S" match relawan NEAR/2 kurang unless pelatihan }
      cue obstacle { match kendala | kurang | terlambat }
      cue support { match lancar }
    )");
    const std::string text = "Dana terlambat. Relawan kurang.\n\nPelatihan relawan kurang.\n\n"
                             "Dana bergulir lancar.\n\nTidak ada apa-apa.\n";
    CHECK(run(cb, text) == "0|dana|obstacle|Dana|terlambat\n0|sdm|obstacle|Relawan,kurang|kurang\n"
                           "2|dana|support|Dana,Dana bergulir|lancar\n");
    CHECK(run(cb, text, coding::Interviewer::skip, coding::Detail::codes) ==
          "0|dana|neutral||\n0|sdm|neutral||\n2|dana|neutral||\n");
  }

  TEST_CASE("Detail::codes skips evaluating a rule only where an atom under `|` alone makes it "
            "true") {
    // campur: relawan sits under `&`, so it alone does not make the rule true; bergulir
    // does. sendiri: relawan under `&` with a negation. kas: a sufficient atom, but the
    // unless clause still applies. dekat and bukan: where their sufficient atom is absent,
    // the NEAR or the negation beside it decides.
    auto cb = parse(R"(
      code campur { label id "C" match (relawan & pelatihan) | bergulir }
      code sendiri { label id "S" match !dana & relawan }
      code kas { label id "K" match dana unless bergulir }
      code dekat { label id "N" match bergulir | (relawan NEAR/1 kurang) }
      code bukan { label id "B" match pelatihan | !dana }
    )");
    const std::string text = "Dana terlambat. Relawan kurang.\n\nPelatihan relawan kurang.\n\n"
                             "Dana bergulir lancar.\n\nRelawan saja.\n";
    const std::string codes = run(cb, text, coding::Interviewer::skip, coding::Detail::codes);
    CHECK(codes == "0|kas|neutral||\n0|dekat|neutral||\n1|campur|neutral||\n"
                   "1|sendiri|neutral||\n1|dekat|neutral||\n1|bukan|neutral||\n"
                   "2|campur|neutral||\n2|dekat|neutral||\n3|sendiri|neutral||\n"
                   "3|bukan|neutral||\n");
    // The full run codes the same (unit, code) pairs.
    std::string pairs;
    std::istringstream full(run(cb, text));
    for (std::string line; std::getline(full, line);)
      pairs += line.substr(0, line.find('|', line.find('|') + 1)) + "|neutral||\n";
    CHECK(pairs == codes);
  }

  TEST_CASE("Detail::codes finds NEAR pairs among repeated terms and over compound operands") {
    // Counting looks for NEAR pairs among the unit's occurrences as found, before they are
    // put in order: the pair may be the second occurrence of a term (unit 0), the first of
    // one and the last of the other (unit 1), or absent though both terms occur (unit 2).
    // A NEAR with a `|` operand needs the occurrences in order (units 3 and 4).
    auto cb = parse(R"(
      code lancar { label id "L" match dana NEAR/1 lancar }
      code dekat { label id "D" match (relawan | kader) NEAR/1 kurang }
    )");
    const std::string text = "Dana itu lambat, tetapi dana lancar.\n\n"
                             "Lancar dana, lalu dana terlambat dan dana habis.\n\n"
                             "Dana dipakai untuk semua kegiatan, lancar juga.\n\n"
                             "Kader kurang, relawan juga.\n\n"
                             "Relawan banyak; kader kurang.\n";
    const std::string codes = run(cb, text, coding::Interviewer::skip, coding::Detail::codes);
    CHECK(codes == "0|lancar|neutral||\n1|lancar|neutral||\n3|dekat|neutral||\n"
                   "4|dekat|neutral||\n");
    CHECK(run(cb, text) ==
          "0|lancar|neutral|dana,lancar|\n1|lancar|neutral|Lancar,dana|\n"
          "3|dekat|neutral|Kader,kurang,relawan|\n4|dekat|neutral|kader,kurang|\n");
  }
}
