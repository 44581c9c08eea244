#pragma once

// Private to lib/koda/text (and its tests): sentence boundaries by the rules of UAX #29
// "Sentence Boundaries", which ICU's root sentence rules implement, with each character's
// Sentence_Break class taken from ICU. The same boundaries as ICU's BreakIterator at a small
// fraction of its cost; tests/text/test_sentence_break.cpp compares the two.

#include <cstddef>
#include <string_view>
#include <vector>

namespace koda::text::detail {

// Appends to `boundaries` every sentence boundary of the valid UTF-8 `text`, in order: 0,
// the boundaries inside, and text.size() (only 0 when `text` is empty).
void sentence_boundaries(std::string_view text, std::vector<std::size_t>& boundaries);

// The part of those from the last boundary at or before byte `from` to the first at or after
// byte `to` (or text.size()), found without reading the text much before or after.
void sentence_boundaries(std::string_view text, std::size_t from, std::size_t to,
                         std::vector<std::size_t>& boundaries);

} // namespace koda::text::detail
