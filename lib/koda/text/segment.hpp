#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace koda::text {

// A byte range [start, end) into a UTF-8 text.
struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

// Splits UTF-8 text into word tokens by ICU's word-break rules (UAX #29 with ICU's root
// tailoring). A token is a segment ICU tags as a number, letter, kana or ideograph word;
// spaces and punctuation are not tokens. An Indonesian reduplication `X-X` whose two
// halves fold to the same string (`anak-anak`, `Kegiatan-kegiatan`) is one token.
// Holds ICU state: reuse one per thread; not thread-safe.
class WordSegmenter {
public:
  WordSegmenter();
  ~WordSegmenter();
  WordSegmenter(WordSegmenter&&) noexcept;
  WordSegmenter& operator=(WordSegmenter&&) noexcept;

  // The word tokens of `text`, in order, as byte spans into `text`.
  std::vector<Span> words(std::string_view text);

  // The same into `spans` (cleared first), reusing its memory: for hot loops.
  void words(std::string_view text, std::vector<Span>& spans);

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// Splits UTF-8 text into sentences by ICU's sentence-break rules; spans exclude trailing
// whitespace and never cover only whitespace. Not thread-safe; reuse one per thread.
class SentenceSegmenter {
public:
  SentenceSegmenter();
  ~SentenceSegmenter();
  SentenceSegmenter(SentenceSegmenter&&) noexcept;
  SentenceSegmenter& operator=(SentenceSegmenter&&) noexcept;

  // The sentences of `text`, in order, as byte spans into `text`.
  std::vector<Span> sentences(std::string_view text);

  // The same, but only the sentences from the one holding byte `from` (< text.size()) to
  // the last that starts before byte `to`: exactly those of sentences(text) in that range
  // (ICU finds the same boundaries from any starting point), without segmenting the rest.
  std::vector<Span> sentences(std::string_view text, std::size_t from, std::size_t to);
  // The same into `spans` (cleared first), reusing its memory.
  void sentences(std::string_view text, std::size_t from, std::size_t to, std::vector<Span>& spans);

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// Convenience wrappers that build a segmenter per call (tests, one-off use).
std::vector<Span> word_spans(std::string_view text);
std::vector<Span> sentence_spans(std::string_view text);

// Full Unicode case folding of UTF-8 `text` (ß → ss, İ → i̇); ASCII takes a fast path.
std::string fold_case(std::string_view text);

// `text` case-folded with combining marks removed (é → e, ñ → n), NFC: the key for
// case- and accent-insensitive matching.
std::string fold_for_match(std::string_view text);

} // namespace koda::text
