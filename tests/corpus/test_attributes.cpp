#include "describe.hpp"
#include "koda/corpus/attributes.hpp"
#include "koda/corpus/load.hpp"
#include "koda/error.hpp"

#include <doctest/doctest.h>

using koda::corpus::Attributes;
using koda::corpus::AttributeTable;
using koda::corpus::parse_csv;

TEST_SUITE("corpus::attributes") {
  TEST_CASE("CSV records with quotes, CRLF and embedded delimiters") {
    auto records = parse_csv("path,note\r\n\"a, b.txt\",\"kata \"\"dia\"\"\nbaris\"\r\nc.txt,\n",
                             ',', "x.csv");
    REQUIRE(records.size() == 3);
    CHECK(records[1] == std::vector<std::string>{"a, b.txt", "kata \"dia\"\nbaris"});
    CHECK(records[2] == std::vector<std::string>{"c.txt", ""});
    CHECK_THROWS_WITH_AS(parse_csv("a,b\n\"x,y\n", ',', "x.csv"),
                         "x.csv:2: a quoted field opened here is never closed", koda::Error);
  }

  TEST_CASE("rows keyed by path apply to that document and win over front matter") {
    auto table =
        AttributeTable::parse("path;Role;site\ndoc.txt;lurah;RW 03\nother.txt;x;y\n", "a.csv", ".");
    CHECK_FALSE(table.keyed_by_speaker());
    auto doc = koda::corpus::parse_document("doc.txt", "---\nrole: warga\n---\nIsi.\n", {});
    table.apply(doc);
    CHECK(doc.attributes == Attributes{{"role", "lurah"}, {"site", "RW 03"}});
  }

  TEST_CASE("rows keyed by speaker apply to that speaker's turns") {
    auto table = AttributeTable::parse("speaker\trole\nBu Sri\tkoordinator-bkm\n", "s.tsv", ".");
    CHECK(table.keyed_by_speaker());
    koda::corpus::LoadOptions options;
    options.attributes = &table;
    auto doc = koda::corpus::parse_document(
        "t.txt", "Peneliti: A?\nBu Sri: B.\nPeneliti: C?\nBu Sri: D.\n", options);
    CHECK(doc.speaker_attributes ==
          std::map<std::string, Attributes>{{"Bu Sri", {{"role", "koordinator-bkm"}}}});
  }

  TEST_CASE("a header that keys nothing is an error") {
    CHECK_THROWS_WITH_AS(AttributeTable::parse("nama,role\nx,y\n", "a.csv", "."),
                         "a.csv:1:1: the first column is 'nama'; expected `path` (rows keyed by "
                         "document) or `speaker` (rows keyed by speaker label)",
                         koda::Error);
    CHECK_THROWS_WITH_AS(AttributeTable::parse("path,role\na.txt,x,extra\n", "a.csv", "."),
                         "a.csv:2: 3 fields, but the header has 2 columns", koda::Error);
  }
}
