#include "differential.hpp"
#include "koda/text/sentence_break.hpp"

#include <doctest/doctest.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using koda::text::detail::sentence_boundaries;

using koda::text::testing::escaped;
using koda::text::testing::for_each_generated;
using koda::text::testing::for_each_string;

namespace {

std::vector<std::size_t> fast(std::string_view text) {
  std::vector<std::size_t> boundaries;
  sentence_boundaries(text, boundaries);
  return boundaries;
}

// ICU's root sentence BreakIterator, boundaries in bytes of the UTF-8 text.
class Icu {
public:
  Icu() {
    UErrorCode status = U_ZERO_ERROR;
    m_iterator.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
    REQUIRE(U_SUCCESS(status));
  }
  std::vector<std::size_t> boundaries(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    m_iterator->setText(utext, status);
    std::vector<std::size_t> result;
    for (int32_t b = m_iterator->first(); b != icu::BreakIterator::DONE; b = m_iterator->next())
      result.push_back(static_cast<std::size_t>(b));
    utext_close(utext);
    return result;
  }

private:
  std::unique_ptr<icu::BreakIterator> m_iterator;
};

} // namespace

TEST_SUITE("text::sentence_break") {

  TEST_CASE("each rule, on the texts it is about") {
    using V = std::vector<std::size_t>;
    CHECK(fast("") == V{0});
    CHECK(fast("Dana cair. Relawan ada.") == V{0, 11, 23});           // SB11 after the spaces
    CHECK(fast("Sudah? Belum! Ya.") == V{0, 7, 14, 17});              // STerm too
    CHECK(fast("a\nb\r\nc\rd") == V{0, 2, 5, 7, 8});                  // SB3, SB4
    CHECK(fast("Rp 2.500 naik.") == V{0, 14});                        // SB6: ATerm × Numeric
    CHECK(fast("Ke U.S.A. lagi") == V{0, 14});                        // SB7 and SB8
    CHECK(fast("Pak. Budi datang") == V{0, 5, 16});                   // SB7 needs no space
    CHECK(fast("dll. dan lainnya") == V{0, 16});                      // SB8: then a lower
    CHECK(fast("dll. (\"dan\") lagi") == V{0, 17});                   // SB8 skips to a lower
    CHECK(fast("dll. 12 Juni") == V{0, 5, 12});                       // SB8: an upper first
    CHECK(fast("Ya?! Tidak.") == V{0, 5, 11});                        // SB8a: SATerm
    CHECK(fast("Ya, tentu. , lalu") == V{0, 17});                     // SB8a: SContinue
    CHECK(fast("Dia bilang \"cukup.\" Lalu pergi.") == V{0, 20, 31}); // SB9: Close
    CHECK(fast("Selesai.)  (Lanjut") == V{0, 11, 18});                // SB9, SB10, then ÷
    CHECK(fast("Selesai. ) x") == V{0, 12});                          // SB8 past a later Close
    CHECK(fast("Selesai!  \nBaru") == V{0, 11, 15});                  // SB11 with ParaSep
    CHECK(fast("Ya.\u2014lalu") == V{0, 10});                         // em dash: SContinue
    CHECK(fast("\u201CCukup.\u201D Lalu") == V{0, 13, 17});           // curly quotes: Close
    CHECK(fast("Sudah\u3002\u65E5") == V{0, 8, 11});                  // ideographic full stop
    CHECK(fast("e\u0301.\u0301B") == V{0, 7});                        // SB5 then SB7
    CHECK(fast("a\u2028\u0301b") == V{0, 4, 7});                      // Sep, then Extend alone
  }

  TEST_CASE("the ASCII rules give ICU's boundaries exactly") {
    Icu icu;
    int compared = 0;
    int mismatches = 0;
    std::string first_mismatch;
    // Also checks the windowed form against ICU's: from the boundary at or before a third of
    // the text to the first at or after two thirds.
    auto window = [](const std::vector<std::size_t>& all, std::size_t from, std::size_t to) {
      std::size_t first = 0;
      while (first + 1 < all.size() && all[first + 1] <= from)
        ++first;
      std::size_t last = first;
      while (last + 1 < all.size() && all[last] < to)
        ++last;
      return std::vector<std::size_t>(all.begin() + static_cast<std::ptrdiff_t>(first),
                                      all.begin() + static_cast<std::ptrdiff_t>(last) + 1);
    };
    auto compare = [&](std::string_view text) {
      ++compared;
      const std::vector<std::size_t> expected = icu.boundaries(text);
      bool same = fast(text) == expected;
      if (!text.empty()) {
        const std::size_t from = text.size() / 3;
        const std::size_t to = std::max(from + 1, text.size() * 2 / 3);
        std::vector<std::size_t> part;
        koda::text::detail::sentence_boundaries(text, from, to, part);
        // The windowed form may start at an earlier line feed boundary.
        std::vector<std::size_t> from_first = window(expected, from, to);
        while (!part.empty() && part.front() < from_first.front())
          part.erase(part.begin());
        same = same && part == from_first;
      }
      if (!same && mismatches++ == 0)
        first_mismatch = escaped(text);
    };
    SUBCASE("every string of up to five characters from a set of representatives") {
      // One of each class: Lower, Upper, Numeric, ATerm, STerm, Close, SContinue, Sp, CR,
      // LF, Other.
      constexpr std::array<char, 12> alphabet = {'a', 'B', '7', '.',  '?',  ')',
                                                 '"', ',', ' ', '\r', '\n', '#'};
      for_each_string(alphabet, 5, compare);
      CHECK(compared == 1 + 12 + 144 + 1728 + 20736 + 248832);
    }
    SUBCASE("random ASCII bytes") {
      std::mt19937 random(20080410);
      std::uniform_int_distribution<int> byte(0, 127);
      std::uniform_int_distribution<int> length(0, 80);
      for (int i = 0; i < 20000; ++i) {
        std::string text(static_cast<std::size_t>(length(random)), ' ');
        for (char& c : text)
          c = static_cast<char>(byte(random));
        compare(text);
      }
      CHECK(compared == 20000);
    }
    SUBCASE("every string of up to four characters, with non-ASCII classes") {
      // Adds Extend (U+0301), Format (U+00AD), Sep (U+2028), OLetter, a non-ASCII Upper,
      // STerm (U+3002), SContinue (U+2014), Close (U+201D) and Sp (U+00A0).
      constexpr auto alphabet = std::to_array<std::string_view>(
          {"a",      "B",      "7",      ".",      "!",      ")",      ",",
           " ",      "\r",     "\n",     "#",      "\u0301", "\u00AD", "\u2028",
           "\u65E5", "\u00C9", "\u3002", "\u2014", "\u201D", "\u00A0"});
      for_each_string(alphabet, 4, compare);
      CHECK(compared == 1 + 20 + 400 + 8000 + 160000);
    }
    SUBCASE("generated sentences with abbreviations, quotes, numbers and line breaks") {
      constexpr auto fragments = std::to_array<std::string_view>(
          {"Dana", "cair", "dll", "Pak", "U.S.A", "Rp", "2.500", "12", "a",    "B",   "ya", ".",
           ".",    ".",    "?",   "!",   "...",   "?!", ",",     ";",  ":",    "-",   "\"", "'",
           "(",    ")",    "[",   "]",   "{",     "}",  " ",     " ",  " ",    "  ",  "\t", "\n",
           "\n\n", "\r\n", "\v",  "\f",  "#",     "/",  "%",     "_",  "\x01", "\x7F"});
      for_each_generated(fragments, 1975, 1, 60, 20000, compare);
      CHECK(compared == 20000);
    }
    SUBCASE("long generated texts with non-ASCII characters at every offset of a block") {
      // The scan skips to the next terminator, separator or non-ASCII byte sixteen bytes at
      // a time: each must be found wherever it falls in a block.
      constexpr auto fragments = std::to_array<std::string_view>(
          {"Dana",   "cair",   "dll",    "Pak",    "Rp",     "2.500",  "a",      "B",
           ".",      ".",      "?",      "!",      ",",      ")",      "\"",     " ",
           " ",      " ",      " ",      "\n",     "\n\n",   "\r\n",   "x",      "yy",
           "zzz",    "\u00E9", "\u00C9", "\u2014", "\u201D", "\u201C", "\u3002", "\u2028",
           "\u0301", "\u00A0", "\u00AD", "\u65E5"});
      for_each_generated(fragments, 2009, 20, 120, 5000, compare);
      CHECK(compared == 5000);
    }
    INFO("first text that differs: \"", first_mismatch, "\"");
    CHECK(mismatches == 0);
  }

} // TEST_SUITE
