#include "koda/analysis/summary.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <vector>

using koda::analysis::closing_statement;
using koda::analysis::FreqCode;
using koda::analysis::iso_date;
using koda::analysis::Summary;
using koda::analysis::SummaryBuilder;
using koda::analysis::SummaryCodebook;
using koda::analysis::SummaryFactor;
using koda::analysis::SummaryLanguage;
using koda::analysis::SummaryOptions;
using koda::analysis::SummaryQuote;
using koda::analysis::SummaryStage;
using koda::coding::CodedDocument;
using koda::coding::Coding;
using koda::coding::Valence;
using koda::corpus::Kind;
using koda::text::Span;

namespace {

// dana; sumberdaya { sdm; alat }
SummaryCodebook factors() {
  return {"Faktor",
          {{"dana", "Dana", 0, -1},
           {"sumberdaya", "Sumber daya", 0, -1},
           {"sumberdaya/sdm", "SDM", 1, 1},
           {"sumberdaya/alat", "Alat", 1, 1}}};
}

// sosialisasi; pelaksanaan { fisik }; audit; monev
SummaryCodebook stages() {
  return {"Tahapan",
          {{"sosialisasi", "Sosialisasi", 0, -1},
           {"pelaksanaan", "Pelaksanaan", 0, -1},
           {"pelaksanaan/fisik", "Fisik", 1, 1},
           {"audit", "Audit", 0, -1},
           {"monev", "Monev", 0, -1}}};
}

// A hand-made coded document: units appended one per paragraph, codings by hand.
class Doc {
public:
  Doc(std::string path, Kind kind, std::size_t codebooks = 1) {
    m_coded.document.path = std::move(path);
    m_coded.document.kind = kind;
    m_coded.codings.resize(codebooks);
  }
  Doc& attribute(std::string key, std::string value) {
    m_coded.document.attributes[std::move(key)] = std::move(value);
    return *this;
  }
  // Adds a unit holding `text`, spoken by `speaker` (empty: none), under `section`.
  Doc& unit(std::string_view text, std::string speaker = "", std::string section = "",
            bool interviewer = false) {
    std::string& all = m_coded.document.text;
    if (!all.empty())
      all += "\n\n";
    koda::corpus::Unit u;
    u.start = all.size();
    u.line = static_cast<std::size_t>(std::count(all.begin(), all.end(), '\n')) + 1;
    all += text;
    u.end = all.size();
    u.speaker = std::move(speaker);
    if (!section.empty())
      u.section = m_coded.document.sections.emplace_back(std::move(section));
    u.interviewer = interviewer;
    m_coded.document.units.push_back(u);
    return *this;
  }
  // Codes the last unit with `code` of codebook `codebook`: `term` is the matched word and
  // `cue` (if any) the cue, each the first occurrence in the unit.
  Doc& code(std::size_t code, Valence valence, std::vector<std::string_view> terms,
            std::string_view cue = {}, std::size_t codebook = 0) {
    Coding c;
    c.unit = m_coded.document.units.size() - 1;
    c.code = code;
    c.valence = valence;
    for (std::string_view term : terms)
      c.matched.push_back(find(term));
    if (!cue.empty()) {
      c.cue = find(cue);
      c.has_cue = true;
    }
    m_coded.codings[codebook].push_back(c);
    return *this;
  }
  const CodedDocument& coded() const { return m_coded; }

private:
  Span find(std::string_view word) const {
    const koda::corpus::Unit& u = m_coded.document.units.back();
    const std::size_t at = m_coded.document.text.find(word, u.start);
    REQUIRE(at != std::string::npos);
    REQUIRE(at + word.size() <= u.end);
    return {at, at + word.size()};
  }
  CodedDocument m_coded;
};

Doc interview(std::string path, std::string informant, std::size_t codebooks = 1) {
  Doc doc(std::move(path), Kind::interview, codebooks);
  doc.attribute("informant", std::move(informant));
  return doc;
}

Summary summarise(std::initializer_list<std::reference_wrapper<const Doc>> docs,
                  std::vector<SummaryCodebook> codebooks = {factors()},
                  SummaryOptions options = {}) {
  SummaryBuilder builder(std::move(codebooks), std::move(options));
  for (const Doc& doc : docs)
    builder.add(doc.coded());
  return builder.summary();
}

// Each factor as `rank path units obstacle support documents informants`, children
// indented.
std::string ranking(const std::vector<SummaryFactor>& factors, std::size_t depth = 0) {
  std::string out;
  for (const SummaryFactor& f : factors) {
    out += fmt::format("{}{} {} {} {} {} {}\n", std::string(2 * depth, ' '), f.code, f.units,
                       f.obstacle_units, f.support_units, f.documents, f.informants);
    out += ranking(f.children, depth + 1);
  }
  return out;
}

std::string terms(const SummaryFactor& f) {
  std::string out;
  for (const auto& t : f.terms)
    out += fmt::format("{}={} ", t.term, t.units);
  return out;
}

std::string quotes(const SummaryFactor& f) {
  std::string out;
  for (const SummaryQuote& q : f.quotes)
    out += fmt::format("{} {} | {}\n", koda::analysis::citation(q),
                       koda::coding::to_string(q.valence), q.text);
  return out;
}

SummaryFactor factor(std::string label, std::uint64_t obstacle, std::uint64_t support,
                     std::uint64_t informants = 3, std::uint64_t documents = 4) {
  SummaryFactor f;
  f.code = label;
  f.label = std::move(label);
  f.units = obstacle + support + 1;
  f.obstacle_units = obstacle;
  f.support_units = support;
  f.informants = informants;
  f.documents = documents;
  return f;
}

Summary closing_case(SummaryLanguage language, std::vector<SummaryFactor> ranking) {
  Summary s;
  s.language = language;
  s.documents_total = 14;
  s.informants_total = 8;
  s.ranking = std::move(ranking);
  return s;
}

} // namespace

TEST_SUITE("analysis::summary") {

  TEST_CASE(
      "factors rank by obstacle units, then informants, then documents, then codebook order") {
    SummaryCodebook five{"F",
                         {{"a", "A", 0, -1},
                          {"b", "B", 0, -1},
                          {"c", "C", 0, -1},
                          {"d", "D", 0, -1},
                          {"e", "E", 0, -1}}};
    Doc one = interview("1.md", "INF-1");
    one.unit("b kurang", "Pak A").code(1, Valence::obstacle, {"b"}, "kurang");
    one.unit("c kurang", "Pak A").code(2, Valence::obstacle, {"c"}, "kurang");
    one.unit("d kurang", "Pak A").code(3, Valence::obstacle, {"d"}, "kurang");
    one.unit("a kurang", "Pak A").code(0, Valence::obstacle, {"a"}, "kurang");
    one.unit("e kurang", "Pak A").code(4, Valence::obstacle, {"e"}, "kurang");
    Doc two = interview("2.md", "INF-2");
    two.unit("b kurang", "Bu B").code(1, Valence::obstacle, {"b"}, "kurang");
    two.unit("c saja", "Bu B").code(2, Valence::neutral, {"c"});
    Doc three = interview("3.md", "INF-1"); // the same informant again
    three.unit("d saja", "Pak A").code(3, Valence::neutral, {"d"});
    const Summary s = summarise({one, two, three}, {five});
    CHECK(ranking(s.ranking) == "b 2 2 0 2 2\n" // most obstacle units
                                "c 2 1 0 2 2\n" // 1 obstacle unit, 2 informants
                                "d 2 1 0 2 1\n" // 1 informant, 2 documents
                                "a 1 1 0 1 1\n" // tied with e: codebook order
                                "e 1 1 0 1 1\n");
  }

  TEST_CASE("a parent counts a unit once, as an obstacle when any child's coding is one") {
    Doc doc = interview("a.md", "INF-1");
    doc.unit("Relawan kurang, alat lancar.", "Pak A")
        .code(2, Valence::obstacle, {"Relawan"}, "kurang")
        .code(3, Valence::support, {"alat"}, "lancar");
    doc.unit("Relawan lancar.", "Pak A").code(2, Valence::support, {"Relawan"}, "lancar");
    const Summary s = summarise({doc});
    CHECK(ranking(s.ranking) == "sumberdaya 2 1 1 1 1\n"
                                "  sumberdaya/sdm 2 1 1 1 1\n"
                                "  sumberdaya/alat 1 0 1 1 1\n"
                                "dana 0 0 0 0 0\n");
  }

  TEST_CASE("totals count every document and informant of the run, interviewers not") {
    Doc coded = interview("a.md", "INF-1");
    coded.unit("Apa kendalanya?", "Peneliti", "", true)
        .unit("Dana kurang.", "Pak A")
        .code(0, Valence::obstacle, {"Dana"}, "kurang");
    Doc uncoded = interview("b.md", "INF-2");
    uncoded.unit("Tidak ada yang dikode di sini.", "Bu B");
    Doc minutes("c.md", Kind::minutes);
    minutes.unit("Rapat dibuka.");
    const Summary s = summarise({coded, uncoded, minutes});
    CHECK(s.documents_total == 3);
    CHECK(s.informants_total == 2);
    CHECK(s.codebook == "Faktor");
  }

  TEST_CASE("documents outside the filters are not in the run") {
    Doc interview_doc = interview("a.md", "INF-1");
    interview_doc.unit("Dana kurang.", "Pak A").code(0, Valence::obstacle, {"Dana"}, "kurang");
    Doc minutes("b.md", Kind::minutes);
    minutes.unit("Dana kurang.").code(0, Valence::obstacle, {"Dana"}, "kurang");
    SummaryOptions options;
    options.filter.kind = Kind::minutes;
    const Summary s = summarise({interview_doc, minutes}, {factors()}, options);
    CHECK(s.documents_total == 1);
    CHECK(s.informants_total == 0);
    CHECK(ranking(s.ranking) == "dana 1 1 0 1 0\n"
                                "sumberdaya 0 0 0 0 0\n"
                                "  sumberdaya/sdm 0 0 0 0 0\n"
                                "  sumberdaya/alat 0 0 0 0 0\n");
  }

  TEST_CASE("--code keeps the selected code, what is below it and the factor holding it") {
    Doc doc = interview("a.md", "INF-1");
    doc.unit("Relawan kurang, alat lancar, dana ada.", "Pak A")
        .code(0, Valence::neutral, {"dana"})
        .code(2, Valence::obstacle, {"Relawan"}, "kurang")
        .code(3, Valence::support, {"alat"}, "lancar");
    SummaryOptions options;
    options.filter.codes = {"sumberdaya/sdm"};
    const Summary s = summarise({doc}, {factors()}, options);
    CHECK(ranking(s.ranking) == "sumberdaya 1 1 0 1 1\n"
                                "  sumberdaya/sdm 1 1 0 1 1\n");
    REQUIRE(s.cooccurrence.codes.size() == 1);
    CHECK(s.cooccurrence.codes[0].path == "sumberdaya");
  }

  TEST_CASE("terms are folded, counted once per unit, the five most frequent kept") {
    Doc doc = interview("a.md", "INF-1");
    doc.unit("Relawan dan relawan, SDM.", "Pak A")
        .code(2, Valence::neutral, {"Relawan", "relawan", "SDM"});
    doc.unit("Relawan butuh pelatihan.", "Pak A")
        .code(2, Valence::neutral, {"Relawan", "pelatihan"});
    doc.unit("Kader, tenaga dan pendidikan; SDM juga.", "Pak A")
        .code(2, Valence::neutral, {"Kader", "tenaga", "pendidikan", "SDM"});
    doc.unit("Alat rusak.", "Pak A").code(3, Valence::neutral, {"Alat"});
    const Summary s = summarise({doc});
    const SummaryFactor& sumberdaya = s.ranking[0];
    REQUIRE(sumberdaya.code == "sumberdaya");
    CHECK(terms(sumberdaya.children[0]) == "relawan=2 sdm=2 kader=1 pelatihan=1 pendidikan=1 ");
    // A parent's terms are its children's.
    CHECK(terms(sumberdaya) == "relawan=2 sdm=2 alat=1 kader=1 pelatihan=1 ");
  }

  TEST_CASE("quotes come from distinct informants, units without one told apart by document") {
    Doc one = interview("1.md", "INF-1");
    one.unit("SDM kurang.", "Pak A").code(2, Valence::obstacle, {"SDM"}, "kurang");
    one.unit("SDM sangat kurang.", "Pak A").code(2, Valence::obstacle, {"SDM"}, "kurang");
    Doc two = interview("2.md", "INF-2");
    two.unit("Relawan SDM kami kurang sekali.", "Bu B")
        .code(2, Valence::obstacle, {"SDM"}, "kurang");
    Doc minutes("3.md", Kind::minutes);
    minutes.unit("SDM kurang di RW.").code(2, Valence::obstacle, {"SDM"}, "kurang");
    minutes.unit("SDM kurang.").code(2, Valence::obstacle, {"SDM"}, "kurang");
    const Summary s = summarise({one, two, minutes});
    CHECK(quotes(s.ranking[0].children[0]) ==
          "1.md:1 (Pak A) obstacle | SDM kurang.\n"
          "3.md:3 obstacle | SDM kurang.\n"
          "2.md:1 (Bu B) obstacle | Relawan SDM kami kurang sekali.\n");
  }

  TEST_CASE("a quote is the sentence with the term and the cue, cited at its own line") {
    Doc doc = interview("a.md", "INF-1");
    doc.attribute("role", "lurah");
    doc.unit("Pembuka saja.", "Pak A");
    doc.unit("Dana sudah cair.\nTapi relawan kurang\nterlatih. Relawan lain rajin.", "Pak A")
        .code(2, Valence::obstacle, {"relawan", "Relawan"}, "kurang");
    const Summary s = summarise({doc});
    CHECK(quotes(s.ranking[0].children[0]) ==
          "a.md:4 (Pak A, lurah) obstacle | Tapi relawan kurang terlatih.\n");
  }

  TEST_CASE("obstacle quotes come before support quotes; a better fit beats a shorter sentence") {
    Doc one = interview("1.md", "INF-1");
    one.unit("Relawan ada. Kurang.", "Pak A").code(2, Valence::obstacle, {"Relawan"}, "Kurang");
    Doc two = interview("2.md", "INF-2");
    two.unit("Relawan yang terlatih masih kurang.", "Bu B")
        .code(2, Valence::obstacle, {"Relawan"}, "kurang");
    Doc three = interview("3.md", "INF-3");
    three.unit("Relawan lancar.", "Bu C").code(2, Valence::support, {"Relawan"}, "lancar");
    const Summary s = summarise({one, two, three});
    CHECK(quotes(s.ranking[0].children[0]) ==
          "2.md:1 (Bu B) obstacle | Relawan yang terlatih masih kurang.\n"
          "1.md:1 (Pak A) obstacle | Kurang.\n"
          "3.md:1 (Bu C) support | Relawan lancar.\n");
  }

  TEST_CASE("a parent quotes the child coding that gave the unit its valence") {
    Doc doc = interview("a.md", "INF-1");
    doc.unit("Alat lancar. Relawan kurang.", "Pak A")
        .code(3, Valence::support, {"Alat"}, "lancar")
        .code(2, Valence::obstacle, {"Relawan"}, "kurang");
    const Summary s = summarise({doc});
    CHECK(quotes(s.ranking[0]) == "a.md:1 (Pak A) obstacle | Relawan kurang.\n");
    CHECK(quotes(s.ranking[0].children[1]) == "a.md:1 (Pak A) support | Alat lancar.\n");
  }

  TEST_CASE("stages: counts, the earliest date seen, and stages without evidence") {
    Doc late = interview("a.md", "INF-1", 2);
    late.attribute("date", "2009-02-09");
    late.unit("Sosialisasi kurang.", "Pak A")
        .code(0, Valence::obstacle, {"Sosialisasi"}, "kurang", 1);
    Doc notes("b.md", Kind::observation, 2);
    notes.attribute("date", "2008-06-08");
    notes.unit("Pengecoran jalan berjalan lancar.", "", "Tanggal: 14 Desember 2008; Lokasi: RW 03")
        .code(2, Valence::support, {"Pengecoran"}, "lancar", 1);
    Doc early("c.md", Kind::minutes, 2);
    early.attribute("meeting.hari_tanggal", "Sabtu, 15 Maret 2008");
    early.unit("Sosialisasi di aula.").code(0, Valence::neutral, {"Sosialisasi"}, {}, 1);
    Doc undated("d.md", Kind::document, 2);
    undated.unit("Audit selesai.").code(3, Valence::neutral, {"Audit"}, {}, 1);
    const Summary s = summarise({late, notes, early, undated}, {factors(), stages()});
    CHECK(s.has_stages);
    std::string rows;
    for (const SummaryStage& stage : s.stages)
      rows += fmt::format("{}{} {} {} {} {} [{}]\n", std::string(2 * stage.depth, ' '), stage.code,
                          stage.units, stage.documents, stage.obstacle_units, stage.support_units,
                          stage.first_date);
    CHECK(rows == "sosialisasi 2 2 1 0 [2008-03-15]\n"
                  "pelaksanaan 1 1 0 1 [2008-12-14]\n" // the entry's date, not the document's
                  "  pelaksanaan/fisik 1 1 0 1 [2008-12-14]\n"
                  "audit 1 1 0 0 []\n" // evidence without a date
                  "monev 0 0 0 0 []\n");
    SUBCASE("a stage codebook adds nothing to the factors") {
      CHECK(ranking(s.ranking) == "dana 0 0 0 0 0\n"
                                  "sumberdaya 0 0 0 0 0\n"
                                  "  sumberdaya/sdm 0 0 0 0 0\n"
                                  "  sumberdaya/alat 0 0 0 0 0\n");
      CHECK(s.cooccurrence.codes.size() == 2);
    }
  }

  TEST_CASE("without a stage codebook there is no stage table") {
    const Summary s = summarise({});
    CHECK(!s.has_stages);
    CHECK(s.stages.empty());
  }

  TEST_CASE("the co-occurrence matrix is of top-level factors") {
    Doc doc = interview("a.md", "INF-1");
    doc.unit("Dana dan relawan.", "Pak A")
        .code(0, Valence::neutral, {"Dana"})
        .code(2, Valence::neutral, {"relawan"});
    doc.unit("Relawan dan alat.", "Pak A")
        .code(2, Valence::neutral, {"Relawan"})
        .code(3, Valence::neutral, {"alat"});
    const Summary s = summarise({doc});
    REQUIRE(s.cooccurrence.codes.size() == 2);
    CHECK(s.cooccurrence.codes[0].path == "dana");
    CHECK(s.cooccurrence.codes[1].path == "sumberdaya");
    CHECK(s.cooccurrence.both == std::vector<std::uint64_t>{1, 1, 1, 2});
  }

  TEST_CASE("dates in the forms documents write them") {
    CHECK(iso_date("2008-04-10 19:30") == "2008-04-10");
    CHECK(iso_date("[10/04/2008]") == "2008-04-10");
    CHECK(iso_date("Sabtu, 15 Maret 2008") == "2008-03-15");
    CHECK(iso_date("Tanggal: 8 Juni 2008; Lokasi: Gang Kenari") == "2008-06-08");
    CHECK(iso_date("Hari/Tanggal: Sabtu, 24 Januari 2009") == "2009-01-24");
    CHECK(iso_date("3 March 2009") == "2009-03-03");
    CHECK(iso_date("Des 2008") == std::nullopt);
    CHECK(iso_date("Oktober 2008 – Januari 2009") == std::nullopt);
    CHECK(iso_date("2008") == std::nullopt);
    CHECK(iso_date("31 Foo 2008") == std::nullopt);
    CHECK(iso_date("2008-13-01") == std::nullopt);
    CHECK(iso_date("Pembahasan") == std::nullopt);
  }

  TEST_CASE("the closing paragraph names the most frequently mentioned obstacle") {
    SummaryFactor resources = factor("Sumber daya", 67, 17, 8, 14);
    resources.children = {factor("SDM", 34, 7), factor("Dana", 31, 11), factor("Sarana", 16, 3)};
    const std::vector<SummaryFactor> ranked{resources, factor("Sosek", 17, 5),
                                            factor("Komunikasi", 11, 17)};
    SUBCASE("id") {
      CHECK(closing_statement(closing_case(SummaryLanguage::id, ranked)) ==
            "Faktor penghambat yang paling sering disebut adalah Sumber daya (67 unit bermuatan "
            "hambatan; disebut oleh 8 dari 8 informan dalam 14 dari 14 dokumen). Di dalam faktor "
            "Sumber daya, yang paling sering disebut sebagai penghambat adalah SDM (34 unit), "
            "disusul dengan selisih kecil oleh Dana (31 unit). Faktor yang terutama disebut "
            "sebagai pendukung pelaksanaan, dengan unit pendukung lebih banyak daripada unit "
            "hambatan, adalah Komunikasi (17 unit pendukung, 11 unit hambatan). Angka-angka ini "
            "menunjukkan seberapa sering suatu faktor disebut dalam dokumen, bukan seberapa besar "
            "pengaruhnya terhadap pelaksanaan.");
    }
    SUBCASE("en") {
      CHECK(closing_statement(closing_case(SummaryLanguage::en, ranked)) ==
            "The most frequently mentioned obstacle is Sumber daya (67 obstacle units; mentioned "
            "by 8 of 8 informants in 14 of 14 documents). Within Sumber daya, the most frequently "
            "mentioned obstacle is SDM (34 units), closely followed by Dana (31 units). The factor "
            "mentioned mainly as supporting implementation, with more support than obstacle "
            "units, is Komunikasi (17 support, 11 obstacle units). These counts show how often a "
            "factor is mentioned in the documents, not how strongly it affected implementation.");
    }
  }

  TEST_CASE("the closing paragraph names a close runner-up, and ties as ties") {
    SUBCASE("runner-up at 80%") {
      CHECK(closing_statement(closing_case(SummaryLanguage::en,
                                           {factor("A", 10, 0, 5, 6), factor("B", 8, 0, 4, 5)})) ==
            "The most frequently mentioned obstacle is A (10 obstacle units; mentioned by 5 of 8 "
            "informants in 6 of 14 documents). B follows closely (8 obstacle units; mentioned by "
            "4 of 8 informants in 5 of 14 documents). No factor is mentioned more often as a "
            "support than as an obstacle. These counts show how often a factor is mentioned in "
            "the documents, not how strongly it affected implementation.");
    }
    SUBCASE("no runner-up below 80%") {
      CHECK(closing_statement(
                closing_case(SummaryLanguage::id, {factor("A", 10, 0, 5, 6), factor("B", 7, 9)}))
                .starts_with("Faktor penghambat yang paling sering disebut adalah A (10 unit "
                             "bermuatan hambatan; disebut oleh 5 dari 8 informan dalam 6 dari 14 "
                             "dokumen). Faktor yang terutama disebut sebagai pendukung "
                             "pelaksanaan, dengan unit pendukung lebih banyak daripada unit "
                             "hambatan, adalah B (9 unit pendukung, 7 unit hambatan)."));
    }
    SUBCASE("a tie") {
      CHECK(closing_statement(
                closing_case(SummaryLanguage::id,
                             {factor("A", 5, 0, 4), factor("B", 5, 0, 3), factor("C", 1, 0)}))
                .starts_with("Faktor penghambat yang paling sering disebut adalah A dan B, "
                             "masing-masing dengan 5 unit bermuatan hambatan. Tidak ada faktor"));
      CHECK(closing_statement(
                closing_case(SummaryLanguage::en, {factor("A", 1, 0), factor("B", 1, 0)}))
                .starts_with("The most frequently mentioned obstacles are A and B, with 1 "
                             "obstacle unit each."));
    }
  }

  TEST_CASE("the closing paragraph without obstacles or without codings") {
    SUBCASE("no obstacles") {
      CHECK(closing_statement(
                closing_case(SummaryLanguage::en, {factor("A", 0, 2), factor("B", 0, 1)})) ==
            "No factor is described as an obstacle in the documents analysed. The factors "
            "mentioned mainly as supporting implementation, with more support than obstacle "
            "units, are A (2 support, 0 obstacle units) and B (1 support, 0 obstacle units). "
            "These counts show how often a factor is mentioned in the documents, not how "
            "strongly it affected implementation.");
    }
    SUBCASE("no codings") {
      Summary s = closing_case(SummaryLanguage::id, {});
      CHECK(closing_statement(s) ==
            "Tidak ada unit dari 14 dokumen yang dianalisis yang dikode dengan salah satu faktor, "
            "sehingga belum ada temuan yang dapat diringkas.");
      s.language = SummaryLanguage::en;
      s.documents_total = 1;
      CHECK(closing_statement(s) == "No unit of the 1 document analysed was coded with any "
                                    "factor, so there are no findings to summarise.");
    }
    SUBCASE("no informants: documents only") {
      Summary s = closing_case(SummaryLanguage::id, {factor("A", 3, 0, 0, 2)});
      s.informants_total = 0;
      CHECK(closing_statement(s).starts_with(
          "Faktor penghambat yang paling sering disebut adalah A (3 unit bermuatan hambatan; "
          "disebut dalam 2 dari 14 dokumen)."));
    }
  }
}
