#include "koda/text/segment.hpp"

#include <doctest/doctest.h>

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

using koda::text::fold_case;
using koda::text::fold_for_match;
using koda::text::sentence_spans;
using koda::text::SentenceSegmenter;
using koda::text::Span;
using koda::text::word_spans;
using koda::text::WordSegmenter;

namespace doctest {
template <> struct StringMaker<Span> {
  static String convert(const Span& span) {
    return ("{" + std::to_string(span.start) + ", " + std::to_string(span.end) + "}").c_str();
  }
};
} // namespace doctest

namespace {

// The text of each span, for readable failures next to the exact offsets.
std::vector<std::string> texts(std::string_view text, const std::vector<Span>& spans) {
  std::vector<std::string> result;
  for (const Span& span : spans) {
    result.emplace_back(text.substr(span.start, span.end - span.start));
  }
  return result;
}

std::vector<std::string> words(std::string_view text) { return texts(text, word_spans(text)); }

} // namespace

TEST_SUITE("text::segment") {

  TEST_CASE("words of an Indonesian sentence, with amounts and an e-mail address") {
    const std::string_view text =
        "Dana Rp2.500.000 dan Rp 1.500.000 sudah diterima oleh budi@desa.id, kata Pak Darto.";
    CHECK(word_spans(text) == std::vector<Span>{{0, 4},
                                                {5, 16},
                                                {17, 20},
                                                {21, 23},
                                                {24, 33},
                                                {34, 39},
                                                {40, 48},
                                                {49, 53},
                                                {54, 66},
                                                {68, 72},
                                                {73, 76},
                                                {77, 82}});
    CHECK(words(text) == std::vector<std::string>{"Dana", "Rp2.500.000", "dan", "Rp", "1.500.000",
                                                  "sudah", "diterima", "oleh", "budi@desa.id",
                                                  "kata", "Pak", "Darto"});
  }

  TEST_CASE("words of an English sentence, with contractions and numbers") {
    SUBCASE("straight apostrophes") {
      const std::string_view text = "I don't think it's 3.5% of the $1,000 budget.";
      CHECK(
          word_spans(text) ==
          std::vector<Span>{
              {0, 1}, {2, 7}, {8, 13}, {14, 18}, {19, 22}, {24, 26}, {27, 30}, {32, 37}, {38, 44}});
      CHECK(words(text) == std::vector<std::string>{"I", "don't", "think", "it's", "3.5", "of",
                                                    "the", "1,000", "budget"});
    }
    SUBCASE("a curly apostrophe and quotes") {
      CHECK(words("“Don’t,” O'Brien said, ‘rock'n'roll’.") ==
            std::vector<std::string>{"Don’t", "O'Brien", "said", "rock'n'roll"});
    }
    SUBCASE("abbreviations and versions") {
      CHECK(words("e.g. the U.S.A. and v1.2.3, -5 or +62") ==
            std::vector<std::string>{"e.g", "the", "U.S.A", "and", "v1.2.3", "5", "or", "62"});
    }
  }

  TEST_CASE("punctuation in ICU's root tailoring") {
    SUBCASE("a colon does not join letters; times split") {
      CHECK(words("Peneliti:Apa kabar? Informan 3: Baik. Pukul 12:30") ==
            std::vector<std::string>{"Peneliti", "Apa", "kabar", "Informan", "3", "Baik", "Pukul",
                                     "12", "30"});
    }
    SUBCASE("a URL") {
      CHECK(words("lihat https://example.org/a_b?x=1") ==
            std::vector<std::string>{"lihat", "https", "example.org", "a_b", "x", "1"});
    }
    SUBCASE("underscores join, a lone underscore is no word") {
      CHECK(words("foo_bar _ __init__") == std::vector<std::string>{"foo_bar", "__init__"});
    }
    SUBCASE("@ is a letter, # is not") {
      CHECK(words("#tag @user a@b") == std::vector<std::string>{"tag", "@user", "a@b"});
    }
  }

  TEST_CASE("reduplication is one token") {
    SUBCASE("equal halves, any case") {
      const std::string_view text = "Kegiatan-kegiatan anak-anak";
      CHECK(word_spans(text) == std::vector<Span>{{0, 17}, {18, 27}});
    }
    SUBCASE("halves that fold equal outside ASCII") {
      CHECK(words("Straße-STRASSE") == std::vector<std::string>{"Straße-STRASSE"});
    }
    SUBCASE("a chain of equal halves merges whole") {
      CHECK(word_spans("anak-anak-anak dan") == std::vector<Span>{{0, 14}, {15, 18}});
    }
    SUBCASE("a chain stops at the first different half") {
      CHECK(words("anak-anak-buah") == std::vector<std::string>{"anak-anak", "buah"});
    }
    SUBCASE("different halves stay apart") {
      CHECK(words("sayur-mayur anak-anaknya") ==
            std::vector<std::string>{"sayur", "mayur", "anak", "anaknya"});
    }
    SUBCASE("not across spaces, two hyphens or another dash") {
      CHECK(words("kegiatan - kegiatan anak--anak anak–anak") ==
            std::vector<std::string>{"kegiatan", "kegiatan", "anak", "anak", "anak", "anak"});
    }
    SUBCASE("numbers are not reduplicated") {
      CHECK(words("skor 2-2") == std::vector<std::string>{"skor", "2", "2"});
      // ICU calls a token ending in a digit, or in `_` after a digit, a number.
      CHECK(words("x2-x2 a_-a_ 1_-1_") ==
            std::vector<std::string>{"x2", "x2", "a_-a_", "1_", "1_"});
    }
    SUBCASE("halves of different lengths that fold equal, and an ASCII difference first") {
      CHECK(words("\u017Fs-SS") == std::vector<std::string>{"\u017Fs-SS"}); // ſ folds to s
      CHECK(words("kaf\u00E9-kef\u00E9") == std::vector<std::string>{"kaf\u00E9", "kef\u00E9"});
    }
    SUBCASE("a half outside ASCII next to one inside") {
      CHECK(words("caf\u00E9-CAF\u00C9 di-di") ==
            std::vector<std::string>{"caf\u00E9-CAF\u00C9", "di-di"});
    }
  }

  TEST_CASE("words outside ASCII have byte offsets") {
    SUBCASE("Latin letters") {
      CHECK(word_spans("Straße İstanbul café") == std::vector<Span>{{0, 7}, {8, 17}, {18, 23}});
    }
    SUBCASE("Japanese ideographs and kana") {
      const std::string_view text = "日本語のテキスト";
      CHECK(word_spans(text) == std::vector<Span>{{0, 9}, {9, 12}, {12, 24}});
    }
    SUBCASE("only spaces and punctuation") {
      CHECK(word_spans(" ... — !? ").empty());
      CHECK(word_spans("").empty());
    }
  }

  TEST_CASE("a segmenter is reused between texts") {
    WordSegmenter segmenter;
    CHECK(segmenter.words("satu dua") == std::vector<Span>{{0, 4}, {5, 8}});
    CHECK(segmenter.words("tiga") == std::vector<Span>{{0, 4}});
    WordSegmenter moved = std::move(segmenter);
    CHECK(moved.words("anak-anak x") == std::vector<Span>{{0, 9}, {10, 11}});
  }

  TEST_CASE("sentences are trimmed ICU sentence segments") {
    SUBCASE("punctuation, quotes, amounts, abbreviations and line breaks") {
      const std::string_view text = "Pak Darto berkata: \"Dana sudah cair.\" Lalu? Kami mulai!\n\n"
                                    "Rp 1.500.000 diterima dll. kemudian selesai.  \n"
                                    "  Baris baru\nBaris lain.   ";
      CHECK(sentence_spans(text) ==
            std::vector<Span>{{0, 37}, {38, 43}, {44, 55}, {57, 101}, {106, 128}});
      CHECK(texts(text, sentence_spans(text)) ==
            std::vector<std::string>{"Pak Darto berkata: \"Dana sudah cair.\"", "Lalu?",
                                     "Kami mulai!", "Rp 1.500.000 diterima dll. kemudian selesai.",
                                     "Baris baru\nBaris lain."});
    }
    SUBCASE("a single line break is a space; a blank line ends a sentence") {
      const std::string_view text = "Relawan kita banyak yang\npendidikannya rendah. Jadi\n"
                                    "pelatihan penting\n  \nJudul tanpa titik\nDana cair.";
      CHECK(texts(text, sentence_spans(text)) ==
            std::vector<std::string>{"Relawan kita banyak yang\npendidikannya rendah.",
                                     "Jadi\npelatihan penting", "Judul tanpa titik\nDana cair."});
    }
    SUBCASE("the root locale has no abbreviation list") {
      const std::string_view text = "  Mr. Smith went to Washington.\tNext one.";
      CHECK(texts(text, sentence_spans(text)) ==
            std::vector<std::string>{"Mr.", "Smith went to Washington.", "Next one."});
    }
    SUBCASE("Unicode white space is trimmed too") {
      const std::string_view text = "Satu.\u00A0\u3000Dua.\u2028";
      CHECK(sentence_spans(text) == std::vector<Span>{{0, 5}, {10, 14}});
    }
    SUBCASE("white space only") {
      CHECK(sentence_spans(" \n\t \n").empty());
      CHECK(sentence_spans("").empty());
    }
    SUBCASE("a reused segmenter") {
      SentenceSegmenter segmenter;
      CHECK(segmenter.sentences("A. B.") == std::vector<Span>{{0, 2}, {3, 5}});
      CHECK(segmenter.sentences("C") == std::vector<Span>{{0, 1}});
    }
  }

  TEST_CASE("the sentences of a range are those of the whole text in that range") {
    const std::string text = "Dana cair. Tapi relawan\nkurang, Pak.  Rapat Rp. 5.000 disetujui!\n\n"
                             "Apa? Ya. \u201cKendala\u201d sudah selesai... Lalu lanjut";
    SentenceSegmenter segmenter;
    const std::vector<Span> all = segmenter.sentences(text);
    REQUIRE(all.size() == 8);
    // `from` is where a token starts in use: a character that is not white space.
    auto token_can_start = [&](std::size_t at) {
      const auto c = static_cast<unsigned char>(text[at]);
      return !std::isspace(c) && (c & 0xC0) != 0x80;
    };
    for (std::size_t from = 0; from < text.size(); ++from)
      for (std::size_t to = from + 1; to <= text.size() && token_can_start(from); ++to) {
        std::vector<Span> expected;
        for (std::size_t i = 0; i < all.size(); ++i) {
          const std::size_t next = i + 1 < all.size() ? all[i + 1].start : text.size();
          // The sentence holding `from` to the last that starts before `to`.
          if (next > from && all[i].start < to)
            expected.push_back(all[i]);
        }
        INFO("from ", from, " to ", to);
        REQUIRE(segmenter.sentences(text, from, to) == expected);
      }
  }

  TEST_CASE("fold_case is full default case folding") {
    SUBCASE("ASCII") { CHECK(fold_case("Kegiatan BLM 2008, OK?") == "kegiatan blm 2008, ok?"); }
    SUBCASE("sharp s folds to ss") {
      CHECK(fold_case("Straße") == "strasse");
      CHECK(fold_case("STRASSE") == "strasse");
    }
    SUBCASE("dotted capital I keeps its dot; plain I is not Turkish") {
      CHECK(fold_case("İstanbul") == "i\xCC\x87stanbul");
      CHECK(fold_case("DIYARBAKIR") == "diyarbakir");
      CHECK(fold_case("ı") == "ı");
    }
    SUBCASE("Greek final sigma and a ligature") {
      CHECK(fold_case("ΣΊΣΥΦΟΣ") == "σίσυφοσ");
      CHECK(fold_case("ﬁne") == "fine");
    }
    SUBCASE("mixed ASCII and not") { CHECK(fold_case("ÉCOLE Desa") == "école desa"); }
  }

  TEST_CASE("fold_for_match drops case and accents") {
    SUBCASE("Latin accents") { CHECK(fold_for_match("Café Ñandú RÉSUMÉ") == "cafe nandu resume"); }
    SUBCASE("decomposed input") { CHECK(fold_for_match("Cafe\xCC\x81") == "cafe"); }
    SUBCASE("dotted capital I") { CHECK(fold_for_match("İstanbul") == "istanbul"); }
    SUBCASE("letters that are not accented stay") { CHECK(fold_for_match("Ø ł đ") == "ø ł đ"); }
    SUBCASE("Vietnamese stacked marks") { CHECK(fold_for_match("Tiếng Việt") == "tieng viet"); }
    SUBCASE("the result is NFC: Hangul recomposes") { CHECK(fold_for_match("한국어") == "한국어"); }
    SUBCASE("ASCII") { CHECK(fold_for_match("BKM") == "bkm"); }
  }

} // TEST_SUITE
