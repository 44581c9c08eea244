#include "koda/codebook/codebook.hpp"

#include <algorithm>

namespace koda::codebook {
namespace {

void collect(const std::vector<Code>& codes, std::vector<const Code*>& out) {
  for (const Code& code : codes) {
    out.push_back(&code);
    collect(code.children, out);
  }
}

} // namespace

const std::string& Code::label(std::string_view language) const {
  const auto found = std::find_if(labels.begin(), labels.end(),
                                  [&](const Label& label) { return label.language == language; });
  if (found != labels.end()) {
    return found->text;
  }
  return labels.empty() ? id : labels.front().text;
}

std::vector<const Code*> all_codes(const Codebook& codebook) {
  std::vector<const Code*> codes;
  collect(codebook.codes, codes);
  return codes;
}

std::size_t count_terms(const Expr& expr) {
  if (expr.op == Op::term) {
    return 1;
  }
  std::size_t count = 0;
  for (const Expr& operand : expr.operands) {
    count += count_terms(operand);
  }
  return count;
}

bool ParseResult::ok() const {
  return codebook.has_value() &&
         std::none_of(diagnostics.begin(), diagnostics.end(), [this](const Diagnostic& d) {
           return d.severity == Diagnostic::Severity::error || strictness == Strictness::strict;
         });
}

} // namespace koda::codebook
