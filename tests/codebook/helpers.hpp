#pragma once

#include "koda/codebook/codebook.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

// Shows a SourceLocation as `line:column` in failed checks.
template <> struct doctest::StringMaker<koda::codebook::SourceLocation> {
  static doctest::String convert(const koda::codebook::SourceLocation& where) {
    return (std::to_string(where.line) + ":" + std::to_string(where.column)).c_str();
  }
};

// Helpers shared by the codebook tests: expressions and diagnostics as one-line strings, so
// a test asserts a whole tree or a whole message at once.
namespace codebook_test {

using namespace koda::codebook;

// `expr` in a compact prefix notation: any(a, all(b, not(c))), near3(a, b); terms as
// written: a, "a b", =a, a*, /re/i.
inline std::string tree(const Expr& expr) {
  if (expr.op == Op::term) {
    const Term& term = expr.term;
    switch (term.kind) {
    case TermKind::stem:
      return term.text;
    case TermKind::phrase:
      return "\"" + term.text + "\"";
    case TermKind::surface:
      return "=" + term.text;
    case TermKind::prefix:
      return term.text + "*";
    case TermKind::regex:
      return "/" + term.text + "/" + term.flags;
    }
  }
  std::string name = expr.op == Op::any_of    ? "any"
                     : expr.op == Op::all_of  ? "all"
                     : expr.op == Op::none_of ? "not"
                                              : "near" + std::to_string(expr.distance);
  std::string out = name + "(";
  for (std::size_t i = 0; i < expr.operands.size(); ++i) {
    out += (i == 0 ? "" : ", ") + tree(expr.operands[i]);
  }
  return out + ")";
}

// Every diagnostic of `result` as `line:column: severity: message`, one per line.
inline std::string diagnostics(const ParseResult& result) {
  std::string out;
  for (const Diagnostic& d : result.diagnostics) {
    out += std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " +
           (d.severity == Diagnostic::Severity::error ? "error" : "warning") + ": " + d.message +
           "\n";
  }
  return out;
}

// The diagnostics of parsing `text` (see diagnostics()).
inline std::string diagnostics_of(std::string_view text,
                                  Strictness strictness = Strictness::normal) {
  return diagnostics(parse_codebook(text, "test.kcb", strictness));
}

// `body` inside a codebook header with `language none`: the place for statements under test.
inline std::string in_codebook(std::string_view body) {
  return "codebook \"T\" {\n  language none\n" + std::string(body) + "\n}\n";
}

// Parses `text`, requiring a codebook and no diagnostic at all.
inline Codebook parse_clean(std::string_view text) {
  const ParseResult result = parse_codebook(text, "test.kcb");
  INFO(diagnostics(result));
  REQUIRE(result.codebook.has_value());
  CHECK(result.diagnostics.empty());
  return *result.codebook;
}

// The tree of `match EXPR` in a one-code codebook without stemming (language none),
// requiring the diagnostics to be exactly `expected_diagnostics` (see diagnostics()).
inline std::string match_tree(std::string_view expr, std::string_view expected_diagnostics = "") {
  const ParseResult result = parse_codebook(
      in_codebook("  code t { label \"T\" match " + std::string(expr) + " }"), "test.kcb");
  CHECK(diagnostics(result) == expected_diagnostics);
  REQUIRE(result.codebook.has_value());
  REQUIRE(result.codebook->codes.size() == 1);
  REQUIRE(result.codebook->codes[0].match.has_value());
  return tree(*result.codebook->codes[0].match);
}

} // namespace codebook_test
