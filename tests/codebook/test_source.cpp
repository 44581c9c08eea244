#include "helpers.hpp"
#include "koda/codebook/codebook.hpp"
#include "koda/codebook/source.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace codebook_test;
using koda::codebook::detail::SourceText;

namespace {

std::string formatted(std::string_view text, SourceLocation where,
                      Diagnostic::Severity severity = Diagnostic::Severity::error) {
  return format_diagnostic({severity, where, "expected something"}, text, "cb/x.kcb");
}

} // namespace

TEST_SUITE("codebook::source") {
  TEST_CASE("a diagnostic shows file:line:column, the source line and a caret") {
    SUBCASE("an error") {
      CHECK(formatted("codebook \"T\" {\n  code a { match (a | b }\n}\n", {2, 25}) ==
            "cb/x.kcb:2:25: error: expected something\n"
            "  code a { match (a | b }\n"
            "                        ^\n");
    }
    SUBCASE("a warning") {
      CHECK(formatted("match dana\n", {1, 7}, Diagnostic::Severity::warning) ==
            "cb/x.kcb:1:7: warning: expected something\nmatch dana\n      ^\n");
    }
    SUBCASE("tabs are kept so the caret lines up") {
      CHECK(formatted("\tcode a {\tmatch ( }\n", {1, 18}) ==
            "cb/x.kcb:1:18: error: expected something\n\tcode a {\tmatch ( }\n\t        \t       "
            "^\n");
    }
    SUBCASE("wide characters take two cells, combining marks none") {
      CHECK(formatted("match 研修 | e\xCC\x81x ?\n", {1, 16}) ==
            "cb/x.kcb:1:16: error: expected something\nmatch 研修 | e\xCC\x81x ?\n"
            "                ^\n");
    }
    SUBCASE("bytes that are not UTF-8 are shown as U+FFFD") {
      CHECK(formatted("label \"caf\xE9\"\n", {1, 11}) ==
            "cb/x.kcb:1:11: error: expected something\nlabel \"caf\xEF\xBF\xBD\"\n          ^\n");
    }
    SUBCASE("a column just past the end of the line") {
      CHECK(formatted("match (a\n", {1, 9}) ==
            "cb/x.kcb:1:9: error: expected something\nmatch (a\n        ^\n");
    }
    SUBCASE("a CR before the LF is not shown") {
      CHECK(formatted("match (a\r\nx\r\n", {1, 9}) ==
            "cb/x.kcb:1:9: error: expected something\nmatch (a\n        ^\n");
    }
    SUBCASE("a line past the end of the text is empty") {
      CHECK(formatted("", {1, 1}) == "cb/x.kcb:1:1: error: expected something\n\n^\n");
    }
  }

  TEST_CASE("offsets become lines and code-point columns") {
    const std::string text = "ab\nđào x\n\nz";
    const SourceText source(text);
    SUBCASE("in order") {
      CHECK(source.locate(0) == SourceLocation{1, 1});
      CHECK(source.locate(2) == SourceLocation{1, 3});
      CHECK(source.locate(3) == SourceLocation{2, 1});
      CHECK(source.locate(text.find('x')) == SourceLocation{2, 5});
      CHECK(source.locate(text.find('z')) == SourceLocation{4, 1});
      CHECK(source.locate(text.size()) == SourceLocation{4, 2});
    }
    SUBCASE("backwards and forwards again") {
      CHECK(source.locate(text.find('x')) == SourceLocation{2, 5});
      CHECK(source.locate(1) == SourceLocation{1, 2});
      CHECK(source.locate(text.find('x')) == SourceLocation{2, 5});
    }
    SUBCASE("lines and the inverse") {
      CHECK(source.line(2) == "đào x");
      CHECK(source.line(3) == "");
      CHECK(source.line(9) == "");
      CHECK(source.offset_of({2, 5}) == text.find('x'));
      CHECK(SourceText::cite({12, 3}) == "12:3");
    }
    SUBCASE("a byte-order mark is not a column") {
      const std::string with_bom = "\xEF\xBB\xBF"
                                   "ab";
      const SourceText bom(with_bom);
      CHECK(bom.locate(3) == SourceLocation{1, 1});
      CHECK(bom.locate(4) == SourceLocation{1, 2});
      CHECK(bom.line(1) == "ab");
    }
  }

  TEST_CASE("codebooks with a byte-order mark or CRLF line ends parse") {
    SUBCASE("a byte-order mark") {
      CHECK(diagnostics_of("\xEF\xBB\xBF"
                           "codebook {\n  language none\n"
                           "  code a { label \"A\" match a }\n}\n") ==
            "1:10: error: expected the codebook's title in quotes after 'codebook' (e.g. codebook "
            "\"Faktor implementasi\" {)\n");
      parse_clean("\xEF\xBB\xBF" + in_codebook("  code a { label \"A\" match a }"));
    }
    SUBCASE("CRLF") {
      parse_clean("codebook \"T\" {\r\n  language none\r\n  code a {\r\n    label \"A\"\r\n"
                  "    match a |\r\n      b\r\n  }\r\n}\r\n");
      CHECK(diagnostics_of("codebook \"T\" {\r\n  language none\r\n  code a { label \"A\r\n"
                           "    match a }\r\n}\r\n") ==
            "3:20: error: unterminated string: the '\"' at 3:18 is never closed\n");
    }
  }
}
