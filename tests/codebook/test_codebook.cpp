#include "helpers.hpp"
#include "koda/codebook/codebook.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace codebook_test;

TEST_SUITE("codebook::model") {
  TEST_CASE("all_codes lists parents before children, depth first") {
    const Codebook codebook = parse_clean(in_codebook(
        "  code a { label \"A\"\n    code b { label \"B\" code c { label \"C\" match c } }\n"
        "    code d { label \"D\" match d }\n  }\n  code e { label \"E\" match e }"));
    std::vector<std::string> paths;
    for (const Code* code : all_codes(codebook)) {
      paths.push_back(code->path);
    }
    CHECK(paths == std::vector<std::string>{"a", "a/b", "a/b/c", "a/d", "e"});
  }

  TEST_CASE("count_terms counts the terms of an expression") {
    SUBCASE("one term") {
      CHECK(count_terms(
                *parse_clean(in_codebook("  code a { label \"A\" match x }")).codes[0].match) == 1);
    }
    SUBCASE("terms under every operator") {
      const Codebook codebook = parse_clean(
          in_codebook("  code a { label \"A\" match x | \"y z\" & !(u NEAR/2 v) | /w/ }"));
      CHECK(count_terms(*codebook.codes[0].match) == 5);
    }
  }

  TEST_CASE("Code::label picks the language, else the first label, else the id") {
    const Codebook codebook =
        parse_clean(in_codebook("  code t { label id \"Dana\" label en \"Funds\" match dana }"));
    CHECK(codebook.codes[0].label("en") == "Funds");
    CHECK(codebook.codes[0].label("fr") == "Dana");
    Code bare;
    bare.id = "x";
    CHECK(bare.label("id") == "x");
  }

  TEST_CASE("ParseResult::ok") {
    SUBCASE("an error") { CHECK_FALSE(parse_codebook("", "x.kcb").ok()); }
    SUBCASE("clean") {
      CHECK(parse_codebook(in_codebook("  code a { label \"A\" match a }"), "x.kcb").ok());
    }
    SUBCASE("a warning, normal and strict") {
      const std::string text = in_codebook("  code a { label \"A\" match a }\n  cue support { }");
      CHECK(parse_codebook(text, "x.kcb").ok());
      CHECK_FALSE(parse_codebook(text, "x.kcb", Strictness::strict).ok());
    }
  }
}
