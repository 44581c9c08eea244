#pragma once

#include "koda/codebook/codebook.hpp"

#include <vector>

// Internal to lib/koda/codebook: the checks run on a codebook after parsing.
namespace koda::codebook::detail {

// What the parser knows that the model does not keep.
struct ParseFacts {
  bool language_given = false;
  SourceLocation language_at;                   // the language name in `language NAME`
  std::vector<SourceLocation> incomplete_codes; // codes with a syntax error inside
};

// Appends to `diagnostics` every semantic problem of `codebook`; `facts` come from the parser.
void check_codebook(const Codebook& codebook, const ParseFacts& facts, Strictness strictness,
                    std::vector<Diagnostic>& diagnostics);

} // namespace koda::codebook::detail
