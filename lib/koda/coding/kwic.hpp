#pragma once

#include "koda/codebook/codebook.hpp"
#include "koda/coding/coding.hpp"
#include "koda/corpus/document.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace koda::coding {

// A one-term codebook built from a search expression in codebook term syntax, so that
// `koda kwic` finds exactly what a `match` line with that expression would.
struct SearchExpression {
  codebook::Codebook codebook;
};

// Parses `expression` (e.g. `laksana`, `"sumber daya" | sdm`, `dana NEAR/3 cair`) with the
// stemmer of `language`. Throws koda::Error with the parser's message and a caret under
// the fault when it is not a valid expression.
SearchExpression parse_search(std::string_view expression, std::string_view language);

// One occurrence in context.
struct Concordance {
  std::size_t unit = 0;
  Span match;       // byte offsets into the document text
  std::string left; // up to N words before the match, on one line
  std::string keyword;
  std::string right; // up to N words after the match, on one line
};

// Every occurrence in `coding`'s evidence with `words` words of context either side, taken
// from the unit's tokens (`segmenter` is reused).
std::vector<Concordance> concordance(const corpus::Document& doc, const Coding& coding,
                                     std::size_t words, text::WordSegmenter& segmenter);

} // namespace koda::coding
