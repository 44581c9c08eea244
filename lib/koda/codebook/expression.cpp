// Building match expressions from what the grammar reads.
//
// The model keeps expressions flat: `a | (b | c)` and three `match` lines are one any_of
// with all the alternatives as operands, so that a matcher, an exporter or a count of
// terms sees the structure the researcher meant rather than the order the parser met it.
//
// A term's words are cut by the same ICU word segmenter that cuts documents into tokens,
// so the two agree on what a word is: `sumber-daya` is two tokens in a transcript, so the
// bare term `sumber-daya` is the phrase `sumber daya`; `Rp.` is the token `Rp`. Plain ASCII
// words, the bulk of any codebook, skip ICU.

#include "koda/codebook/expression.hpp"

#include <algorithm>

namespace koda::codebook::detail {
namespace {

bool is_ascii_word(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

} // namespace

void join_into(Expr& left, Op op, Expr right) {
  if (left.op != op) {
    Expr joined;
    joined.op = op;
    joined.where = left.where;
    joined.operands.push_back(std::move(left));
    left = std::move(joined);
  }
  if (right.op == op) {
    for (Expr& operand : right.operands) {
      left.operands.push_back(std::move(operand));
    }
  } else {
    left.operands.push_back(std::move(right));
  }
}

std::optional<Expr> any_of_lines(std::vector<Expr> lines) {
  if (lines.empty()) {
    return std::nullopt;
  }
  Expr joined = std::move(lines.front());
  for (std::size_t i = 1; i < lines.size(); ++i) {
    join_into(joined, Op::any_of, std::move(lines[i]));
  }
  return joined;
}

void split_words(Expr& expr, text::WordSegmenter& segmenter) {
  for (Expr& operand : expr.operands) {
    split_words(operand, segmenter);
  }
  Term& term = expr.term;
  if (expr.op != Op::term || term.kind == TermKind::regex) {
    return;
  }
  if (is_ascii_word(term.text)) {
    term.words = {term.text};
  } else {
    for (const text::Span span : segmenter.words(term.text)) {
      term.words.emplace_back(term.text.substr(span.start, span.end - span.start));
    }
  }
  if (term.kind == TermKind::stem && term.words.size() > 1) {
    term.kind = TermKind::phrase;
  }
}

} // namespace koda::codebook::detail
