#pragma once

#include "koda/codebook/codebook.hpp"

#include <string>

namespace koda::codebook {

// `term` written back in codebook syntax: `aturan`, `=SOP`, `sosialisasi*`,
// `"petunjuk teknis"`, `/RT\s*\d+/i`.
std::string to_source(const Term& term);

// `expr` written back in codebook syntax with the fewest parentheses that keep its meaning
// (precedence NOT > NEAR > AND > OR); parsing the result gives the same tree.
std::string to_source(const Expr& expr);

// Every term of `expr`, in order of appearance.
std::vector<const Term*> terms_of(const Expr& expr);

} // namespace koda::codebook
