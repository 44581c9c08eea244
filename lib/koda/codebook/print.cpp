#include "koda/codebook/print.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace koda::codebook {
namespace {

int precedence(const Expr& expr) {
  switch (expr.op) {
  case Op::any_of:
    return 1;
  case Op::all_of:
    return 2;
  case Op::near:
    return 3;
  case Op::none_of:
    return 4;
  case Op::term:
    return 5;
  }
  return 5;
}

bool is_keyword(std::string_view word) {
  std::string lower(word);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower == "or" || lower == "and" || lower == "not" || lower == "near" ||
         lower.rfind("near/", 0) == 0;
}

// Whether `word` can be written without quotes: letters, digits and the joiners the
// grammar allows inside a bare word, starting with a letter or digit.
bool is_bare(std::string_view word) {
  if (word.empty() || is_keyword(word))
    return false;
  auto first = static_cast<unsigned char>(word.front());
  if (!(std::isalnum(first) || first >= 0x80))
    return false;
  return std::all_of(word.begin(), word.end(), [](char ch) {
    auto c = static_cast<unsigned char>(ch);
    return std::isalnum(c) || c >= 0x80 || c == '-' || c == '_' || c == '\'' || c == '.';
  });
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\')
      out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

std::string word_or_quoted(std::string_view word) {
  return is_bare(word) ? std::string(word) : quoted(word);
}

void collect_terms(const Expr& expr, std::vector<const Term*>& out) {
  if (expr.op == Op::term) {
    out.push_back(&expr.term);
    return;
  }
  for (const Expr& operand : expr.operands)
    collect_terms(operand, out);
}

std::string operand_source(const Expr& operand, const Expr& parent) {
  bool parens = precedence(operand) < precedence(parent) ||
                (parent.op == Op::near && operand.op == Op::near) ||
                (parent.op == operand.op && parent.op != Op::none_of);
  std::string inner = to_source(operand);
  return parens ? fmt::format("({})", inner) : inner;
}

} // namespace

std::string to_source(const Term& term) {
  switch (term.kind) {
  case TermKind::stem:
    return word_or_quoted(term.text);
  case TermKind::surface:
    return fmt::format("={}", word_or_quoted(term.text));
  case TermKind::prefix:
    return fmt::format("{}*", term.text);
  case TermKind::phrase:
    return quoted(term.text);
  case TermKind::regex: {
    std::string out = "/";
    for (char c : term.text) {
      if (c == '/')
        out += '\\';
      out += c;
    }
    out += '/';
    out += term.flags;
    return out;
  }
  }
  return term.text;
}

std::string to_source(const Expr& expr) {
  switch (expr.op) {
  case Op::term:
    return to_source(expr.term);
  case Op::none_of:
    return fmt::format("!{}", operand_source(expr.operands.at(0), expr));
  case Op::near:
    return fmt::format("{} NEAR/{} {}", operand_source(expr.operands.at(0), expr), expr.distance,
                       operand_source(expr.operands.at(1), expr));
  case Op::any_of:
  case Op::all_of: {
    std::string out;
    for (const Expr& operand : expr.operands) {
      if (!out.empty())
        out += expr.op == Op::any_of ? " | " : " & ";
      out += operand_source(operand, expr);
    }
    return out;
  }
  }
  return "";
}

std::vector<const Term*> terms_of(const Expr& expr) {
  std::vector<const Term*> out;
  collect_terms(expr, out);
  return out;
}

} // namespace koda::codebook
