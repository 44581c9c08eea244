#include "koda/analysis/freq.hpp"
#include "koda/corpus/load.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <vector>

using koda::analysis::CodedUnit;
using koda::analysis::CodeHit;
using koda::analysis::Cooccurrence;
using koda::analysis::FreqCode;
using koda::analysis::FreqCount;
using koda::analysis::FreqCounter;
using koda::analysis::FreqDimension;
using koda::analysis::FreqOptions;
using koda::analysis::FreqPercent;
using koda::analysis::FreqRow;
using koda::analysis::FreqSort;
using koda::analysis::FreqTable;
using koda::coding::Valence;
using koda::corpus::Attributes;
using koda::corpus::Kind;

namespace {

// dana; sumberdaya { sdm; alat }
std::vector<FreqCode> codes() {
  return {{"dana", "Dana", 0, -1},
          {"sumberdaya", "Sumber daya", 0, -1},
          {"sumberdaya/sdm", "SDM", 1, 1},
          {"sumberdaya/alat", "Alat", 1, 1}};
}

struct Unit {
  std::size_t document;
  std::string name;
  Kind kind;
  std::string speaker;
  std::string informant;
  Attributes attributes;
  std::vector<CodeHit> hits;
};

// Four coded units in three documents and one unit without codes:
//   a.md u1 Pak A / INF-1 / lurah: sdm obstacle, alat support
//   a.md u2 Pak A / INF-1 / lurah: dana neutral
//   b.md u3 Bu B / INF-2 / warga:  sdm support, dana obstacle
//   c.md u4 (minutes, no speaker):  alat neutral
//   c.md u5: nothing
std::vector<Unit> units() {
  Attributes lurah{{"role", "lurah"}}, warga{{"role", "warga"}};
  return {
      {0,
       "a.md",
       Kind::interview,
       "Pak A",
       "INF-1",
       lurah,
       {{2, Valence::obstacle}, {3, Valence::support}}},
      {0, "a.md", Kind::interview, "Pak A", "INF-1", lurah, {{0, Valence::neutral}}},
      {1,
       "b.md",
       Kind::interview,
       "Bu B",
       "INF-2",
       warga,
       {{2, Valence::support}, {0, Valence::obstacle}}},
      {2, "c.md", Kind::minutes, "", "", {}, {{3, Valence::neutral}}},
      {2, "c.md", Kind::minutes, "", "", {}, {}},
  };
}

FreqCounter counted(const FreqOptions& options) {
  FreqCounter counter(codes(), options);
  for (const Unit& u : units()) {
    CodedUnit unit;
    unit.document = u.document;
    unit.document_name = u.name;
    unit.kind = u.kind;
    unit.speaker = u.speaker;
    unit.informant = u.informant;
    unit.attributes = &u.attributes;
    unit.codes = u.hits;
    counter.add(unit);
  }
  return counter;
}

// Each row as `path units documents informants share obstacle support neutral`.
std::string rows(const FreqTable& table) {
  std::string out;
  auto line = [&](const FreqRow& r, std::string_view path) {
    out += fmt::format("{} {} {} {} {:.1f} {} {} {}\n", path, r.counts.units, r.counts.documents,
                       r.counts.informants, r.share, r.counts.obstacle, r.counts.support,
                       r.counts.neutral);
  };
  for (const FreqRow& r : table.rows)
    line(r, r.path);
  line(table.total, "total");
  return out;
}

// Each row's cells as `path cell… | total`, with percentages when there are any.
std::string cells(const FreqTable& table) {
  std::string out = fmt::format("{}\n", fmt::join(table.columns, ","));
  auto line = [&](const FreqRow& r, std::string_view path) {
    out += fmt::format("{} {} | {}", path, fmt::join(r.cells, " "), r.cells_total);
    if (!r.percents.empty())
      out += fmt::format(" % {:.1f}", fmt::join(r.percents, " "));
    out += '\n';
  };
  for (const FreqRow& r : table.rows)
    line(r, r.path);
  line(table.total, "total");
  return out;
}

} // namespace

TEST_SUITE("analysis::freq") {

  TEST_CASE("parents roll up their children, counting a unit once") {
    CHECK(rows(counted({}).table()) == "dana 2 2 2 50.0 1 0 1\n"
                                       "sumberdaya 3 3 2 75.0 1 1 1\n"
                                       "sumberdaya/sdm 2 2 2 50.0 1 1 0\n"
                                       "sumberdaya/alat 2 2 1 50.0 0 1 1\n"
                                       "total 4 3 2 100.0 2 0 2\n");
  }

  TEST_CASE("rows keep depth for indentation") {
    FreqTable table = counted({}).table();
    REQUIRE(table.rows.size() == 4);
    CHECK(table.rows[0].depth == 0);
    CHECK(table.rows[2].depth == 1);
    CHECK(table.rows[2].label == "SDM");
  }

  TEST_CASE("flat shows leaves only") {
    FreqOptions options;
    options.flat = true;
    CHECK(rows(counted(options).table()) == "dana 2 2 2 50.0 1 0 1\n"
                                            "sumberdaya/sdm 2 2 2 50.0 1 1 0\n"
                                            "sumberdaya/alat 2 2 1 50.0 0 1 1\n"
                                            "total 4 3 2 100.0 2 0 2\n");
  }

  TEST_CASE("sorting, --min and --code choose and order rows") {
    FreqOptions options;
    SUBCASE("siblings by count, the tree kept") {
      options.sort = FreqSort::count;
      CHECK(rows(counted(options).table()) == "sumberdaya 3 3 2 75.0 1 1 1\n"
                                              "sumberdaya/sdm 2 2 2 50.0 1 1 0\n"
                                              "sumberdaya/alat 2 2 1 50.0 0 1 1\n"
                                              "dana 2 2 2 50.0 1 0 1\n"
                                              "total 4 3 2 100.0 2 0 2\n");
    }
    SUBCASE("min") {
      options.min_units = 3;
      CHECK(rows(counted(options).table()) == "sumberdaya 3 3 2 75.0 1 1 1\n"
                                              "total 4 3 2 100.0 2 0 2\n");
    }
    SUBCASE("code") {
      options.codes = {"sumberdaya/alat"};
      CHECK(rows(counted(options).table()) == "sumberdaya/alat 2 2 1 50.0 0 1 1\n"
                                              "total 4 3 2 100.0 2 0 2\n");
    }
  }

  TEST_CASE("crosstab by attribute counts units, documents or informants") {
    FreqOptions options;
    options.by = FreqDimension::attribute;
    options.by_key = "role";
    SUBCASE("units") {
      CHECK(cells(counted(options).table()) == "lurah,warga,(none)\n"
                                               "dana 1 1 0 | 2\n"
                                               "sumberdaya 1 1 1 | 3\n"
                                               "sumberdaya/sdm 1 1 0 | 2\n"
                                               "sumberdaya/alat 1 0 1 | 2\n"
                                               "total 2 1 1 | 4\n");
    }
    SUBCASE("documents") {
      options.count = FreqCount::documents;
      CHECK(cells(counted(options).table()) == "lurah,warga,(none)\n"
                                               "dana 1 1 0 | 2\n"
                                               "sumberdaya 1 1 1 | 3\n"
                                               "sumberdaya/sdm 1 1 0 | 2\n"
                                               "sumberdaya/alat 1 0 1 | 2\n"
                                               "total 1 1 1 | 3\n");
    }
    SUBCASE("informants") {
      options.count = FreqCount::informants;
      CHECK(cells(counted(options).table()) == "lurah,warga,(none)\n"
                                               "dana 1 1 0 | 2\n"
                                               "sumberdaya 1 1 0 | 2\n"
                                               "sumberdaya/sdm 1 1 0 | 2\n"
                                               "sumberdaya/alat 1 0 0 | 1\n"
                                               "total 1 1 0 | 2\n");
    }
  }

  TEST_CASE("crosstab by document, kind and speaker") {
    FreqOptions options;
    SUBCASE("document: columns in input order") {
      options.by = FreqDimension::document;
      CHECK(cells(counted(options).table()) == "a.md,b.md,c.md\n"
                                               "dana 1 1 0 | 2\n"
                                               "sumberdaya 1 1 1 | 3\n"
                                               "sumberdaya/sdm 1 1 0 | 2\n"
                                               "sumberdaya/alat 1 0 1 | 2\n"
                                               "total 2 1 1 | 4\n");
    }
    SUBCASE("kind") {
      options.by = FreqDimension::kind;
      CHECK(cells(counted(options).table()) == "interview,minutes\n"
                                               "dana 2 0 | 2\n"
                                               "sumberdaya 2 1 | 3\n"
                                               "sumberdaya/sdm 2 0 | 2\n"
                                               "sumberdaya/alat 1 1 | 2\n"
                                               "total 3 1 | 4\n");
    }
    SUBCASE("speaker: units without one in (none)") {
      options.by = FreqDimension::speaker;
      options.count = FreqCount::documents;
      CHECK(cells(counted(options).table()) == "Bu B,Pak A,(none)\n"
                                               "dana 1 1 0 | 2\n"
                                               "sumberdaya 1 1 1 | 3\n"
                                               "sumberdaya/sdm 1 1 0 | 2\n"
                                               "sumberdaya/alat 0 1 1 | 2\n"
                                               "total 1 1 1 | 3\n");
    }
  }

  TEST_CASE("crosstab percentages of the row, the column or the table") {
    FreqOptions options;
    options.by = FreqDimension::attribute;
    options.by_key = "role";
    SUBCASE("row") {
      options.percent = FreqPercent::row;
      CHECK(cells(counted(options).table()) == "lurah,warga,(none)\n"
                                               "dana 1 1 0 | 2 % 50.0 50.0 0.0\n"
                                               "sumberdaya 1 1 1 | 3 % 33.3 33.3 33.3\n"
                                               "sumberdaya/sdm 1 1 0 | 2 % 50.0 50.0 0.0\n"
                                               "sumberdaya/alat 1 0 1 | 2 % 50.0 0.0 50.0\n"
                                               "total 2 1 1 | 4 % 50.0 25.0 25.0\n");
    }
    SUBCASE("column") {
      options.percent = FreqPercent::column;
      CHECK(cells(counted(options).table()) == "lurah,warga,(none)\n"
                                               "dana 1 1 0 | 2 % 50.0 100.0 0.0\n"
                                               "sumberdaya 1 1 1 | 3 % 50.0 100.0 100.0\n"
                                               "sumberdaya/sdm 1 1 0 | 2 % 50.0 100.0 0.0\n"
                                               "sumberdaya/alat 1 0 1 | 2 % 50.0 0.0 100.0\n"
                                               "total 2 1 1 | 4 % 100.0 100.0 100.0\n");
    }
    SUBCASE("total") {
      options.percent = FreqPercent::total;
      CHECK(cells(counted(options).table()) == "lurah,warga,(none)\n"
                                               "dana 1 1 0 | 2 % 25.0 25.0 0.0\n"
                                               "sumberdaya 1 1 1 | 3 % 25.0 25.0 25.0\n"
                                               "sumberdaya/sdm 1 1 0 | 2 % 25.0 25.0 0.0\n"
                                               "sumberdaya/alat 1 0 1 | 2 % 25.0 0.0 25.0\n"
                                               "total 2 1 1 | 4 % 50.0 25.0 25.0\n");
    }
  }

  TEST_CASE("co-occurrence on leaves and at a depth, with Jaccard") {
    FreqOptions options;
    SUBCASE("leaves") {
      Cooccurrence m = counted(options).cooccurrence();
      REQUIRE(m.codes.size() == 3);
      CHECK(m.codes[0].path == "dana");
      CHECK(m.codes[1].path == "sumberdaya/sdm");
      CHECK(m.codes[2].path == "sumberdaya/alat");
      CHECK(m.both == std::vector<std::uint64_t>{2, 1, 0, 1, 2, 1, 0, 1, 2});
      CHECK(m.jaccard(1, 2) == doctest::Approx(1.0 / 3));
      CHECK(m.jaccard(0, 1) == doctest::Approx(1.0 / 3));
      CHECK(m.jaccard(0, 2) == 0.0);
      CHECK(m.jaccard(0, 0) == 1.0);
    }
    SUBCASE("depth 0 rolls children into their parent") {
      options.depth = 0;
      Cooccurrence m = counted(options).cooccurrence();
      REQUIRE(m.codes.size() == 2);
      CHECK(m.codes[1].path == "sumberdaya");
      CHECK(m.both == std::vector<std::uint64_t>{2, 1, 1, 3});
      CHECK(m.jaccard(0, 1) == doctest::Approx(0.25));
    }
  }

  TEST_CASE("no codings: an empty table with zero totals") {
    FreqCounter counter(codes(), {});
    FreqTable table = counter.table();
    CHECK(table.total.counts.units == 0);
    CHECK(table.total.share == 0.0);
    CHECK(table.rows.size() == 4);
    CHECK(table.rows[0].share == 0.0);
  }

  TEST_CASE("the informant of a unit") {
    std::string text = "---\nkind: interview\ninformant: INF-07\ninterviewer: Peneliti\n---\n"
                       "Peneliti: Apa kendalanya?\n\nBu Sri: Dananya terlambat.\n";
    koda::corpus::Document doc = koda::corpus::parse_document("a.md", text, {});
    REQUIRE(doc.units.size() == 2);
    CHECK(koda::analysis::informant_of(doc, doc.units[0]) == "");
    CHECK(koda::analysis::informant_of(doc, doc.units[1]) == "INF-07");
    SUBCASE("a unit without a speaker has none") {
      doc.units[1].speaker.clear();
      CHECK(koda::analysis::informant_of(doc, doc.units[1]) == "");
    }
    SUBCASE("a speaker's own informant attribute wins") {
      doc.speaker_attributes["Bu Sri"]["informant"] = "INF-09";
      CHECK(koda::analysis::informant_of(doc, doc.units[1]) == "INF-09");
    }
    SUBCASE("without the attribute: the speaker label") {
      doc.attributes.erase("informant");
      CHECK(koda::analysis::informant_of(doc, doc.units[1]) == "Bu Sri");
    }
    SUBCASE("minutes: the speaker label or none") {
      doc.kind = Kind::minutes;
      CHECK(koda::analysis::informant_of(doc, doc.units[1]) == "Bu Sri");
      doc.units[1].speaker.clear();
      CHECK(koda::analysis::informant_of(doc, doc.units[1]) == "");
    }
  }

} // TEST_SUITE
