#include "helpers.hpp"
#include "koda/codebook/codebook.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace codebook_test;

namespace {

// `body` in a codebook whose language is `language`.
std::string with_language(std::string_view language, std::string_view body) {
  return "codebook \"T\" {\n  language " + std::string(language) + "\n" + std::string(body) +
         "\n}\n";
}

} // namespace

TEST_SUITE("codebook::check") {
  TEST_CASE("duplicate sibling ids are an error") {
    SUBCASE("among child codes") {
      CHECK(diagnostics_of(in_codebook("  code sumberdaya {\n    label \"S\"\n"
                                       "    code dana { label \"D\" match dana }\n"
                                       "    code dana { label \"A\" match anggaran }\n  }")) ==
            "6:10: error: duplicate code id 'dana' in 'sumberdaya' (first defined at 5:10)\n");
    }
    SUBCASE("among top-level codes") {
      CHECK(diagnostics_of(in_codebook("  code dana { label \"D\" match dana }\n"
                                       "  code dana { label \"A\" match anggaran }")) ==
            "4:8: error: duplicate code id 'dana' in the codebook (first defined at 3:8)\n");
    }
    SUBCASE("the same id under different parents is fine") {
      parse_clean(in_codebook("  code a { label \"A\" code x { label \"X\" match x } }\n"
                              "  code b { label \"B\" code x { label \"X\" match y } }"));
    }
  }

  TEST_CASE("a code id outside [a-z0-9_-] is an error") {
    SUBCASE("uppercase") {
      CHECK(diagnostics_of(in_codebook("  code Dana { label \"D\" match dana }")) ==
            "3:8: error: invalid code id 'Dana' (use only lowercase letters a-z, digits 0-9, '_' "
            "and '-')\n");
    }
    SUBCASE("other characters") {
      CHECK(diagnostics_of(in_codebook("  code dana.desa { label \"D\" match dana }")) ==
            "3:8: error: invalid code id 'dana.desa' (use only lowercase letters a-z, digits 0-9, "
            "'_' and '-')\n");
    }
    SUBCASE("digits, '_' and '-' are fine") {
      parse_clean(in_codebook("  code p2kp_tahap-1 { label \"P\" match p2kp }"));
    }
  }

  TEST_CASE("a leaf code without a match is an error") {
    SUBCASE("a leaf") {
      CHECK(diagnostics_of(in_codebook("  code kosong { label \"K\" unless x }")) ==
            "3:8: error: code 'kosong' has no match (a code without child codes needs at least "
            "one 'match')\n");
    }
    SUBCASE("a parent needs no match of its own") {
      parse_clean(in_codebook("  code a { label \"A\" code b { label \"B\" match b } }"));
    }
    SUBCASE("not reported for a code with a syntax error inside") {
      CHECK(diagnostics_of(in_codebook("  code a { label \"A\" match ( }")) ==
            "3:30: error: expected a term after '('\n");
    }
  }

  TEST_CASE("the codebook's language must be a known stemmer or none") {
    SUBCASE("unknown") {
      CHECK(diagnostics_of(with_language("indonesain", "  code a { label \"A\" match a }")) ==
            "2:12: error: unknown language 'indonesain' (expected a Snowball stemmer name such as "
            "indonesian or english, a code such as id or en, or none)\n");
    }
    SUBCASE("Snowball names, codes and none") {
      parse_clean(with_language("indonesian", "  code a { label indonesian \"A\" match a }"));
      parse_clean(with_language("EN", "  code a { label en \"A\" match a }"));
      parse_clean(with_language("none", "  code a { label \"A\" match a }"));
    }
    SUBCASE("no language at all is a warning") {
      CHECK(diagnostics_of("codebook \"T\" {\n  code a { label \"A\" match a }\n}\n") ==
            "1:1: warning: no 'language' given: bare terms will match surface forms, without "
            "stemming (write e.g. language id, or language none)\n");
    }
  }

  TEST_CASE("a regex ICU rejects is an error with ICU's reason at its position") {
    SUBCASE("an unclosed group") {
      CHECK(diagnostics_of(in_codebook("  code a { label \"A\" match dana | /RT(\\d+/ }")) ==
            "3:42: error: invalid regex /RT(\\d+/: U_REGEX_MISMATCHED_PAREN (unbalanced "
            "parentheses)\n");
    }
    SUBCASE("an escaped slash before the fault still counts in the column") {
      CHECK(diagnostics_of(in_codebook("  code a { label \"A\" match /a\\/b[z-a]/ }")) ==
            "3:37: error: invalid regex /a\\/b[z-a]/: U_REGEX_INVALID_RANGE (a range in [...] "
            "runs backwards)\n");
    }
    SUBCASE("an unknown flag") {
      CHECK(diagnostics_of(in_codebook("  code a { label \"A\" match /rt/g }")) ==
            "3:28: error: unknown regex flag 'g' in /rt/g (expected i, m, s or x)\n");
    }
    SUBCASE("an empty regex") {
      CHECK(diagnostics_of(in_codebook("  code a { label \"A\" match // }")) ==
            "3:28: error: an empty regex // would match every unit\n");
    }
    SUBCASE("a regex that matches empty text is a warning") {
      CHECK(diagnostics_of(in_codebook("  code a { label \"A\" match /x*/ }")) ==
            "3:28: warning: regex /x*/ matches empty text, so it matches every unit\n");
    }
  }

  TEST_CASE("NEAR needs a positive distance and a position to measure from") {
    SUBCASE("NEAR/0") {
      CHECK(diagnostics_of(in_codebook("  code a { label \"A\" match dana NEAR/0 kurang }")) ==
            "3:33: error: NEAR/0: the distance must be a positive number of tokens (e.g. "
            "NEAR/3)\n");
    }
    SUBCASE("a distance too large for an int") {
      CHECK(diagnostics_of(in_codebook("  code a { label \"A\" match a NEAR/99999999999 b }")) ==
            "3:30: error: NEAR: the distance is too large (at most 2147483647 tokens)\n");
    }
    SUBCASE("a negated operand: the NEAR can never match") {
      CHECK(diagnostics_of(in_codebook("  code a { label \"A\" match x | (!a NEAR/2 b) }")) ==
            "3:33: warning: a negation has no position in the text, so this NEAR can never match "
            "(for 'b with no a nearby' write b & !(a NEAR/3 b))\n");
    }
    SUBCASE("a negation around a NEAR is fine") {
      parse_clean(in_codebook("  code a { label \"A\" match b & !(a NEAR/2 b) }"));
    }
  }

  TEST_CASE("a code needs a label in the codebook's language") {
    SUBCASE("no label at all") {
      CHECK(diagnostics_of(with_language("id", "  code dana { match dana }")) ==
            "3:8: error: code 'dana' has no label in the codebook's language 'id' (add label id "
            "\"…\")\n");
    }
    SUBCASE("only a label in another language") {
      CHECK(diagnostics_of(with_language("id", "  code dana { label en \"Funds\" match dana }")) ==
            "3:8: error: code 'dana' has no label in the codebook's language 'id' (add label id "
            "\"…\")\n");
    }
    SUBCASE("a code and a Snowball name denote the same language") {
      parse_clean(with_language("indonesian", "  code dana { label id \"Dana\" match dana }"));
    }
    SUBCASE("with language none, any label will do") {
      parse_clean(in_codebook("  code dana { label en \"Funds\" match dana }"));
      CHECK(diagnostics_of(in_codebook("  code dana { match dana }")) ==
            "3:8: error: code 'dana' has no label (add label LANGUAGE \"…\")\n");
    }
  }

  TEST_CASE("under strict checking, a code lacking a label other codes have is an error") {
    const std::string text =
        with_language("id", "  code a { label id \"A\" label en \"A\" match a }\n"
                            "  code b { label id \"B\" match b }");
    SUBCASE("normal") { parse_clean(text); }
    SUBCASE("strict") {
      CHECK(
          diagnostics_of(text, Strictness::strict) ==
          "4:8: error: code 'b' has no label in 'en', which other codes have (e.g. 'a' at 3:8)\n");
    }
  }

  TEST_CASE("warnings fail only under strict checking") {
    const std::string text = in_codebook("  code a { label \"A\" match dana | dana }");
    const ParseResult normal = parse_codebook(text, "t.kcb");
    CHECK(diagnostics(normal) ==
          "3:35: warning: duplicate term 'dana' in code 'a' (the first is at 3:28)\n");
    CHECK(normal.codebook.has_value());
    CHECK(normal.ok());
    const ParseResult strict = parse_codebook(text, "t.kcb", Strictness::strict);
    CHECK(strict.codebook.has_value());
    CHECK_FALSE(strict.ok());
  }

  TEST_CASE("terms that can never match are warnings") {
    SUBCASE("a stem that is empty") {
      CHECK(diagnostics_of(
                with_language("porter", "  code a { label porter \"A\" match s | data }")) ==
            "3:35: warning: the stem of 's' in porter is empty, so term 's' can never match\n");
    }
    SUBCASE("no letters or digits") {
      CHECK(diagnostics_of(in_codebook("  code a { label \"A\" match a | \"...\" }")) ==
            "3:32: warning: term '...' has no letters or digits, so it can never match\n");
    }
    SUBCASE("an empty string") {
      CHECK(diagnostics_of(in_codebook("  code a { label \"A\" match a | \"\" }")) ==
            "3:32: warning: empty term \"\" can never match\n");
    }
  }

  TEST_CASE("surface and prefix terms must be one word") {
    SUBCASE("surface") {
      CHECK(diagnostics_of(in_codebook("  code a { label \"A\" match =\"sumber daya\" }")) ==
            "3:28: error: a surface term '=sumber daya' must be one word, but it splits into "
            "'sumber' and 'daya'\n");
    }
    SUBCASE("prefix") {
      CHECK(diagnostics_of(in_codebook("  code a { label \"A\" match sumber-da-ya* }")) ==
            "3:28: error: a prefix term 'sumber-da-ya*' must be one word, but it splits into "
            "'sumber', 'da' and 'ya'\n");
    }
  }

  TEST_CASE("duplicate terms within one operator are warnings") {
    SUBCASE("the same term on two match lines") {
      CHECK(diagnostics_of(with_language("id", "  code a { label id \"A\"\n    match dana | hibah\n"
                                               "    match Dana }")) ==
            "5:11: warning: duplicate term 'Dana' in code 'a' (the first is at 4:11)\n");
    }
    SUBCASE("two words with the same stem") {
      CHECK(diagnostics_of(with_language("id", "  code a { label id \"A\" match laksana | "
                                               "pelaksanaan }")) ==
            "3:41: warning: term 'pelaksanaan' in code 'a' is redundant: it has the same stem, "
            "'laksana', as 'laksana' at 3:31\n");
    }
    SUBCASE("surface forms that fold to the same word") {
      CHECK(diagnostics_of(in_codebook("  code a { label \"A\" match =Rp. & =rp }")) ==
            "3:35: warning: term '=rp' in code 'a' is redundant: it matches the same as '=Rp.' "
            "at 3:28\n");
    }
    SUBCASE("the same term under different operators is fine") {
      parse_clean(in_codebook(
          "  code a { label \"A\" match (dana NEAR/3 kurang) | (dana NEAR/3 terbatas) }"));
    }
  }

  TEST_CASE("a match that can succeed without any of its terms is a warning") {
    SUBCASE("a bare negation") {
      CHECK(diagnostics_of(in_codebook("  code a { label \"A\" match !dana }")) ==
            "3:28: warning: the match of code 'a' can succeed with none of its terms present "
            "(through this negation), so it codes almost every unit\n");
    }
    SUBCASE("a negation as an alternative") {
      CHECK(diagnostics_of(in_codebook("  code a { label \"A\" match dana | !hibah }")) ==
            "3:35: warning: the match of code 'a' can succeed with none of its terms present "
            "(through this negation), so it codes almost every unit\n");
    }
    SUBCASE("a negation next to a positive term is fine") {
      parse_clean(in_codebook("  code a { label \"A\" match dana & !hibah }"));
    }
  }

  TEST_CASE("cue and negation lists only list terms joined by |") {
    const std::string code = "  code a { label \"A\" match a }\n";
    SUBCASE("&") {
      CHECK(diagnostics_of(in_codebook(code + "  cue obstacle { match kurang & dana }")) ==
            "4:24: error: cue obstacle may only list terms joined by '|', not '&'\n");
    }
    SUBCASE("! inside an alternative") {
      CHECK(diagnostics_of(in_codebook(code + "  negation { match tidak | !ya }")) ==
            "4:28: error: the negation block may only list terms joined by '|', not '!'\n");
    }
    SUBCASE("NEAR") {
      CHECK(diagnostics_of(in_codebook(code + "  cue support { match a NEAR/2 b }")) ==
            "4:25: error: cue support may only list terms joined by '|', not NEAR\n");
    }
    SUBCASE("a regex") {
      CHECK(diagnostics_of(in_codebook(code + "  cue obstacle { match /kurang/ }")) ==
            "4:24: error: a regex cannot be used in cue obstacle: its terms are matched token by "
            "token\n");
    }
    SUBCASE("an empty list is a warning") {
      CHECK(diagnostics_of(in_codebook(code + "  cue obstacle { }")) ==
            "4:3: warning: cue obstacle has no match, so it is ignored\n");
    }
  }
}
