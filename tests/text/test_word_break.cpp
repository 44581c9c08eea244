#include "differential.hpp"
#include "koda/text/word_break.hpp"

#include <doctest/doctest.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using koda::text::detail::append_ascii_tokens;
using koda::text::detail::WordBreaker;
using koda::text::detail::WordToken;

namespace doctest {
template <> struct StringMaker<WordToken> {
  static String convert(const WordToken& token) {
    return ("{" + std::to_string(token.start) + ", " + std::to_string(token.end) + ", " +
            std::to_string(token.status) + "}")
        .c_str();
  }
};
} // namespace doctest

using koda::text::testing::escaped;
using koda::text::testing::for_each_string;

namespace {

std::vector<WordToken> ascii_tokens(std::string_view text) {
  std::vector<WordToken> tokens;
  append_ascii_tokens(text, 0, tokens);
  return tokens;
}

// Compares the fast path with ICU alone on each text `next()` yields; counts the texts that
// differ and keeps the first.
class Differential {
public:
  void compare(std::string_view text) {
    m_breaker.tokens(text, m_fast);
    m_breaker.icu_tokens(text, m_icu);
    ++m_compared;
    if (m_fast != m_icu && m_mismatches++ == 0) {
      m_first_mismatch = escaped(text);
    }
  }
  int compared() const { return m_compared; }
  int mismatches() const { return m_mismatches; }
  const std::string& first_mismatch() const { return m_first_mismatch; }

private:
  WordBreaker m_breaker;
  std::vector<WordToken> m_fast;
  std::vector<WordToken> m_icu;
  int m_compared = 0;
  int m_mismatches = 0;
  std::string m_first_mismatch;
};

// Pieces of transcripts, numbers, addresses and odd Unicode that generated texts are made of.
constexpr auto k_fragments = std::to_array<std::string_view>(
    {// words and contractions
     "anak", "Kegiatan", "kegiatan", "BKM", "don't", "it's", "O'Brien", "rock'n'roll", "x",
     "Peneliti", "e.g", "U.S.A", "a", "Z",
     // numbers and amounts
     "1.500.000", "Rp2.500", "Rp", "2.500.000", "3,14", "1;2", "1'000", "12", "v1.2.3", "2008", "0",
     "7",
     // addresses, handles, identifiers
     "budi@desa.id", "@user", "#tag", "https://example.org/a_b?x=1&y=2#frag", "www.desa.go.id", "_",
     "__init__", "foo_bar", "a_", "1_", "_1",
     // ASCII punctuation, one at a time so that they land between anything
     ".", ".", "'", "'", ",", ";", ":", ":", "-", "-", "\"", "!", "?", "(", ")", "/", "&", "$", "%",
     "*", "+", "=", "[", "<", "|", "~", "`", "^", "\\", "{",
     // white space and controls
     " ", " ", " ", "  ", "\t", "\n", "\r\n", "\v", "\f", "\x01", "\x7F",
     // non-ASCII
     "é", "e\u0301", "\u0301", "\u00A0", "\u3000", "“", "”", "’", "–", "\u00AD", "\u200D", "\u200B",
     "\u24C2", "😀", "日本語", "テキスト", "ภาษาไทย", "한국어", "Straße", "\u00B7", "\u2024",
     "\u200D\u24C2", " \u200D\u24C2", "\u05D0\"\u05D1", "\u05D0'", "テ_1", "\U0001F1EE\U0001F1E9",
     // the punctuation the fast path reads as Other, alone and before marks that attach to it
     "—", "—", "…", "«", "»", "•", "\u00A0\u00A0", "—\u0301", "“\u200D", "”\u00AD",
     "…\u200D\u24C2"});

std::string generated_text(std::mt19937& random, std::size_t fragments) {
  std::uniform_int_distribution<std::size_t> pick(0, k_fragments.size() - 1);
  std::string text;
  for (std::size_t i = 0; i < fragments; ++i) {
    text += k_fragments[pick(random)];
  }
  return text;
}

} // namespace

TEST_SUITE("text::word_break") {

  TEST_CASE("the ASCII path follows ICU's root rules") {
    SUBCASE("letters, digits and underscores join; status from the last character") {
      CHECK(ascii_tokens("a_ 1_ __ 1__ a1_ _1_ _ _a _1 a1 1a") ==
            std::vector<WordToken>{{0, 2, 200},
                                   {3, 5, 100},
                                   {6, 8, 200},
                                   {9, 12, 200},
                                   {13, 16, 100},
                                   {17, 20, 100},
                                   {23, 25, 200},
                                   {26, 28, 100},
                                   {29, 31, 100},
                                   {32, 34, 200}});
    }
    SUBCASE("a mid character joins two letters or two digits") {
      CHECK(ascii_tokens("don't 1.500.000 1;2 1'000 3,14 Rp2.500 x@y.z") ==
            std::vector<WordToken>{{0, 5, 200},
                                   {6, 15, 100},
                                   {16, 19, 100},
                                   {20, 25, 100},
                                   {26, 30, 100},
                                   {31, 38, 100},
                                   {39, 44, 200}});
    }
    SUBCASE("but not a letter and a digit, nor two in a row, nor at the end") {
      CHECK(ascii_tokens("a.1 1.a a..b a, 1, 1a.b a:b") == std::vector<WordToken>{{0, 1, 200},
                                                                                  {2, 3, 100},
                                                                                  {4, 5, 100},
                                                                                  {6, 7, 200},
                                                                                  {8, 9, 200},
                                                                                  {11, 12, 200},
                                                                                  {13, 14, 200},
                                                                                  {16, 17, 100},
                                                                                  {19, 23, 200},
                                                                                  {24, 25, 200},
                                                                                  {26, 27, 200}});
    }
    SUBCASE("offsets are shifted by the base") {
      std::vector<WordToken> tokens;
      append_ascii_tokens("ok", 10, tokens);
      CHECK(tokens == std::vector<WordToken>{{10, 12, 200}});
    }
  }

  TEST_CASE("non-ASCII regions go to ICU with their white space") {
    WordBreaker breaker;
    std::vector<WordToken> tokens;
    SUBCASE("a joiner after a space pulls a letter segment back to the space") {
      breaker.tokens("ab \u200D\u24C2y cd", tokens);
      CHECK(tokens == std::vector<WordToken>{{0, 2, 200}, {2, 10, 200}, {11, 13, 200}});
    }
    SUBCASE("a combining mark after spaces") {
      breaker.tokens("x  \u0301y", tokens);
      CHECK(tokens == std::vector<WordToken>{{0, 1, 200}, {5, 6, 200}});
    }
    SUBCASE("dashes, curly quotes, ellipses and no-break spaces break like ASCII punctuation") {
      breaker.tokens("kata—kata “BLM” 2007–2008…\u00A0«Rp» • x", tokens);
      CHECK(tokens == std::vector<WordToken>{{0, 4, 200},
                                             {7, 11, 200},
                                             {15, 18, 200},
                                             {22, 26, 100},
                                             {29, 33, 100},
                                             {40, 42, 200},
                                             {49, 50, 200}});
    }
    SUBCASE("but a mark after one goes to ICU with its chunk") {
      breaker.tokens("a—\u0301b c", tokens);
      CHECK(tokens == std::vector<WordToken>{{0, 1, 200}, {6, 7, 200}, {8, 9, 200}});
    }
    SUBCASE("ASCII, then a non-ASCII chunk, then ASCII") {
      breaker.tokens("Dana “BLM” Rp2.500 café-café 日本語", tokens);
      CHECK(tokens == std::vector<WordToken>{{0, 4, 200},
                                             {8, 11, 200},
                                             {15, 22, 100},
                                             {23, 28, 200},
                                             {29, 34, 200},
                                             {35, 44, 400}});
    }
  }

  TEST_CASE("the punctuation the fast path reads as Other is Other to ICU") {
    // other_punctuation_length's marks, by code point: each must have Word_Break=Other and
    // must not be Extended_Pictographic in the ICU koda is built with (word_break.cpp, 3).
    for (const UChar32 c :
         {0x00A0, 0x00AB, 0x00BB, 0x2013, 0x2014, 0x201C, 0x201D, 0x2022, 0x2026}) {
      CAPTURE(c);
      std::string utf8;
      icu::UnicodeString(c).toUTF8String(utf8);
      CHECK(koda::text::detail::other_punctuation_length(utf8, 0) == utf8.size());
      CHECK(u_getIntPropertyValue(c, UCHAR_WORD_BREAK) == U_WB_OTHER);
      CHECK_FALSE(u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC));
    }
    // Not these: ’ and ․ join letters (MidNumLet), · too (MidLetter), the soft hyphen is
    // Format, U+2015 is not on the list; nor a cut-off sequence.
    for (const std::string_view other : {"’", "\u2024", "\u00B7", "\u00AD", "\u2015", "é"})
      CHECK(koda::text::detail::other_punctuation_length(other, 0) == 0);
    CHECK(koda::text::detail::other_punctuation_length(std::string_view("\xE2\x80", 2), 0) == 0);
    CHECK(koda::text::detail::other_punctuation_length(std::string_view("a\xC2", 2), 1) == 0);
  }

  TEST_CASE("the fast path gives ICU's tokens exactly") {
    Differential differential;
    SUBCASE("every string of up to four characters from a set of representatives") {
      // U+24C2 is both a letter and Extended_Pictographic: after a space and a joiner it pulls
      // the segment back to the space.
      // The em dash and the no-break space stand for the non-ASCII punctuation that the fast
      // path reads as Other; U+00AD (Format) attaches to what precedes it.
      constexpr std::array<std::string_view, 19> alphabet = {
          "a", "@",  "1",  "_", ".", "'",      ",",      ";", ":",     "\"",
          " ", "\t", "\n", "-", "é", "\u200D", "\u24C2", "—", "\u00A0"};
      for_each_string(alphabet, 4, [&](std::string_view text) { differential.compare(text); });
      CHECK(differential.compared() == 1 + 19 + 361 + 6859 + 130321);
    }
    SUBCASE("random ASCII bytes") {
      std::mt19937 random(20080410);
      std::uniform_int_distribution<int> byte(0, 127);
      std::uniform_int_distribution<int> length(0, 60);
      for (int i = 0; i < 20000; ++i) {
        std::string text(static_cast<std::size_t>(length(random)), ' ');
        for (char& c : text) {
          c = static_cast<char>(byte(random));
        }
        differential.compare(text);
      }
      CHECK(differential.compared() == 20000);
    }
    SUBCASE("long ASCII texts: tokens across 64-byte blocks") {
      // The fast path works on 64-byte blocks; joins and tokens must not care where a
      // block ends. Few characters, many of them joiners, at every alignment.
      constexpr std::string_view alphabet = "aZ@09_.',; :-\n";
      std::mt19937 random(64);
      std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
      std::uniform_int_distribution<int> length(60, 300);
      for (int i = 0; i < 5000; ++i) {
        std::string text(static_cast<std::size_t>(length(random)), ' ');
        for (char& c : text) {
          c = alphabet[pick(random)];
        }
        differential.compare(text);
        differential.compare(std::string(static_cast<std::size_t>(i % 64), 'x') + text);
      }
      differential.compare(std::string(200, 'a'));
      differential.compare(std::string(129, '_'));
      differential.compare(std::string(63, ' ') + "1.2,3;4'5.6");
      CHECK(differential.compared() == 10003);
    }
    SUBCASE("generated transcripts with numbers, addresses, punctuation and Unicode") {
      std::mt19937 random(1975);
      std::uniform_int_distribution<std::size_t> fragments(1, 120);
      for (int i = 0; i < 5000; ++i) {
        differential.compare(generated_text(random, fragments(random)));
      }
      CHECK(differential.compared() == 5000);
    }
    INFO("first text that differs: \"", differential.first_mismatch(), "\"");
    CHECK(differential.mismatches() == 0);
  }

} // TEST_SUITE
