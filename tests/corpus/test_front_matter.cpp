#include "koda/corpus/front_matter.hpp"

#include <doctest/doctest.h>

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
