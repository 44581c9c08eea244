#include "koda/analysis/words.hpp"
#include "koda/corpus/load.hpp"
#include "koda/error.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <vector>

using koda::analysis::count_words;
using koda::analysis::WordFrequency;
using koda::analysis::WordsOptions;
using koda::analysis::WordTable;
using koda::corpus::Document;

namespace {

std::vector<Document> documents(const std::vector<std::string>& texts) {
  std::vector<Document> docs;
  for (std::size_t i = 0; i < texts.size(); ++i)
    docs.push_back(koda::corpus::parse_document(fmt::format("doc{}.txt", i + 1), texts[i], {}));
  return docs;
}

// The rows of `table` as `word count documents [forms]`, one per line.
std::string rows(const WordTable& table) {
  std::string out;
  for (const WordFrequency& row : table.words) {
    out += fmt::format("{} {} {}", row.word, row.count, row.documents);
    for (const std::string& form : row.forms)
      out += fmt::format(" {}", form);
    out += '\n';
  }
  return out;
}

WordTable count(const std::vector<std::string>& texts, const WordsOptions& options = {}) {
  std::vector<Document> docs = documents(texts);
  return count_words(docs, options);
}

const std::vector<std::string> k_two_documents = {
    "Dana desa terlambat. Dana BLM belum cair.\n\nWarga menunggu dana.\n",
    "Warga kecewa karena dana terlambat.\n"};

} // namespace

TEST_SUITE("analysis::words") {

  TEST_CASE("counts and document frequency, stop words removed, by count then word") {
    WordTable table = count(k_two_documents);
    CHECK(rows(table) == "dana 4 2\n"
                         "terlambat 2 2\n"
                         "warga 2 2\n"
                         "blm 1 1\n"
                         "cair 1 1\n"
                         "desa 1 1\n"
                         "kecewa 1 1\n"
                         "menunggu 1 1\n");
    CHECK(table.documents == 2);
    CHECK(table.tokens == 13); // 15 tokens less `belum` and `karena`
    CHECK(table.distinct == 8);
  }

  TEST_CASE("words are case-folded") {
    CHECK(rows(count({"Dana DANA dana. Straße STRASSE"})) == "dana 3 1\nstrasse 2 1\n");
  }

  TEST_CASE("numbers are skipped unless asked for") {
    const std::vector<std::string> text = {"Tahun 2008 dana Rp 1.500.000 untuk P2KP, tahap 2.\n"};
    CHECK(rows(count(text)) == "dana 1 1\np2kp 1 1\nrp 1 1\ntahap 1 1\ntahun 1 1\n");
    WordsOptions options;
    options.numbers = true;
    CHECK(rows(count(text, options)) ==
          "1.500.000 1 1\n2 1 1\n2008 1 1\ndana 1 1\np2kp 1 1\nrp 1 1\ntahap 1 1\ntahun 1 1\n");
  }

  TEST_CASE("which stop lists apply") {
    const std::vector<std::string> text = {"Dana yang terlambat and the funds.\n"};
    WordsOptions options;
    SUBCASE("both by default") {
      CHECK(rows(count(text)) == "dana 1 1\nfunds 1 1\nterlambat 1 1\n");
    }
    SUBCASE("none") {
      options.stop_lists = {};
      CHECK(rows(count(text, options)) ==
            "and 1 1\ndana 1 1\nfunds 1 1\nterlambat 1 1\nthe 1 1\nyang 1 1\n");
    }
    SUBCASE("Indonesian only") {
      options.stop_lists = {koda::text::StopList::indonesian};
      CHECK(rows(count(text, options)) == "and 1 1\ndana 1 1\nfunds 1 1\nterlambat 1 1\nthe 1 1\n");
    }
  }

  TEST_CASE("typographic apostrophes in English contractions") {
    CHECK(rows(count({"The community\u2019s funds don\u2019t arrive.\n"})) ==
          "arrive 1 1\ncommunity\u2019s 1 1\nfunds 1 1\n");
  }

  TEST_CASE("interviewer turns are skipped unless asked for") {
    const std::vector<std::string> text = {"Peneliti: Apa kendala dana?\n"
                                           "Pak Darto: Kendala utama relawan.\n"
                                           "Peneliti: Relawan berapa?\n"
                                           "Pak Darto: Relawan sedikit.\n"};
    CHECK(rows(count(text)) == "relawan 2 1\nkendala 1 1\nutama 1 1\n");
    WordsOptions options;
    options.include_interviewer = true;
    CHECK(rows(count(text, options)) == "relawan 3 1\nkendala 2 1\ndana 1 1\nutama 1 1\n");
  }

  TEST_CASE("only units are counted: not front matter, headings or attendance") {
    const std::vector<std::string> text = {"---\ntitle: Laporan dana\n---\n"
                                           "# Judul laporan\n\nWarga hadir.\n"};
    CHECK(rows(count(text)) == "hadir 1 1\nwarga 1 1\n");
  }

  TEST_CASE("stems, with their most frequent forms") {
    WordsOptions options;
    options.stem = true;
    SUBCASE("forms by count, then bytewise; reduplication stems as its base") {
      CHECK(rows(count({"Pelaksanaan kegiatan dilaksanakan warga. Kegiatan-kegiatan "
                        "dilaksanakan lagi. Mereka melaksanakan kegiatan.\n"},
                       options)) == "laksana 4 1 dilaksanakan melaksanakan pelaksanaan\n"
                                    "giat 3 1 kegiatan kegiatan-kegiatan\n"
                                    "warga 1 1 warga\n");
    }
    SUBCASE("at most `forms` forms") {
      const std::vector<std::string> text = {
          "Dilaksanakan dilaksanakan pelaksanaan melaksanakan laksanakan.\n"};
      CHECK(rows(count(text, options)) == "laksana 5 1 dilaksanakan laksanakan melaksanakan\n");
      options.forms = 1;
      CHECK(rows(count(text, options)) == "laksana 5 1 dilaksanakan\n");
    }
    SUBCASE("stop words are checked on the word, not the stem") {
      // `menurut` stems to `turut`, which is a content word.
      CHECK(rows(count({"Menurut warga, warga turut hadir.\n"}, options)) ==
            "warga 2 1 warga\nhadir 1 1 hadir\nturut 1 1 turut\n");
    }
    SUBCASE("English") {
      options.language = "en";
      CHECK(rows(count({"Volunteers volunteered; the volunteer left.\n"}, options)) ==
            "volunt 3 1 volunteer volunteered volunteers\nleft 1 1 left\n");
    }
  }

  TEST_CASE("with stems, a document's `language` attribute picks its stemmer") {
    WordsOptions options;
    options.stem = true;
    SUBCASE("English next to Indonesian") {
      WordTable table =
          count({"---\nlanguage: en\n---\nPeople helped people.\n", "Pelaksanaan oleh people.\n"},
                options);
      CHECK(rows(table) == "peopl 2 1 people\nhelp 1 1 helped\nlaksana 1 1 pelaksanaan\n"
                           "ople 1 1 people\n");
      CHECK(table.warnings.empty());
    }
    SUBCASE("a tag or a name in any case") {
      CHECK(rows(count({"---\nlang: en-US\n---\nPeople.\n"}, options)) == "peopl 1 1 people\n");
      CHECK(rows(count({"---\nlanguage: English\n---\nPeople.\n"}, options)) ==
            "peopl 1 1 people\n");
    }
    SUBCASE("a language koda cannot stem is a warning") {
      WordTable table = count({"---\nlanguage: Bahasa Indonesia\n---\nPelaksanaan.\n"}, options);
      CHECK(rows(table) == "laksana 1 1 pelaksanaan\n");
      CHECK(table.warnings ==
            std::vector<std::string>{"doc1.txt: language 'Bahasa Indonesia' is not a language koda "
                                     "can stem; stemmed as id"});
    }
    SUBCASE("without stems the attribute does not matter") {
      options.stem = false;
      WordTable table = count({"---\nlanguage: Bahasa Indonesia\n---\nPelaksanaan.\n"}, options);
      CHECK(rows(table) == "pelaksanaan 1 1\n");
      CHECK(table.warnings.empty());
    }
  }

  TEST_CASE("minimum count, minimum documents and top") {
    WordsOptions options;
    SUBCASE("min_docs") {
      options.min_docs = 2;
      CHECK(rows(count(k_two_documents, options)) == "dana 4 2\nterlambat 2 2\nwarga 2 2\n");
    }
    SUBCASE("min_count") {
      options.min_count = 3;
      CHECK(rows(count(k_two_documents, options)) == "dana 4 2\n");
    }
    SUBCASE("top, after the minimums") {
      options.top = 2;
      CHECK(rows(count(k_two_documents, options)) == "dana 4 2\nterlambat 2 2\n");
      options.min_count = 3;
      CHECK(rows(count(k_two_documents, options)) == "dana 4 2\n");
    }
    // The totals describe what was counted, not what is shown.
    WordTable table = count(k_two_documents, options);
    CHECK(table.tokens == 13);
    CHECK(table.distinct == 8);
  }

  TEST_CASE("the same table whatever the number of threads") {
    std::vector<std::string> texts;
    const char* words[] = {"dana", "warga", "relawan", "kegiatan", "laporan", "rapat", "kendala"};
    for (std::size_t i = 0; i < 40; ++i) {
      std::string text;
      for (std::size_t j = 0; j < 50 + i; ++j)
        text += fmt::format("{} ", words[(i * 3 + j * j) % 7]);
      texts.push_back(text + "\n");
    }
    std::vector<Document> docs = documents(texts);
    WordsOptions options;
    options.stem = true;
    options.jobs = 1;
    const WordTable one = count_words(docs, options);
    CHECK(one.tokens == 40 * 50 + 39 * 40 / 2);
    for (unsigned jobs : {2u, 3u, 8u, 64u}) {
      options.jobs = jobs;
      WordTable many = count_words(docs, options);
      CHECK(rows(many) == rows(one));
      CHECK(many.tokens == one.tokens);
      CHECK(many.distinct == one.distinct);
    }
  }

  TEST_CASE("no documents, or nothing but stop words") {
    WordTable empty = count({});
    CHECK(empty.words.empty());
    CHECK(empty.documents == 0);
    CHECK(empty.tokens == 0);
    WordTable stops = count({"Yang dan di ke.\n", ""});
    CHECK(stops.words.empty());
    CHECK(stops.documents == 2);
    CHECK(stops.tokens == 0);
  }

  TEST_CASE("an unknown language is an error") {
    WordsOptions options;
    options.language = "klingon";
    CHECK_THROWS_WITH_AS(count({"Dana.\n"}, options),
                         "unknown language 'klingon' (expected a Snowball stemmer name such as "
                         "indonesian or english, a code such as id or en, or none)",
                         koda::Error);
  }
}
