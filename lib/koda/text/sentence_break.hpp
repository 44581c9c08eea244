#pragma once

// Private to lib/koda/text (and its tests): sentence boundaries of pure-ASCII text by the
// rules of UAX #29 "Sentence Boundaries", which ICU's root sentence rules implement. Most
// units are ASCII, and this finds the same boundaries as ICU's BreakIterator at a small
// fraction of its cost; tests/text/test_sentence_break.cpp compares the two.

#include <cstddef>
#include <string_view>
#include <vector>

namespace koda::text::detail {

// Whether ICU's Sentence_Break classes of ASCII characters are the ones these rules
// expect (no ASCII character is Sep, Format, Extend or OLetter). If a later ICU changed
// that, sentences go through ICU.
bool ascii_sentence_rules_apply();

// Appends to `boundaries` every sentence boundary of the ASCII `text`, in order: 0, the
// boundaries inside, and text.size() (only 0 when `text` is empty).
void ascii_sentence_boundaries(std::string_view text, std::vector<std::size_t>& boundaries);

} // namespace koda::text::detail
