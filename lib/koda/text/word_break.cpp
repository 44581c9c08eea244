// Word tokens at the speed of a byte scan, with ICU's boundaries.
//
// ICU's word BreakIterator is most of the cost of tokenising (PERFORMANCE.md), yet nearly
// all of koda's text is ASCII, where ICU's rules are simple. So ASCII stretches are
// tokenised here, and only stretches holding a non-ASCII byte go to ICU. The output must be
// exactly ICU's — the same spans and rule statuses — and the argument is below; a
// differential test against the pure-ICU path (tests/text/test_word_break.cpp) checks it on
// generated text and must be rerun whenever ICU is upgraded.
//
// 1. ICU 72's root word rules (word.txt; `!!chain`, longest match) restricted to ASCII.
//    Classes: letters A–Z a–z and `@` (ICU adds `@` to ALetter), digits, `_`
//    (ExtendNumLet), `.` (MidNumLet), `'` (Single_Quote), `,` `;` (MidNum), space
//    (WSegSpace), CR, LF, VT and FF (Newline); everything else, including `:` (which ICU
//    removes from MidLetter) and `"` (Double_Quote, used only with Hebrew letters), is Other.
//    No ASCII character is Extend, Format, ZWJ, Extended_Pictographic, Katakana, Hebrew or
//    Regional_Indicator. What remains, with tags:
//        L {200}   N {100}   L L   N N   L N   N L   L (. | ') L {200}   N (. | ' | , | ;) N
//        L _ {200}   N _ {100}   _ _ {200}   _ L {200}   _ N {100}   any single char {0}
//    Chaining lets a match that ends in a character continue with any rule starting with that
//    character's class. So letters, digits and `_` join in any order; `.` or `'` joins two
//    letters and `.` `'` `,` `;` join two digits, when the character after it is of the same
//    class as the one before (otherwise the token ends before it); nothing else joins. A
//    token's status is that of the rules ending at its last character: 200 after a letter,
//    100 after a digit; after `_` it is 100 when a digit precedes and 200 otherwise. A lone
//    `_` matches only the single-character rule, status 0: not a token.
// 2. Splitting the text. ICU always breaks before ASCII white space (no rule has white space
//    after another class) and after it, unless Extend, Format or ZWJ characters follow, which
//    attach to it (WB4) and can even pull a following word into the same segment
//    (" \u200D\u24C2y" is one letter segment). Those characters are non-ASCII. So a region
//    handed to ICU is a run of white-space-separated chunks that contain non-ASCII bytes,
//    extended left over the white space before it: its left edge follows an ASCII
//    non-white-space character or the text start, where ICU always breaks, and its right edge
//    precedes ASCII white space, where ICU always breaks. ICU's rules look ahead by at most
//    one character and never across white space, and its dictionary engines (CJK, Thai) work
//    on runs of dictionary characters, which white space ends, so ICU finds the same
//    boundaries in the region as in the whole text. Outside regions the text is ASCII and
//    (1) applies.
// 3. Some non-ASCII punctuation is as common as ASCII punctuation in documents that went
//    through a word processor: no-break space, « », en and em dash, “ ”, bullet and
//    ellipsis (other_punctuation_length). Each has Word_Break=Other and is not
//    Extended_Pictographic (tests/text/test_word_break.cpp asks ICU), so no rule joins it
//    to anything: ICU breaks before and after it, as for an ASCII Other character, unless
//    Extend, Format or ZWJ characters follow (WB4). Those are non-ASCII and not among
//    these marks, so they end the stretch, and their region, extended left over their
//    chunk as in (2), takes the mark with it. So the bit-mask scan reads these marks as
//    Other bytes, and only other non-ASCII text goes to ICU. (The benchmark corpus has a
//    dash or curly quote every 1.6 KB; handing each chunk to ICU cost 4 % of `koda freq`.)
#include "koda/text/word_break.hpp"

#include "koda/error.hpp"
#include "koda/text/ascii.hpp"

#include <fmt/format.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <utility>

namespace koda::text::detail {
namespace {

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) {
    throw Error(fmt::format("ICU cannot {}: {}", what, u_errorName(status)));
  }
}

// A stretch of text that goes to ICU, [start, end).
struct Region {
  std::size_t start;
  std::size_t end;
};

// The end of the white-space-delimited chunk that starts at `from`, and whether it holds a
// non-ASCII byte.
std::pair<std::size_t, bool> scan_chunk(std::string_view text, std::size_t from) {
  bool non_ascii = false;
  std::size_t end = from;
  for (; end < text.size() && !is_ascii_space(text[end]); ++end) {
    non_ascii |= static_cast<unsigned char>(text[end]) >= 0x80;
  }
  return {end, non_ascii};
}

// The region around the non-ASCII byte at `non_ascii`, starting no earlier than `floor`
// (see point 2 of the essay above).
Region icu_region(std::string_view text, std::size_t floor, std::size_t non_ascii) {
  std::size_t start = non_ascii;
  while (start > floor && !is_ascii_space(text[start - 1])) {
    --start;
  }
  while (start > floor && is_ascii_space(text[start - 1])) {
    --start;
  }
  std::size_t end = scan_chunk(text, non_ascii).first;
  for (;;) {
    std::size_t next = end;
    while (next < text.size() && is_ascii_space(text[next])) {
      ++next;
    }
    const auto [chunk_end, chunk_is_non_ascii] = scan_chunk(text, next);
    if (next == text.size() || !chunk_is_non_ascii) {
      return {start, end};
    }
    end = chunk_end;
  }
}

} // namespace

void append_ascii_tokens(std::string_view text, std::size_t base, std::vector<WordToken>& tokens) {
  for_each_ascii_token(text, base, [&](const WordToken& token) { tokens.push_back(token); });
}

WordBreaker::WordBreaker() {
  UErrorCode status = U_ZERO_ERROR;
  m_iterator.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  check(status, "create a word break iterator");
}

WordBreaker::~WordBreaker() { utext_close(m_utext); }

WordBreaker::WordBreaker(WordBreaker&& other) noexcept
    : m_iterator(std::move(other.m_iterator)), m_utext(std::exchange(other.m_utext, nullptr)) {}

WordBreaker& WordBreaker::operator=(WordBreaker&& other) noexcept {
  if (this != &other) {
    utext_close(m_utext);
    m_iterator = std::move(other.m_iterator);
    m_utext = std::exchange(other.m_utext, nullptr);
  }
  return *this;
}

std::size_t WordBreaker::next_non_ascii(std::string_view text, std::size_t from) {
  return from + ascii_prefix_length(text.substr(from));
}

std::pair<std::size_t, std::size_t>
WordBreaker::icu_stretch(std::string_view text, std::size_t floor, std::size_t non_ascii) {
  const Region region = icu_region(text, floor, non_ascii);
  return {region.start, region.end};
}

void WordBreaker::tokens(std::string_view text, std::vector<WordToken>& tokens) {
  tokens.clear();
  for_each_token(text, [&](const WordToken& token) { tokens.push_back(token); });
}

void WordBreaker::icu_tokens(std::string_view text, std::vector<WordToken>& tokens) {
  tokens.clear();
  append_icu_tokens(text, 0, tokens);
}

void WordBreaker::append_icu_tokens(std::string_view text, std::size_t base,
                                    std::vector<WordToken>& tokens) {
  if (text.empty()) {
    return;
  }
  if (text.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
    throw Error(
        fmt::format("text of {} bytes is too long to segment (the limit is 2 GiB)", text.size()));
  }
  UErrorCode status = U_ZERO_ERROR;
  m_utext = utext_openUTF8(m_utext, text.data(), static_cast<int64_t>(text.size()), &status);
  check(status, "read UTF-8 text");
  m_iterator->setText(m_utext, status);
  check(status, "set the text of a break iterator");
  int32_t start = m_iterator->first();
  for (int32_t end = m_iterator->next(); end != icu::BreakIterator::DONE;
       start = end, end = m_iterator->next()) {
    const int32_t rule_status = m_iterator->getRuleStatus();
    if (rule_status >= UBRK_WORD_NONE_LIMIT) {
      tokens.push_back({base + static_cast<std::size_t>(start),
                        base + static_cast<std::size_t>(end), rule_status});
    }
  }
}

} // namespace koda::text::detail
