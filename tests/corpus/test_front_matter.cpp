#include "koda/corpus/front_matter.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using koda::corpus::Attributes;
using koda::corpus::Kind;
using koda::corpus::parse_front_matter;
using koda::corpus::SyntaxError;

TEST_SUITE("corpus::front_matter") {
  TEST_CASE("scalars, lists and nested maps become flat attributes") {
    auto fm = parse_front_matter("---\nkind: Interview\ntitle: \"Wawancara: Lurah\"\n"
                                 "date: 2008-04-12\ntopics: [sosialisasi, dana]\n"
                                 "location:\n  rw: \"03\"\n  rt: 2\nempty:\n---\nBody\n");
    CHECK(fm.present);
    CHECK(fm.kind == Kind::interview);
    CHECK(fm.attributes == Attributes{{"date", "2008-04-12"},
                                      {"empty", ""},
                                      {"location.rt", "2"},
                                      {"location.rw", "03"},
                                      {"title", "Wawancara: Lurah"},
                                      {"topics", "sosialisasi; dana"}});
    CHECK(fm.body_start == std::string_view("---\nkind: Interview\ntitle: \"Wawancara: Lurah\"\n"
                                            "date: 2008-04-12\ntopics: [sosialisasi, dana]\n"
                                            "location:\n  rw: \"03\"\n  rt: 2\nempty:\n---\n")
                               .size());
  }

  TEST_CASE("no front matter is fine") {
    SUBCASE("plain text") {
      auto fm = parse_front_matter("Peneliti: Halo\n");
      CHECK_FALSE(fm.present);
      CHECK(fm.body_start == 0);
    }
    SUBCASE("a rule later in the text is not front matter") {
      auto fm = parse_front_matter("Judul\n---\nIsi\n");
      CHECK_FALSE(fm.present);
    }
    SUBCASE("empty block") {
      auto fm = parse_front_matter("---\n---\nIsi\n");
      CHECK(fm.present);
      CHECK(fm.attributes.empty());
      CHECK(fm.body_start == 8);
    }
  }

  TEST_CASE("bad front matter names the line and column") {
    auto error_of = [](std::string_view text) {
      try {
        parse_front_matter(text);
      } catch (const SyntaxError& e) {
        return std::to_string(e.line()) + ":" + std::to_string(e.column()) + ": " + e.what();
      }
      return std::string("no error");
    };
    SUBCASE("unterminated") {
      CHECK(error_of("---\ntitle: x\n\nPeneliti: Halo\n") ==
            "1:1: front matter opened here is not closed by a '---' line");
    }
    SUBCASE("malformed YAML") {
      CHECK(error_of("---\nkind: interview\ntitle: a\n  informant: b\n---\n") ==
            "4:12: malformed YAML in front matter: illegal map value");
    }
    SUBCASE("not a map") {
      CHECK(error_of("---\n- a\n- b\n---\n") ==
            "2:1: front matter must be a YAML map of `key: value` lines");
    }
    SUBCASE("unknown kind") {
      CHECK(error_of("---\ntitle: x\nkind: memo\n---\n") ==
            "3:1: unknown kind 'memo' in front matter (expected interview, minutes, observation "
            "or document)");
    }
  }
}

// The hand-split fast path must read every block it accepts exactly as yaml-cpp does.
TEST_SUITE("corpus::front_matter simple path") {
  using koda::corpus::detail::simple_front_matter;
  using koda::corpus::detail::yaml_front_matter;

  TEST_CASE("the common block takes the fast path") {
    auto simple = simple_front_matter("kind: interview\ntitle: Wawancara — Lurah\n"
                                      "date: 2010-04-03\nsite: RW 04 Kelurahan Cempaka\n\n");
    REQUIRE(simple.has_value());
    CHECK(*simple == Attributes{{"date", "2010-04-03"},
                                {"kind", "interview"},
                                {"site", "RW 04 Kelurahan Cempaka"},
                                {"title", "Wawancara — Lurah"}});
  }

  TEST_CASE("whatever the fast path accepts, yaml-cpp reads the same") {
    const std::vector<std::string> keys = {"kind", "title", "a.b",   "a-b", "_x",  "1", "Key",
                                           "k k",  "k:x",   "\"q\"", "? k", "- k", "k#"};
    const std::vector<std::string> values = {"null",       "Null",
                                             "NULL",       "~",
                                             "true",       "yes",
                                             "no",         "2010-04-03",
                                             "12:30",      "a: b",
                                             "a:b",        "a #b",
                                             "a#b",        "RW 04",
                                             "'quoted'",   "\"dq\"",
                                             "- item",     "-5",
                                             "?x",         "[a, b]",
                                             "a, b",       "{a}",
                                             "Pak Budi's", "Wawancara — Lurah",
                                             "“kutip”",    "a\tb",
                                             "x:",         "0x1F",
                                             "1e3",        ".5",
                                             "@at",        "`tick`",
                                             "%pct",       "&anchor",
                                             "*alias",     "!tag",
                                             "|",          ">",
                                             "a  b",       "a \u2028 b",
                                             "a\u0085b",   "\ufeffx",
                                             "é",          "e\u0301",
                                             "a|b",        "a>b",
                                             "a'b\"c",     "",
                                             "  padded  ", "Rp 1.000.000,-",
                                             "x: y: z",    "a ,b",
                                             "0",          "007",
                                             "1:2:3",      "a\\nb"};
    const std::vector<std::string> extras = {"",
                                             "\n",
                                             "other: line\n",
                                             "  indented more\n",
                                             "# comment\n",
                                             "title: again\n",
                                             "list:\n  - a\n"};
    std::size_t accepted = 0;
    std::size_t compared = 0;
    for (const std::string& key : keys)
      for (const std::string& value : values)
        for (const std::string& extra : extras) {
          const std::string block = key + ": " + value + "\n" + extra;
          const auto simple = simple_front_matter(block);
          ++compared;
          if (!simple)
            continue;
          ++accepted;
          INFO("block: ", block);
          Attributes yaml;
          REQUIRE_NOTHROW(yaml = yaml_front_matter(block));
          CHECK(*simple == yaml);
        }
    // The fast path must be taken for ordinary lines and refused for the awkward ones.
    CHECK(compared == keys.size() * values.size() * extras.size());
    CHECK(accepted > 300);
    CHECK(accepted < compared / 2);
  }
}
