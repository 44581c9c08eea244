#pragma once

// Private to lib/koda/text (and its tests): word tokens as ICU's root word-break rules find
// them, with a fast path for ASCII. WordSegmenter adds reduplication on top.

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
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

  // Replaces `tokens` with the word tokens of `text`: ASCII stretches by
  // append_ascii_tokens, the rest by ICU.
  void tokens(std::string_view text, std::vector<WordToken>& tokens);

  // Replaces `tokens` with the word tokens of `text`, all found by ICU's BreakIterator: the
  // reference the fast path is tested against.
  void icu_tokens(std::string_view text, std::vector<WordToken>& tokens);

private:
  void append_icu_tokens(std::string_view text, std::size_t base, std::vector<WordToken>& tokens);

  std::unique_ptr<icu::BreakIterator> m_iterator;
  UText* m_utext = nullptr;
};

} // namespace koda::text::detail
