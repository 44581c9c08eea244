#include "koda/coding/kwic.hpp"

#include "koda/error.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace koda::coding {
namespace {

// The line of the wrapper codebook holding the expression, and the column it starts at.
constexpr std::size_t k_expression_line = 3;
constexpr std::size_t k_expression_column = 9;

std::string one_line(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (blank && space)
      continue;
    out += blank ? ' ' : c;
    space = blank;
  }
  std::size_t first = out.find_first_not_of(' ');
  if (first == std::string::npos)
    return "";
  return out.substr(first, out.find_last_not_of(' ') + 1 - first);
}

} // namespace

SearchExpression parse_search(std::string_view expression, std::string_view language) {
  if (expression.find('\n') != std::string_view::npos)
    throw Error("the search expression must be on one line");
  // The expression becomes the match of a one-code codebook, alone on line 3.
  std::string text = fmt::format("codebook \"kwic\" {{ language {} code kwic {{ label {} \"kwic\"\n"
                                 "\n"
                                 "  match {}\n}} }}\n",
                                 language, language, expression);
  codebook::ParseResult result = codebook::parse_codebook(text, "TERM");
  if (!result.ok() || !result.codebook) {
    std::string message;
    for (const codebook::Diagnostic& d : result.diagnostics) {
      if (d.severity != codebook::Diagnostic::Severity::error)
        continue;
      if (d.where.line == k_expression_line && d.where.column >= k_expression_column) {
        std::size_t column = d.where.column - k_expression_column;
        message += fmt::format("{}\n  {}\n  {}^", d.message, expression, std::string(column, ' '));
      } else {
        message += d.message;
      }
      break;
    }
    throw Error(fmt::format("search expression: {}", message.empty() ? "not valid" : message));
  }
  return SearchExpression{std::move(*result.codebook)};
}

std::vector<Concordance> concordance(const corpus::Document& doc, const Coding& coding,
                                     std::size_t words, text::WordSegmenter& segmenter) {
  const corpus::Unit& unit = doc.units[coding.unit];
  std::string_view text = doc.unit_text(unit);
  std::vector<text::Span> tokens = segmenter.words(text);
  std::vector<Concordance> lines;
  for (const Span& match : coding.matched) {
    std::size_t start = match.start - unit.start;
    std::size_t end = match.end - unit.start;
    // The first token at or after the match start, and the first token after its end.
    auto first = std::lower_bound(tokens.begin(), tokens.end(), start,
                                  [](const text::Span& t, std::size_t s) { return t.end <= s; });
    auto after = std::lower_bound(tokens.begin(), tokens.end(), end,
                                  [](const text::Span& t, std::size_t e) { return t.start < e; });
    std::size_t before_count = std::min<std::size_t>(words, first - tokens.begin());
    std::size_t after_count = std::min<std::size_t>(words, tokens.end() - after);
    std::size_t left_start = before_count ? (first - before_count)->start : start;
    std::size_t right_end = after_count ? (after + (after_count - 1))->end : end;
    Concordance line;
    line.unit = coding.unit;
    line.match = match;
    line.left = one_line(text.substr(left_start, start - left_start));
    line.keyword = one_line(text.substr(start, end - start));
    line.right = one_line(text.substr(end, right_end - end));
    lines.push_back(std::move(line));
  }
  return lines;
}

} // namespace koda::coding
