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

enum class CharClass : uint8_t {
  other,
  letter,       // A–Z, a–z, @
  digit,        // 0–9
  connector,    // _
  mid_num_let,  // .
  single_quote, // '
  mid_num,      // , ;
};

constexpr std::array<CharClass, 128> make_char_classes() {
  std::array<CharClass, 128> classes{};
  for (char c = 'A'; c <= 'Z'; ++c) {
    classes[static_cast<unsigned char>(c)] = CharClass::letter;
    classes[static_cast<unsigned char>(c + ('a' - 'A'))] = CharClass::letter;
  }
  for (char c = '0'; c <= '9'; ++c) {
    classes[static_cast<unsigned char>(c)] = CharClass::digit;
  }
  classes['@'] = CharClass::letter;
  classes['_'] = CharClass::connector;
  classes['.'] = CharClass::mid_num_let;
  classes['\''] = CharClass::single_quote;
  classes[','] = CharClass::mid_num;
  classes[';'] = CharClass::mid_num;
  return classes;
}

constexpr std::array<CharClass, 128> k_char_classes = make_char_classes();

CharClass class_of(char c) { return k_char_classes[static_cast<unsigned char>(c) & 0x7F]; }

int32_t token_status(CharClass last, CharClass before_last) {
  if (last == CharClass::digit ||
      (last == CharClass::connector && before_last == CharClass::digit)) {
    return UBRK_WORD_NUMBER;
  }
  return UBRK_WORD_LETTER;
}

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

namespace {

// Classes of 64 bytes, one bit per byte (bit i: byte i).
struct ClassMasks {
  std::uint64_t letter = 0;     // A–Z a–z @
  std::uint64_t digit = 0;      // 0–9
  std::uint64_t connector = 0;  // _
  std::uint64_t mid_any = 0;    // . '  (join two letters or two digits)
  std::uint64_t mid_digits = 0; // , ;  (join two digits)
};

#if defined(__SSE2__)
std::uint64_t bits_of(__m128i a, __m128i b, __m128i c, __m128i d) {
  return static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(a))) |
         static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(b))) << 16 |
         static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(c))) << 32 |
         static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(d))) << 48;
}

// The classes of the 64 ASCII bytes at `p`, sixteen at a time. ASCII bytes are
// non-negative as signed chars, so signed comparisons order them correctly.
ClassMasks classify(const unsigned char* p) {
  __m128i letter[4];
  __m128i digit[4];
  __m128i connector[4];
  __m128i mid_any[4];
  __m128i mid_digits[4];
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
    auto in_range = [](__m128i x, char lo, char hi) {
      return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(static_cast<char>(lo - 1))),
                           _mm_cmplt_epi8(x, _mm_set1_epi8(static_cast<char>(hi + 1))));
    };
    auto is = [&](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
    letter[k] = _mm_or_si128(in_range(lower, 'a', 'z'), is('@'));
    digit[k] = in_range(v, '0', '9');
    connector[k] = is('_');
    mid_any[k] = _mm_or_si128(is('.'), is('\''));
    mid_digits[k] = _mm_or_si128(is(','), is(';'));
  }
  return {bits_of(letter[0], letter[1], letter[2], letter[3]),
          bits_of(digit[0], digit[1], digit[2], digit[3]),
          bits_of(connector[0], connector[1], connector[2], connector[3]),
          bits_of(mid_any[0], mid_any[1], mid_any[2], mid_any[3]),
          bits_of(mid_digits[0], mid_digits[1], mid_digits[2], mid_digits[3])};
}
#else
ClassMasks classify(const unsigned char* p) {
  ClassMasks m;
  for (int i = 0; i < 64; ++i) {
    const std::uint64_t bit = std::uint64_t{1} << i;
    switch (class_of(static_cast<char>(p[i]))) {
    case CharClass::letter:
      m.letter |= bit;
      break;
    case CharClass::digit:
      m.digit |= bit;
      break;
    case CharClass::connector:
      m.connector |= bit;
      break;
    case CharClass::mid_num_let:
    case CharClass::single_quote:
      m.mid_any |= bit;
      break;
    case CharClass::mid_num:
      m.mid_digits |= bit;
      break;
    case CharClass::other:
      break;
    }
  }
  return m;
}
#endif

} // namespace

void append_ascii_tokens(std::string_view text, std::size_t base, std::vector<WordToken>& tokens) {
  // Point 1 as bit masks, 64 bytes at a time: a byte belongs to a token when it is a letter,
  // digit or `_`, or a joining character between two letters or two digits; tokens are the
  // runs of such bytes, less a run that is a lone `_`. Each block needs the first byte of
  // the next (is a joining character at bit 63 followed by a letter?), so blocks are
  // classified one ahead; the last is copied into a zero-padded buffer (NUL is Other).
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  const std::size_t blocks = (size + 63) / 64;
  alignas(16) unsigned char padded[64];
  auto classify_block = [&](std::size_t b) {
    const std::size_t offset = b * 64;
    if (offset + 64 <= size) {
      return classify(p + offset);
    }
    std::memset(padded, 0, sizeof padded);
    std::memcpy(padded, p + offset, size - offset);
    return classify(padded);
  };
  auto emit = [&](std::size_t start, std::size_t end) {
    if (end - start == 1 && p[start] == '_') {
      return;
    }
    const CharClass last = class_of(static_cast<char>(p[end - 1]));
    const CharClass before_last =
        end - 1 > start ? class_of(static_cast<char>(p[end - 2])) : CharClass::other;
    tokens.push_back({base + start, base + end, token_status(last, before_last)});
  };

  ClassMasks current = blocks > 0 ? classify_block(0) : ClassMasks{};
  std::uint64_t letter_carry = 0; // bit 0: the byte before the block is a letter
  std::uint64_t digit_carry = 0;
  bool in_token = false;
  std::size_t token_start = 0;
  for (std::size_t b = 0; b < blocks; ++b) {
    const ClassMasks next = b + 1 < blocks ? classify_block(b + 1) : ClassMasks{};
    const std::uint64_t letter_before = current.letter << 1 | letter_carry;
    const std::uint64_t digit_before = current.digit << 1 | digit_carry;
    const std::uint64_t letter_after = current.letter >> 1 | next.letter << 63;
    const std::uint64_t digit_after = current.digit >> 1 | next.digit << 63;
    const std::uint64_t digits_around = digit_before & digit_after;
    const std::uint64_t joined =
        (current.mid_any & ((letter_before & letter_after) | digits_around)) |
        (current.mid_digits & digits_around);
    std::uint64_t word = current.letter | current.digit | current.connector | joined;
    letter_carry = current.letter >> 63;
    digit_carry = current.digit >> 63;
    const std::size_t offset = b * 64;

    if (in_token) {
      if (word == ~std::uint64_t{0}) {
        current = next;
        continue; // the token runs through the whole block
      }
      const auto end = static_cast<unsigned>(std::countr_zero(~word));
      emit(token_start, offset + end);
      in_token = false;
      word &= ~std::uint64_t{0} << end;
    }
    while (word != 0) {
      const auto start = static_cast<unsigned>(std::countr_zero(word));
      const std::uint64_t outside = ~word & (~std::uint64_t{0} << start);
      if (outside == 0) {
        in_token = true; // continues into the next block
        token_start = offset + start;
        break;
      }
      const auto end = static_cast<unsigned>(std::countr_zero(outside));
      emit(offset + start, offset + end);
      word &= ~std::uint64_t{0} << end;
    }
    current = next;
  }
  if (in_token) {
    emit(token_start, size);
  }
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

void WordBreaker::tokens(std::string_view text, std::vector<WordToken>& tokens) {
  tokens.clear();
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t non_ascii = pos + ascii_prefix_length(text.substr(pos));
    if (non_ascii == text.size()) {
      append_ascii_tokens(text.substr(pos), pos, tokens);
      return;
    }
    const Region region = icu_region(text, pos, non_ascii);
    append_ascii_tokens(text.substr(pos, region.start - pos), pos, tokens);
    append_icu_tokens(text.substr(region.start, region.end - region.start), region.start, tokens);
    pos = region.end;
  }
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
