#pragma once

// Private to lib/koda/text (and its tests): word tokens as ICU's root word-break rules find
// them, with a fast path for ASCII. WordSegmenter adds reduplication on top.

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace koda::text::detail {

// A word token and ICU's rule status for it (ubrk.h: numbers 100–199, letters 200–299,
// kana 300–399, ideographs 400–499).
struct WordToken {
  std::size_t start = 0;
  std::size_t end = 0;
  int32_t status = 0;
  friend bool operator==(const WordToken&, const WordToken&) = default;
};

// The ASCII fast path (word_break.cpp explains why it finds exactly ICU's tokens); in this
// header so that WordBreaker::for_each_token can hand tokens to its caller inline.

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

inline constexpr std::array<CharClass, 128> k_char_classes = make_char_classes();

inline CharClass class_of(char c) { return k_char_classes[static_cast<unsigned char>(c) & 0x7F]; }

inline int32_t token_status(CharClass last, CharClass before_last) {
  if (last == CharClass::digit ||
      (last == CharClass::connector && before_last == CharClass::digit)) {
    return UBRK_WORD_NUMBER;
  }
  return UBRK_WORD_LETTER;
}

// Classes of 64 bytes, one bit per byte (bit i: byte i).
struct ClassMasks {
  std::uint64_t letter = 0;     // A–Z a–z @
  std::uint64_t digit = 0;      // 0–9
  std::uint64_t connector = 0;  // _
  std::uint64_t mid_any = 0;    // . '  (join two letters or two digits)
  std::uint64_t mid_digits = 0; // , ;  (join two digits)
};

#if defined(__SSE2__)
inline std::uint64_t bits_of(__m128i a, __m128i b, __m128i c, __m128i d) {
  return static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(a))) |
         static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(b))) << 16 |
         static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(c))) << 32 |
         static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(d))) << 48;
}

// The classes of the 64 ASCII bytes at `p`, sixteen at a time. ASCII bytes are
// non-negative as signed chars, so signed comparisons order them correctly.
inline ClassMasks classify(const unsigned char* p) {
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
inline ClassMasks classify(const unsigned char* p) {
  ClassMasks m;
  for (int i = 0; i < 64; ++i) {
    const std::uint64_t bit = std::uint64_t{1} << i;
    if (p[i] >= 0x80)
      continue; // Other (other_punctuation_length's marks), as in the SSE2 path
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

// A WordToken status that was not worked out (see for_each_ascii_token's WithStatus).
inline constexpr int32_t k_status_unknown = -1;

// The status ICU gives the ASCII token `token` of `text`: a number when it ends in a digit,
// or in `_` after a digit; else a letter word.
inline int32_t ascii_token_status(std::string_view text, std::size_t start, std::size_t end) {
  const CharClass before_last = end - 1 > start ? class_of(text[end - 2]) : CharClass::other;
  return token_status(class_of(text[end - 1]), before_last);
}

// Calls `sink(const WordToken&)` with each word token of the ASCII `text`, offsets shifted
// by `base`; a non-ASCII byte is taken as an Other character, which is right for the marks
// other_punctuation_length knows and for nothing else. Without `WithStatus`, tokens carry
// k_status_unknown, for callers that need the status of few tokens (ascii_token_status gives it).
template <bool WithStatus = true, class Emit>
void for_each_ascii_token(std::string_view text, std::size_t base, Emit&& sink) {
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
    if constexpr (WithStatus)
      sink(WordToken{base + start, base + end, ascii_token_status(text, start, end)});
    else
      sink(WordToken{base + start, base + end, k_status_unknown});
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

// The length of the UTF-8 sequence at `text[at]` when it is one of the non-ASCII punctuation
// marks that ICU's word rules treat as they treat ASCII Other characters (point 3 in
// word_break.cpp): no-break space, « », en and em dash, “ ”, bullet and ellipsis. Else 0.
inline std::size_t other_punctuation_length(std::string_view text, std::size_t at) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + at;
  const std::size_t left = text.size() - at;
  if (p[0] == 0xC2 && left >= 2)
    return p[1] == 0xA0 || p[1] == 0xAB || p[1] == 0xBB ? 2 : 0;
  if (p[0] == 0xE2 && left >= 3 && p[1] == 0x80) {
    switch (p[2]) {
    case 0x93: // – U+2013
    case 0x94: // — U+2014
    case 0x9C: // “ U+201C
    case 0x9D: // ” U+201D
    case 0xA2: // • U+2022
    case 0xA6: // … U+2026
      return 3;
    default:
      return 0;
    }
  }
  return 0;
}

// Appends the word tokens of the ASCII `text` to `tokens`, offsets shifted by `base`, exactly
// as ICU's root word-break rules would find them.
void append_ascii_tokens(std::string_view text, std::size_t base, std::vector<WordToken>& tokens);

// Finds word tokens with ICU's root word-break rules. Holds an ICU BreakIterator: reuse one
// per thread; not thread-safe.
class WordBreaker {
public:
  WordBreaker();
  ~WordBreaker();
  WordBreaker(WordBreaker&&) noexcept;
  WordBreaker& operator=(WordBreaker&&) noexcept;

  // Replaces `tokens` with the word tokens of `text`, as for_each_token finds them.
  void tokens(std::string_view text, std::vector<WordToken>& tokens);

  // Calls `sink(const WordToken&)` with each word token of `text` in order: ASCII stretches
  // (which may hold the punctuation other_punctuation_length knows) by the bit-mask scan,
  // the rest by ICU.
  // Without `WithStatus`, tokens of ASCII stretches carry k_status_unknown.
  template <bool WithStatus = true, class Sink>
  void for_each_token(std::string_view text, Sink&& sink) {
    std::size_t pos = 0;
    while (pos < text.size()) {
      // The bit-mask scan takes the punctuation of point 3 in word_break.cpp as it takes
      // ASCII Other characters; only another non-ASCII character ends its stretch.
      std::size_t non_ascii = next_non_ascii(text, pos);
      for (std::size_t length;
           non_ascii < text.size() && (length = other_punctuation_length(text, non_ascii)) != 0;)
        non_ascii = next_non_ascii(text, non_ascii + length);
      if (non_ascii == text.size()) {
        for_each_ascii_token<WithStatus>(text.substr(pos), pos, sink);
        return;
      }
      const auto [start, end] = icu_stretch(text, pos, non_ascii);
      for_each_ascii_token<WithStatus>(text.substr(pos, start - pos), pos, sink);
      m_scratch.clear();
      append_icu_tokens(text.substr(start, end - start), start, m_scratch);
      for (const WordToken& token : m_scratch)
        sink(token);
      pos = end;
    }
  }

  // Replaces `tokens` with the word tokens of `text`, all found by ICU's BreakIterator: the
  // reference the fast path is tested against.
  void icu_tokens(std::string_view text, std::vector<WordToken>& tokens);

private:
  void append_icu_tokens(std::string_view text, std::size_t base, std::vector<WordToken>& tokens);
  // The offset of the first non-ASCII byte of `text` at or after `from`, or its size.
  static std::size_t next_non_ascii(std::string_view text, std::size_t from);
  // The stretch [first, second) around the non-ASCII byte at `non_ascii` that goes to ICU,
  // starting no earlier than `floor`.
  static std::pair<std::size_t, std::size_t> icu_stretch(std::string_view text, std::size_t floor,
                                                         std::size_t non_ascii);

  std::unique_ptr<icu::BreakIterator> m_iterator;
  UText* m_utext = nullptr;
  std::vector<WordToken> m_scratch; // for_each_token's ICU tokens
};

} // namespace koda::text::detail
