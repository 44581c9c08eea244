#include "helpers.hpp"
#include "koda/codebook/codebook.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace codebook_test;

namespace {

constexpr std::string_view k_sketch = R"kcb(codebook "Faktor implementasi kebijakan" {
  version "1.0"
  language id                       # stemmer for bare terms
  source "Van Meter & Van Horn (1975); Edward III (1980)"
  valence scope sentence            # or unit
  negation window 3
  code standar {
    label id "Standar dan sasaran kebijakan"
    label en "Policy standards and objectives"
    description "Kejelasan aturan, petunjuk teknis, target."
    include "Mentions of rules"
    include "Mentions of targets"
    exclude "Living standards"
    example "Juknisnya sering berubah, jadi kami bingung."
    match aturan | juknis | "petunjuk teknis" | pedoman | =SOP | sosialisasi* | /RT\s*0?\d+/i
    match (pendidikan NEAR/4 rendah) & !"standar hidup"
    unless "standar hidup"
  }
  code sumberdaya {
    label id "Sumber daya"   label en "Resources"
    code sdm   { label id "Sumber daya manusia"  label en "Human resources"  match sdm | "sumber daya manusia" }
    code dana  { label id "Dana"  label en "Funds"  match dana | anggaran }
  }
  cue obstacle { match hambatan | kendala | kurang }
  cue support  { match dukung | lancar }
  negation     { match tidak | bukan | "tidak ada" }
}
)kcb";

std::vector<std::string> paths(const Codebook& codebook) {
  std::vector<std::string> out;
  for (const Code* code : all_codes(codebook)) {
    out.push_back(code->path);
  }
  return out;
}

} // namespace

TEST_SUITE("codebook::parse") {
  TEST_CASE("the sketch from DESIGN.md parses into the model") {
    const Codebook codebook = parse_clean(k_sketch);
    CHECK(codebook.title == "Faktor implementasi kebijakan");
    CHECK(codebook.version == "1.0");
    CHECK(codebook.language == "id");
    CHECK(codebook.source == "Van Meter & Van Horn (1975); Edward III (1980)");
    CHECK(codebook.valence_scope == ValenceScope::sentence);
    CHECK(codebook.negation_window == 3);
    CHECK(codebook.where == SourceLocation{1, 1});
    CHECK(paths(codebook) ==
          std::vector<std::string>{"standar", "sumberdaya", "sumberdaya/sdm", "sumberdaya/dana"});

    const Code& standar = codebook.codes[0];
    CHECK(standar.id == "standar");
    CHECK(standar.where == SourceLocation{7, 8});
    CHECK(standar.label("id") == "Standar dan sasaran kebijakan");
    CHECK(standar.label("en") == "Policy standards and objectives");
    CHECK(standar.description == "Kejelasan aturan, petunjuk teknis, target.");
    CHECK(standar.include_notes ==
          std::vector<std::string>{"Mentions of rules", "Mentions of targets"});
    CHECK(standar.exclude_notes == std::vector<std::string>{"Living standards"});
    CHECK(standar.examples ==
          std::vector<std::string>{"Juknisnya sering berubah, jadi kami bingung."});
    REQUIRE(standar.match.has_value());
    CHECK(tree(*standar.match) ==
          R"(any(aturan, juknis, "petunjuk teknis", pedoman, =SOP, sosialisasi*, /RT\s*0?\d+/i, )"
          R"(all(near4(pendidikan, rendah), not("standar hidup"))))");
    REQUIRE(standar.unless.has_value());
    CHECK(tree(*standar.unless) == R"("standar hidup")");

    const Code& sdm = codebook.codes[1].children[0];
    CHECK(sdm.where == SourceLocation{21, 10});
    CHECK(tree(*sdm.match) == R"(any(sdm, "sumber daya manusia"))");
    CHECK(sdm.match->operands[1].term.words ==
          std::vector<std::string>{"sumber", "daya", "manusia"});
    CHECK(sdm.match->operands[1].where == SourceLocation{21, 90});
    CHECK_FALSE(codebook.codes[1].match.has_value());

    CHECK(tree(*codebook.obstacle_cues) == "any(hambatan, kendala, kurang)");
    CHECK(tree(*codebook.support_cues) == "any(dukung, lancar)");
    CHECK(tree(*codebook.negation) == R"(any(tidak, bukan, "tidak ada"))");
  }

  TEST_CASE("statements are delimited by keywords, not by lines") {
    SUBCASE("two statements on one line") {
      const Codebook codebook =
          parse_clean(in_codebook("  code a {\n    label \"A\" description \"d\"\n    match a }"));
      CHECK(codebook.codes[0].description == "d");
    }
    SUBCASE("a whole code on one line") {
      const Codebook codebook =
          parse_clean(in_codebook("  code a { label \"A\" match x | y unless z }"));
      CHECK(tree(*codebook.codes[0].match) == "any(x, y)");
      CHECK(tree(*codebook.codes[0].unless) == "z");
    }
    SUBCASE("a statement spread over lines") {
      const Codebook codebook =
          parse_clean(in_codebook("  code\n a\n {\n label\n en\n \"A\"\n match\n x\n |\n y\n }"));
      CHECK(codebook.codes[0].label("en") == "A");
      CHECK(tree(*codebook.codes[0].match) == "any(x, y)");
    }
    SUBCASE("the settings of the codebook on one line") {
      const Codebook codebook =
          parse_clean("codebook \"T\" { language none valence scope unit negation window 5 "
                      "code a { label \"A\" match a } }");
      CHECK(codebook.valence_scope == ValenceScope::unit);
      CHECK(codebook.negation_window == 5);
    }
  }

  TEST_CASE("keywords are case-insensitive") {
    SUBCASE("statement keywords and settings") {
      const Codebook codebook = parse_clean(
          "CODEBOOK \"T\" {\n  Language ID\n  VALENCE Scope UNIT\n  Negation WINDOW 2\n"
          "  Code a { LABEL Id \"A\" MATCH dana UNLESS hibah }\n  CUE Obstacle { Match kurang }\n"
          "  NEGATION { match tidak }\n}\n");
      CHECK(codebook.language == "id");
      CHECK(codebook.valence_scope == ValenceScope::unit);
      CHECK(codebook.negation_window == 2);
      CHECK(codebook.codes[0].label("id") == "A");
      CHECK(tree(*codebook.codes[0].unless) == "hibah");
      CHECK(tree(*codebook.obstacle_cues) == "kurang");
    }
    SUBCASE("operator words") {
      CHECK(match_tree("a Or b AND c") == "any(a, all(b, c))");
      CHECK(match_tree("NOT a and b") == "all(not(a), b)");
      CHECK(match_tree("a near/3 b") == "near3(a, b)");
      CHECK(match_tree("a Near/2 b") == "near2(a, b)");
    }
    SUBCASE("operator words are terms when quoted or part of a longer word") {
      CHECK(match_tree("\"or\" | \"NEAR\" | origin | notulen | android") ==
            "any(or, NEAR, origin, notulen, android)");
    }
  }

  TEST_CASE("terms") {
    SUBCASE("a bare word matches by stem") {
      const Codebook codebook = parse_clean(in_codebook("  code t { label \"T\" match dana }"));
      const Term& term = codebook.codes[0].match->term;
      CHECK(term.kind == TermKind::stem);
      CHECK(term.text == "dana");
      CHECK(term.words == std::vector<std::string>{"dana"});
      CHECK(term.where == SourceLocation{3, 28});
    }
    SUBCASE("a quoted word matches by stem, quoted words are a phrase") {
      CHECK(match_tree("\"dana\"") == "dana");
      CHECK(match_tree("\"sumber daya\"") == "\"sumber daya\"");
    }
    SUBCASE("surface forms, bare or quoted") {
      CHECK(match_tree("=SOP | =\"Juknis\"") == "any(=SOP, =Juknis)");
    }
    SUBCASE("prefixes") { CHECK(match_tree("sosialisasi* | p2kp*") == "any(sosialisasi*, p2kp*)"); }
    SUBCASE("regexes with flags and an escaped slash") {
      const Codebook codebook =
          parse_clean(in_codebook("  code t { label \"T\" match /RT\\s*0?\\d+/i | /a\\/b/ }"));
      const Expr& match = *codebook.codes[0].match;
      CHECK(match.operands[0].term.kind == TermKind::regex);
      CHECK(match.operands[0].term.text == "RT\\s*0?\\d+");
      CHECK(match.operands[0].term.flags == "i");
      CHECK(match.operands[1].term.text == "a/b");
      CHECK(match.operands[1].term.flags == "");
    }
    SUBCASE("joiners inside bare words: words split as in documents") {
      const Codebook codebook = parse_clean(in_codebook(
          "  code t { label \"T\" match sumber-daya | p2kp | Rp. | don't | sumber_daya }"));
      const Expr& match = *codebook.codes[0].match;
      CHECK(tree(match) == "any(\"sumber-daya\", p2kp, Rp., don't, sumber_daya)");
      CHECK(match.operands[0].term.words == std::vector<std::string>{"sumber", "daya"});
      CHECK(match.operands[2].term.words == std::vector<std::string>{"Rp"});
      CHECK(match.operands[3].term.words == std::vector<std::string>{"don't"});
    }
    SUBCASE("words of any script") {
      const Codebook codebook = parse_clean(
          in_codebook("  code t { label vi \"Đào tạo\" match \"đào tạo\" | تدريب | kỹ | 研修 }"));
      const Expr& match = *codebook.codes[0].match;
      CHECK(tree(match) == "any(\"đào tạo\", تدريب, kỹ, 研修)");
      CHECK(match.operands[1].term.kind == TermKind::stem);
      CHECK(match.operands[2].where == SourceLocation{3, 57});
    }
  }

  TEST_CASE("operator precedence is NOT > NEAR > AND > OR") {
    SUBCASE("AND binds tighter than OR") {
      CHECK(match_tree("a | b & c") == "any(a, all(b, c))");
      CHECK(match_tree("a & b | c") == "any(all(a, b), c)");
      CHECK(match_tree("a & b | c & d") == "any(all(a, b), all(c, d))");
    }
    SUBCASE("NEAR binds tighter than AND") {
      CHECK(match_tree("a & b NEAR/2 c") == "all(a, near2(b, c))");
      CHECK(match_tree("a NEAR/2 b & c") == "all(near2(a, b), c)");
    }
    SUBCASE("NEAR binds tighter than OR") {
      CHECK(match_tree("a | b NEAR/2 c") == "any(a, near2(b, c))");
      CHECK(match_tree("a NEAR/2 b | c") == "any(near2(a, b), c)");
    }
    SUBCASE("NOT binds tighter than NEAR (and such a NEAR is warned about)") {
      const std::string warning = "a negation has no position in the text, so this NEAR can "
                                  "never match (for 'b with no a nearby' write b & !(a NEAR/3 b))";
      CHECK(match_tree("!a NEAR/2 b", "3:28: warning: " + warning + "\n") == "near2(not(a), b)");
      CHECK(match_tree("a NEAR/2 !b", "3:37: warning: " + warning + "\n") == "near2(a, not(b))");
    }
    SUBCASE("NOT binds tighter than AND and OR") {
      CHECK(match_tree("!a & b") == "all(not(a), b)");
      CHECK(match_tree("a | !b & c") == "any(a, all(not(b), c))");
    }
    SUBCASE("NEAR chains from the left") {
      CHECK(match_tree("a NEAR/2 b NEAR/3 c") == "near3(near2(a, b), c)");
    }
    SUBCASE("parentheses override precedence") {
      CHECK(match_tree("(a | b) & c") == "all(any(a, b), c)");
      CHECK(match_tree("a NEAR/2 (b | c)") == "near2(a, any(b, c))");
      CHECK(match_tree("!(a & b) & c") == "all(not(all(a, b)), c)");
    }
    SUBCASE("nested operators of the same kind are flattened") {
      CHECK(match_tree("a | (b | c) | ((d))") == "any(a, b, c, d)");
      CHECK(match_tree("(a & b) & (c & d)") == "all(a, b, c, d)");
      CHECK(match_tree("(a & b) | (c & d)") == "any(all(a, b), all(c, d))");
    }
  }

  TEST_CASE("several match lines are ORed into one expression") {
    SUBCASE("in a code") {
      const Codebook codebook = parse_clean(
          in_codebook("  code t {\n    label \"T\"\n    match a | b\n    match c & d\n    match e\n"
                      "    unless x\n    unless y\n  }"));
      CHECK(tree(*codebook.codes[0].match) == "any(a, b, all(c, d), e)");
      CHECK(tree(*codebook.codes[0].unless) == "any(x, y)");
    }
    SUBCASE("in a cue list") {
      const Codebook codebook =
          parse_clean(in_codebook("  code t { label \"T\" match a }\n  cue support { match lancar\n"
                                  "    match dukung | antusias }"));
      CHECK(tree(*codebook.support_cues) == "any(lancar, dukung, antusias)");
    }
  }

  TEST_CASE("comments start with # outside quotes and regexes") {
    const Codebook codebook =
        parse_clean("# a codebook\ncodebook \"T\" { # header\n  language none\n"
                    "  # a whole line\n  code t { label \"Nomor #1\" # the label\n"
                    "    match a # not b\n    match /RT#\\d/ | \"no #3\"\n  }\n}\n# the end\n");
    CHECK(codebook.codes[0].label("") == "Nomor #1");
    CHECK(tree(*codebook.codes[0].match) == "any(a, /RT#\\d/, \"no #3\")");
  }

  TEST_CASE("strings resolve \\\" and \\\\ and keep other backslashes") {
    const Codebook codebook = parse_clean(
        in_codebook(R"(  code t { label "T" description "say \"cukup\" \\ C:\dir" match a })"));
    CHECK(codebook.codes[0].description == R"(say "cukup" \ C:\dir)");
  }

  TEST_CASE("a label without a language is in the codebook's language") {
    const Codebook codebook = parse_clean(
        "codebook \"T\" {\n  language en\n  code t { label \"Funds\" label id \"Dana\" match "
        "funds }\n}\n");
    CHECK(codebook.codes[0].labels[0].language == "en");
    CHECK(codebook.codes[0].label("en") == "Funds");
  }

  TEST_CASE("an empty file is an error at 1:1") {
    const std::string message =
        "1:1: error: empty codebook: expected `codebook \"TITLE\" { ... }`\n";
    SUBCASE("no bytes") { CHECK(diagnostics_of("") == message); }
    SUBCASE("only blanks") { CHECK(diagnostics_of("\n  \t\n") == message); }
    SUBCASE("only comments") { CHECK(diagnostics_of("# later\n# maybe\n") == message); }
    SUBCASE("no codebook returned") { CHECK_FALSE(parse_codebook("", "x").codebook.has_value()); }
  }

  TEST_CASE("a file that is not UTF-8 is one error at the bad byte") {
    SUBCASE("Latin-1 in a label") {
      CHECK(diagnostics_of("codebook \"T\" {\n  code t { label \"caf\xE9\" match a }\n}\n") ==
            "2:22: error: invalid UTF-8 byte 0xE9 (save the codebook as UTF-8)\n");
    }
    SUBCASE("after multi-byte characters, the column counts code points") {
      CHECK(diagnostics_of("codebook \"đào tạo \xFF\" {}") ==
            "1:19: error: invalid UTF-8 byte 0xFF (save the codebook as UTF-8)\n");
    }
  }

  TEST_CASE("an unterminated string is an error") {
    SUBCASE("in a label") {
      CHECK(diagnostics_of(in_codebook("  code t {\n    label id \"Dana\n    match dana\n  }")) ==
            "4:19: error: unterminated string: the '\"' at 4:14 is never closed\n");
    }
    SUBCASE("a quoted term") {
      CHECK(diagnostics_of(in_codebook("  code t { label \"T\" match a | \"sumber daya }")) ==
            "3:46: error: unterminated string: the '\"' at 3:32 is never closed\n");
    }
    SUBCASE("an escaped quote does not close it") {
      CHECK(diagnostics_of(in_codebook("  code t { label \"T \\\" match a }")) ==
            "3:33: error: unterminated string: the '\"' at 3:18 is never closed\n");
    }
    SUBCASE("a regex") {
      CHECK(diagnostics_of(in_codebook("  code t { label \"T\" match /RT\\d+ }")) ==
            "3:36: error: unterminated regex: the '/' at 3:28 is never closed\n");
    }
  }

  TEST_CASE("an unbalanced parenthesis is an error") {
    SUBCASE("a '(' never closed") {
      CHECK(diagnostics_of(
                in_codebook("  code t {\n    label \"T\"\n    match (dana | anggaran\n  }")) ==
            "5:27: error: expected ')' to close the '(' at 5:11\n");
    }
    SUBCASE("the innermost '(' is named") {
      CHECK(diagnostics_of(in_codebook("  code t { label \"T\" match ((a | b) & (c | d ) }")) ==
            "3:48: error: expected ')' to close the '(' at 3:28\n");
    }
    SUBCASE("a ')' without '('") {
      CHECK(diagnostics_of(in_codebook("  code t { label \"T\" match a | b) }")) ==
            "3:33: error: unexpected ')' without a matching '('\n");
    }
  }

  TEST_CASE("NEAR without a distance is an error") {
    SUBCASE("NEAR/ with no number") {
      CHECK(diagnostics_of(in_codebook("  code t { label \"T\" match dana NEAR/ kurang }")) ==
            "3:39: error: expected a number after NEAR/ (e.g. NEAR/3)\n");
    }
    SUBCASE("NEAR/ at the end of the line") {
      CHECK(diagnostics_of(in_codebook("  code t {\n    label \"T\"\n    match dana NEAR/\n  }")) ==
            "5:21: error: expected a number after NEAR/ (e.g. NEAR/3)\n");
    }
    SUBCASE("a negative number") {
      CHECK(diagnostics_of(in_codebook("  code t { label \"T\" match dana NEAR/-2 kurang }")) ==
            "3:38: error: expected a number after NEAR/ (e.g. NEAR/3)\n");
    }
    SUBCASE("NEAR with no slash") {
      CHECK(diagnostics_of(in_codebook("  code t { label \"T\" match dana near kurang }")) ==
            "3:38: error: expected '/' and a distance after NEAR (e.g. NEAR/3)\n");
    }
    SUBCASE("NEAR with no right operand") {
      CHECK(diagnostics_of(in_codebook("  code t { label \"T\" match dana NEAR/3 }")) ==
            "3:40: error: expected a term after 'NEAR/3'\n");
    }
  }

  TEST_CASE("an unknown keyword is an error") {
    SUBCASE("in a code") {
      CHECK(diagnostics_of(
                in_codebook("  code standar {\n    lable id \"Standar\"\n    match aturan\n  }")) ==
            "4:5: error: unknown keyword 'lable' in code 'standar' (expected label, description, "
            "include, exclude, example, match, unless or code)\n");
    }
    SUBCASE("in a child code, named by its path") {
      CHECK(diagnostics_of(
                in_codebook("  code a { label \"A\"\n    code b { label \"B\" matches b }\n  }")) ==
            "4:24: error: unknown keyword 'matches' in code 'a/b' (expected label, description, "
            "include, exclude, example, match, unless or code)\n");
    }
    SUBCASE("in the codebook") {
      CHECK(diagnostics_of("codebook \"T\" {\n  langauge id\n}\n") ==
            "1:1: warning: no 'language' given: bare terms will match surface forms, without "
            "stemming (write e.g. language id, or language none)\n"
            "2:3: error: unknown keyword 'langauge' in the codebook (expected version, language, "
            "source, valence, negation, code or cue)\n");
    }
    SUBCASE("a keyword of another block") {
      CHECK(diagnostics_of("codebook \"T\" {\n  language none\n  match dana\n}\n") ==
            "3:3: error: 'match' is not allowed in the codebook (expected version, language, "
            "source, valence, negation, code or cue)\n");
    }
    SUBCASE("in a cue list") {
      CHECK(diagnostics_of(in_codebook("  cue obstacle { label \"x\" }")) ==
            "3:18: error: 'label' is not allowed in cue obstacle (expected match)\n");
    }
    SUBCASE("not a word at all") {
      CHECK(diagnostics_of(in_codebook("  code t { label \"T\" \"dana\" }")) ==
            "3:22: error: unexpected \"dana\" in code 't' (expected label, description, include, "
            "exclude, example, match, unless or code)\n");
    }
  }

  TEST_CASE("a missing term or operator is an error") {
    SUBCASE("after match") {
      CHECK(diagnostics_of(in_codebook("  code t { label \"T\" match }")) ==
            "3:28: error: expected a term after 'match'\n");
    }
    SUBCASE("after | at the end of a code") {
      CHECK(diagnostics_of(in_codebook("  code t { label \"T\" match a | }")) ==
            "3:32: error: expected a term after '|'\n");
    }
    SUBCASE("after AND, as written") {
      CHECK(diagnostics_of(in_codebook("  code t { label \"T\" match a and }")) ==
            "3:34: error: expected a term after 'and'\n");
    }
    SUBCASE("after !") {
      CHECK(diagnostics_of(in_codebook("  code t { label \"T\" match a & ! }")) ==
            "3:34: error: expected a term after '!'\n");
    }
    SUBCASE("an operator word where a term belongs") {
      CHECK(diagnostics_of(in_codebook("  code t { label \"T\" match dana | or }")) ==
            "3:35: error: expected a term after '|' ('or' is an operator; write \"or\" to match "
            "the word)\n");
    }
    SUBCASE("a keyword starting the next line after a dangling operator") {
      CHECK(diagnostics_of(in_codebook("  code t {\n    match dana |\n    label \"T\"\n  }")) ==
            "5:5: error: expected a term after '|' ('label' starts a new statement; write "
            "\"label\" to match the word)\n");
    }
    SUBCASE("two terms without an operator") {
      CHECK(diagnostics_of(in_codebook("  code t { label \"T\" match dana anggaran }")) ==
            "3:33: error: expected an operator (|, &, NEAR/n) before 'anggaran'\n");
    }
    SUBCASE("= without a word") {
      CHECK(diagnostics_of(in_codebook("  code t { label \"T\" match = SOP }")) ==
            "3:30: error: expected a word or a quoted word after '=' (e.g. =SOP)\n");
    }
  }

  TEST_CASE("errors in the header and the block structure") {
    SUBCASE("no codebook keyword") {
      CHECK(diagnostics_of("code t { label \"T\" match a }\n") ==
            "1:1: error: expected `codebook \"TITLE\" {` at the start of the file, found 'code'\n");
    }
    SUBCASE("no title") {
      CHECK(diagnostics_of("codebook {\n  language none\n  code t { label \"T\" match a }\n}\n") ==
            "1:10: error: expected the codebook's title in quotes after 'codebook' (e.g. "
            "codebook \"Faktor implementasi\" {)\n");
    }
    SUBCASE("no '{' after the title") {
      CHECK(diagnostics_of(
                "codebook \"T\"\n  language none\n  code t { label \"T\" match a }\n}\n") ==
            "1:13: error: expected '{' after the codebook's title\n");
    }
    SUBCASE("the codebook never closed") {
      CHECK(
          diagnostics_of("codebook \"T\" {\n  language none\n  code t { label \"T\" match a }\n") ==
          "3:31: error: expected '}' to close the codebook opened at 1:1\n");
    }
    SUBCASE("a code never closed, blamed where the next code is indented like its sibling") {
      CHECK(diagnostics_of(
                in_codebook("  code a { label \"A\" match a\n  code b { label \"B\" match b }")) ==
            "4:3: error: expected '}' to close code 'a' opened at 3:3: this 'code' is indented "
            "like its sibling\n");
    }
    SUBCASE("text after the codebook") {
      CHECK(diagnostics_of(in_codebook("  code t { label \"T\" match a }") + "}\n") ==
            "5:1: error: unexpected '}' after the end of the codebook (its '}' is at 4:1)\n");
    }
    SUBCASE("a code without an id") {
      CHECK(diagnostics_of(in_codebook("  code { label \"T\" match a }")) ==
            "3:8: error: expected a code id after 'code' (e.g. code dana {)\n");
    }
    SUBCASE("a code id followed by more words") {
      CHECK(diagnostics_of(in_codebook("  code sumber daya { label \"T\" match a }")) ==
            "3:15: error: expected '{' after 'code sumber'\n");
    }
  }

  TEST_CASE("errors in settings") {
    SUBCASE("valence scope") {
      CHECK(diagnostics_of(in_codebook("  valence scope paragraph")) ==
            "3:17: error: expected 'sentence' or 'unit' after 'valence scope'\n");
      CHECK(diagnostics_of(in_codebook("  valence sentence")) ==
            "3:11: error: expected 'scope' after 'valence' (e.g. valence scope sentence)\n");
    }
    SUBCASE("negation window") {
      CHECK(diagnostics_of(in_codebook("  negation window three")) ==
            "3:19: error: expected a number after 'negation window' (e.g. negation window 3)\n");
      CHECK(diagnostics_of(in_codebook("  negation window 0")) ==
            "3:19: error: negation window 0: the window must be a positive number of tokens "
            "(e.g. negation window 3)\n");
      CHECK(diagnostics_of(in_codebook("  negation 3")) ==
            "3:12: error: expected 'window' or '{' after 'negation' (e.g. negation window 3)\n");
    }
    SUBCASE("cue kind") {
      CHECK(diagnostics_of(in_codebook("  cue hindrance { match x }")) ==
            "3:7: error: expected 'obstacle' or 'support' after 'cue'\n");
    }
    SUBCASE("version and source need quotes") {
      CHECK(diagnostics_of(in_codebook("  version 1.0")) ==
            "3:11: error: expected the version in quotes after 'version' (e.g. version \"1.0\")\n");
      CHECK(diagnostics_of(in_codebook("  source Edward")) ==
            "3:10: error: expected the source in quotes after 'source'\n");
    }
    SUBCASE("notes and examples need quotes") {
      CHECK(diagnostics_of(in_codebook("  code t { label \"T\" include rules match a }")) ==
            "3:30: error: expected the note in quotes after 'include'\n");
      CHECK(diagnostics_of(in_codebook("  code t { label \"T\" example match a }")) ==
            "3:30: error: expected the example in quotes after 'example'\n");
    }
    SUBCASE("a label without quotes") {
      CHECK(diagnostics_of(in_codebook("  code t { label id Dana match a }")) ==
            "3:21: error: expected the label in quotes after 'label id'\n");
    }
  }

  TEST_CASE("a statement given twice is an error") {
    SUBCASE("a setting") {
      CHECK(diagnostics_of("codebook \"T\" {\n  language none\n  language id\n}\n") ==
            "3:3: error: duplicate 'language' (the first is at 2:3)\n");
    }
    SUBCASE("a label in the same language, a description") {
      CHECK(
          diagnostics_of(in_codebook("  code t { label en \"A\" label en \"B\" description \"x\"\n"
                                     "    description \"y\" match a }")) ==
          "3:25: error: duplicate 'label en' in code 't' (the first is at 3:12)\n"
          "4:5: error: duplicate 'description' in code 't' (the first is at 3:38)\n");
    }
    SUBCASE("a cue list") {
      CHECK(diagnostics_of(in_codebook("  code t { label \"T\" match a }\n"
                                       "  cue obstacle { match x }\n  cue obstacle { match y }")) ==
            "5:3: error: duplicate 'cue obstacle' block (the first is at 4:3)\n");
    }
  }

  TEST_CASE("every syntax error is reported, then the checks run on what was read") {
    const ParseResult result = parse_codebook(R"(codebook "T" {
  language id
  code standar {
    lable id "Standar"
    match (aturan | juknis
  }
  code sumberdaya {
    label id "Sumber daya"
    code dana { label id "Dana" match dana NEAR/ anggaran }
    code dana { label id "Anggaran" match anggaran }
    code sdm { match sdm }
  }
  code Sarana { label id "Sarana" match sarana }
}
)",
                                              "test.kcb");
    CHECK_FALSE(result.codebook.has_value());
    CHECK(diagnostics(result) ==
          "4:5: error: unknown keyword 'lable' in code 'standar' (expected label, description, "
          "include, exclude, example, match, unless or code)\n"
          "5:27: error: expected ')' to close the '(' at 5:11\n"
          "9:50: error: expected a number after NEAR/ (e.g. NEAR/3)\n"
          "10:10: error: duplicate code id 'dana' in 'sumberdaya' (first defined at 9:10)\n"
          "11:10: error: code 'sumberdaya/sdm' has no label in the codebook's language 'id' (add "
          "label id \"…\")\n"
          "13:8: error: invalid code id 'Sarana' (use only lowercase letters a-z, digits 0-9, '_' "
          "and '-')\n");
  }

  TEST_CASE("recovery resumes at a keyword of the block on the same line") {
    CHECK(diagnostics_of(in_codebook("  code t { lable \"T\" label \"T\" match a }\n"
                                     "  code u { label \"U\" match b | }")) ==
          "3:12: error: unknown keyword 'lable' in code 't' (expected label, description, include, "
          "exclude, example, match, unless or code)\n"
          "4:32: error: expected a term after '|'\n");
  }

  TEST_CASE("nesting is bounded") {
    SUBCASE("parentheses and negations") {
      const std::string deep = std::string(101, '(') + "a" + std::string(101, ')');
      CHECK(diagnostics_of(in_codebook("  code t { label \"T\" match " + deep + " }")) ==
            "3:128: error: expression nested more than 100 levels deep (in '(' and '!')\n");
      const std::string nots =
          std::string(60, '!') + std::string(50, '(') + "a" + std::string(50, ')');
      CHECK(diagnostics_of(in_codebook("  code t { label \"T\" match " + nots + " }")) ==
            "3:128: error: expression nested more than 100 levels deep (in '(' and '!')\n");
    }
    SUBCASE("codes") {
      std::string codes;
      for (int depth = 1; depth <= 33; ++depth) {
        codes += "code c" + std::to_string(depth) + " { label \"C\"\n";
      }
      codes += "match x\n" + std::string(33, '}');
      CHECK(diagnostics_of(in_codebook(codes)) ==
            "35:1: error: codes nested more than 32 levels deep\n");
    }
  }

  TEST_CASE("a codebook with 20,000 terms parses completely") {
    std::string text = "codebook \"Big\" {\n  language none\n";
    for (int code = 0; code < 1000; ++code) {
      text += "  code c" + std::to_string(code) + " {\n    label \"C\"\n";
      for (int line = 0; line < 4; ++line) {
        text += "    match";
        for (int term = 0; term < 5; ++term) {
          text += (term == 0 ? " w" : " | w") + std::to_string(code) + "x" + std::to_string(line) +
                  "y" + std::to_string(term);
        }
        text += "\n";
      }
      text += "  }\n";
    }
    text += "}\n";
    const Codebook codebook = parse_clean(text);
    std::size_t terms = 0;
    for (const Code* code : all_codes(codebook)) {
      terms += count_terms(*code->match);
    }
    CHECK(codebook.codes.size() == 1000);
    CHECK(terms == 20000);
    CHECK(codebook.codes[999].match->operands[19].where == SourceLocation{7001, 55});
  }
}
