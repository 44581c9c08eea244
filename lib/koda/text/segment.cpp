// Segmentation and case folding: what a "word" and a "sentence" are to koda.
//
// Word boundaries are ICU's (UAX #29 with the root locale's tailoring), so a token is the
// same thing in Indonesian, English and Japanese, and numbers such as 1.500.000 or
// Rp2.500.000, e-mail addresses and contractions such as don't stay whole. ICU reads the
// UTF-8 text through a UText, so boundaries come back as byte offsets into the caller's
// text without converting it to UTF-16; ASCII stretches skip ICU with identical results
// (word_break.cpp explains how).
//
// UAX #29 splits at a hyphen, which breaks Indonesian reduplication: `anak-anak`
// ("children") would count as two occurrences of `anak`, and a phrase search would see a
// word boundary inside a plural. So letter tokens joined by exactly one '-' whose halves
// fold to the same string are merged into one token. A chain of equal halves
// (`anak-anak-anak`, a stutter in a transcript) merges whole for the same reason: splitting
// it at an arbitrary point would leave a stray repeat. Imitative reduplication with a
// changed half (`sayur-mayur`, `bolak-balik`) and numbers (`2-2`) stay separate tokens;
// those are ordinary compounds and scores.
//
// Sentences use ICU's root rules. ICU has no Indonesian sentence tailoring, so "id" would
// resolve to root anyway, and the abbreviation suppressions other locales offer are
// English or German lists that would misfire on Indonesian abbreviations (dll., dsb., Bpk.).
// The root rules are UAX #29's, which sentence_break.cpp applies with ICU's character
// classes, faster than ICU's BreakIterator and with the same boundaries (a differential
// test in the suite compares them).
//
// Folding is ICU's full default case folding (ß → ss; no Turkish dotless-i special case,
// since koda's texts mix languages), with a bitwise path for ASCII, which is nearly every
// token.
#include "koda/text/segment.hpp"

#include "koda/error.hpp"
#include "koda/text/ascii.hpp"
#include "koda/text/sentence_break.hpp"
#include "koda/text/word_break.hpp"

#include <fmt/format.h>
#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace koda::text {
namespace {

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) {
    throw Error(fmt::format("ICU cannot {}: {}", what, u_errorName(status)));
  }
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }

bool fold_equal(std::string_view a, std::string_view b) {
  if (a.size() == b.size()) {
    // One pass while both are ASCII. Up to the first non-ASCII byte the two are aligned
    // character by character, so an ASCII letter that differs there decides.
    std::size_t i = 0;
    for (; i < a.size(); ++i) {
      if (((a[i] | b[i]) & 0x80) != 0)
        break;
      if (ascii_lower(a[i]) != ascii_lower(b[i]))
        return false;
    }
    if (i == a.size())
      return true;
  } else if (detail::is_ascii(a) && detail::is_ascii(b)) {
    return false;
  }
  return fold_case(a) == fold_case(b);
}

bool is_letter_status(int32_t status) {
  return status >= UBRK_WORD_LETTER && status < UBRK_WORD_LETTER_LIMIT;
}

// Collects word tokens one at a time and merges reduplications (see the essay above).
class TokenCollector {
public:
  TokenCollector(std::string_view text, std::vector<Span>& spans) : m_text(text), m_spans(spans) {}

  // Tokens of ASCII stretches come without their status, which only a token after a
  // hyphen needs: it is worked out here for those.
  void add(const detail::WordToken& word) {
    const Span token{word.start, word.end};
    if (continues_reduplication(token, word.status)) {
      m_spans.back().end = token.end;
      return;
    }
    m_spans.push_back(token);
    m_base = token;
    m_base_status = word.status;
  }

private:
  bool is_letter(Span token, int32_t status) const {
    if (status == detail::k_status_unknown)
      status = detail::ascii_token_status(m_text, token.start, token.end);
    return is_letter_status(status);
  }

  bool continues_reduplication(Span token, int32_t status) const {
    // The hyphen first: it is rare, so this branch is predicted well; whether a token
    // follows the last after exactly one byte is not.
    if (token.start == 0 || m_text[token.start - 1] != '-' || m_spans.empty() ||
        token.start != m_spans.back().end + 1) {
      return false;
    }
    return is_letter(token, status) && is_letter(m_base, m_base_status) &&
           fold_equal(m_text.substr(m_base.start, m_base.end - m_base.start),
                      m_text.substr(token.start, token.end - token.start));
  }

  std::string_view m_text;
  std::vector<Span>& m_spans;
  Span m_base;
  int32_t m_base_status = 0;
};

bool is_white_space(UChar32 c) { return c >= 0 && u_isUWhiteSpace(c); }

// `span` of `text` without leading and trailing white space (Unicode White_Space).
Span trim_white_space(std::string_view text, Span span) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  auto end = static_cast<int32_t>(span.end);
  const auto start_limit = static_cast<int32_t>(span.start);
  while (end > start_limit) {
    int32_t before = end;
    UChar32 c;
    U8_PREV(p, start_limit, before, c);
    if (!is_white_space(c)) {
      break;
    }
    end = before;
  }
  auto start = start_limit;
  while (start < end) {
    int32_t after = start;
    UChar32 c;
    U8_NEXT(p, after, end, c);
    if (!is_white_space(c)) {
      break;
    }
    start = after;
  }
  return {static_cast<std::size_t>(start), static_cast<std::size_t>(end)};
}

const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* instance = icu::Normalizer2::getNFCInstance(status);
  check(status, "load normalization data");
  return *instance;
}

const icu::Normalizer2& nfd() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* instance = icu::Normalizer2::getNFDInstance(status);
  check(status, "load normalization data");
  return *instance;
}

std::string normalize(const icu::Normalizer2& form, std::string_view text) {
  std::string result;
  result.reserve(text.size());
  icu::StringByteSink<std::string> sink(&result);
  UErrorCode status = U_ZERO_ERROR;
  form.normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink,
                     nullptr, status);
  check(status, "normalise text");
  return result;
}

// `text` without its nonspacing marks (General_Category Mn).
std::string drop_nonspacing_marks(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, length, c);
    if (c < 0 || u_charType(c) != U_NON_SPACING_MARK) {
      result.append(text.data() + start, static_cast<std::size_t>(i - start));
    }
  }
  return result;
}

} // namespace

struct WordSegmenter::Impl {
  detail::WordBreaker breaker;
};

WordSegmenter::WordSegmenter() : m_impl(std::make_unique<Impl>()) {}

WordSegmenter::~WordSegmenter() = default;
WordSegmenter::WordSegmenter(WordSegmenter&&) noexcept = default;
WordSegmenter& WordSegmenter::operator=(WordSegmenter&&) noexcept = default;

std::vector<Span> WordSegmenter::words(std::string_view text) {
  std::vector<Span> spans;
  words(text, spans);
  return spans;
}

void WordSegmenter::words(std::string_view text, std::vector<Span>& spans) {
  spans.clear();
  TokenCollector collector(text, spans);
  m_impl->breaker.for_each_token<false>(
      text, [&](const detail::WordToken& token) { collector.add(token); });
}

struct SentenceSegmenter::Impl {
  std::string unwrapped;
  std::vector<std::size_t> boundaries;
};

namespace {

// Turns each LF that is not next to another line break (spaces and tabs between count as
// nothing) into a space.
void unwrap_single_line_breaks(std::string& text) {
  auto is_blank = [](char c) { return c == ' ' || c == '\t'; };
  for (std::size_t i = text.find('\n'); i != std::string::npos; i = text.find('\n', i + 1)) {
    std::size_t before = i;
    while (before > 0 && is_blank(text[before - 1]))
      --before;
    std::size_t after = i + 1;
    while (after < text.size() && is_blank(text[after]))
      ++after;
    bool paragraph_break =
        (before > 0 && text[before - 1] == '\n') || (after < text.size() && text[after] == '\n');
    if (!paragraph_break)
      text[i] = ' ';
  }
}

} // namespace

SentenceSegmenter::SentenceSegmenter() : m_impl(std::make_unique<Impl>()) {}

SentenceSegmenter::~SentenceSegmenter() = default;
SentenceSegmenter::SentenceSegmenter(SentenceSegmenter&&) noexcept = default;
SentenceSegmenter& SentenceSegmenter::operator=(SentenceSegmenter&&) noexcept = default;

std::vector<Span> SentenceSegmenter::sentences(std::string_view text) {
  return sentences(text, 0, text.size());
}

std::vector<Span> SentenceSegmenter::sentences(std::string_view text, std::size_t from,
                                               std::size_t to) {
  std::vector<Span> spans;
  sentences(text, from, to, spans);
  return spans;
}

void SentenceSegmenter::sentences(std::string_view text, std::size_t from, std::size_t to,
                                  std::vector<Span>& spans) {
  spans.clear();
  if (text.empty()) {
    return;
  }
  // ICU ends a sentence at every line break. Transcripts and notes are often hard-wrapped,
  // so a single line break inside a paragraph is read as a space (same byte length, so
  // offsets are unchanged); a blank line still ends a sentence.
  std::string_view scanned = text;
  if (text.find('\n') != std::string_view::npos) {
    m_impl->unwrapped.assign(text);
    unwrap_single_line_breaks(m_impl->unwrapped);
    scanned = m_impl->unwrapped;
  }
  auto add = [&](std::size_t start, std::size_t end) {
    const Span sentence = trim_white_space(text, {start, end});
    if (sentence.start < sentence.end) {
      spans.push_back(sentence);
    }
  };
  // The boundaries of ICU's rules, found without ICU's BreakIterator: sentence_break.cpp.
  std::vector<std::size_t>& boundaries = m_impl->boundaries;
  boundaries.clear();
  detail::sentence_boundaries(scanned, from, to, boundaries);
  // The boundary at or before `from`, then every sentence starting before `to`.
  auto it = std::upper_bound(boundaries.begin(), boundaries.end(), from);
  for (std::size_t b = static_cast<std::size_t>(it - boundaries.begin()) - 1;
       b + 1 < boundaries.size() && boundaries[b] < to; ++b) {
    add(boundaries[b], boundaries[b + 1]);
  }
  return;
}

std::vector<Span> word_spans(std::string_view text) { return WordSegmenter().words(text); }

std::vector<Span> sentence_spans(std::string_view text) {
  return SentenceSegmenter().sentences(text);
}

std::string fold_case(std::string_view text) {
  const std::size_t ascii = detail::ascii_prefix_length(text);
  std::string folded;
  folded.reserve(text.size());
  for (std::size_t i = 0; i < ascii; ++i) {
    folded.push_back(ascii_lower(text[i]));
  }
  if (ascii == text.size()) {
    return folded;
  }
  // Full case folding maps each code point independently of its neighbours, so the rest can
  // be folded on its own.
  const std::string_view rest = text.substr(ascii);
  icu::StringByteSink<std::string> sink(&folded);
  UErrorCode status = U_ZERO_ERROR;
  icu::CaseMap::utf8Fold(U_FOLD_CASE_DEFAULT,
                         icu::StringPiece(rest.data(), static_cast<int32_t>(rest.size())), sink,
                         nullptr, status);
  check(status, "fold case");
  return folded;
}

std::string fold_for_match(std::string_view text) {
  std::string folded = fold_case(text);
  if (detail::is_ascii(folded)) {
    return folded;
  }
  const std::string decomposed = normalize(nfd(), folded);
  return normalize(nfc(), drop_nonspacing_marks(decomposed));
}

} // namespace koda::text
