#include "koda/report/words.hpp"

#include <doctest/doctest.h>

using koda::analysis::WordsOptions;
using koda::analysis::WordTable;
using koda::report::DelimitedWriter;

namespace {

WordTable stems() {
  WordTable table;
  table.words = {{"laksana", 1204, 9, {"pelaksanaan", "dilaksanakan", "melaksanakan"}},
                 {"giat", 31, 12, {"kegiatan"}},
                 {"dana", 7, 1, {"dana", "dana\u2019"}}};
  table.documents = 14;
  table.tokens = 7200;
  table.distinct = 1744;
  return table;
}

WordsOptions stemmed() {
  WordsOptions options;
  options.stem = true;
  return options;
}

} // namespace

TEST_SUITE("report::words") {
  TEST_CASE("a terminal table aligns on display width") {
    WordTable table;
    table.words = {{"warga", 83, 11, {}}, {"kafé", 5, 1, {}}, {"数据", 2, 1, {}}};
    table.documents = 1;
    table.tokens = 1;
    table.distinct = 3;
    CHECK(koda::report::words_table(table, {}) == "rank  word   count  documents\n"
                                                  "   1  warga     83         11\n"
                                                  "   2  kafé       5          1\n"
                                                  "   3  数据       2          1\n"
                                                  "\n"
                                                  "3 of 3 words shown; 1 token counted in 1 "
                                                  "document\n");
  }

  TEST_CASE("a terminal table of stems shows their forms") {
    CHECK(koda::report::words_table(stems(), stemmed()) ==
          "rank  stem     count  documents  forms\n"
          "   1  laksana   1204          9  pelaksanaan, dilaksanakan, melaksanakan\n"
          "   2  giat        31         12  kegiatan\n"
          "   3  dana         7          1  dana, dana\u2019\n"
          "\n"
          "3 of 1744 stems shown; 7200 tokens counted in 14 documents\n");
  }

  TEST_CASE("CSV and TSV") {
    CHECK(koda::report::words_delimited(stems(), stemmed(), DelimitedWriter::Style::csv) ==
          "rank,stem,count,documents,forms\n"
          "1,laksana,1204,9,pelaksanaan;dilaksanakan;melaksanakan\n"
          "2,giat,31,12,kegiatan\n"
          "3,dana,7,1,dana;dana\u2019\n");
    CHECK(koda::report::words_delimited(stems(), {}, DelimitedWriter::Style::tsv) ==
          "rank\tword\tcount\tdocuments\n"
          "1\tlaksana\t1204\t9\n"
          "2\tgiat\t31\t12\n"
          "3\tdana\t7\t1\n");
  }

  TEST_CASE("JSON") {
    WordTable table = stems();
    table.words.resize(1);
    WordsOptions options = stemmed();
    options.language = "indonesian";
    options.stop_lists = {koda::text::StopList::english};
    CHECK(koda::report::words_json(table, options) == R"({
  "lang": "indonesian",
  "stemmed": true,
  "stop_words": [
    "en"
  ],
  "words": [
    {
      "rank": 1,
      "word": "laksana",
      "count": 1204,
      "documents": 9,
      "forms": [
        "pelaksanaan",
        "dilaksanakan",
        "melaksanakan"
      ]
    }
  ],
  "documents": 14,
  "tokens": 7200,
  "distinct": 1744
}
)");
    table.words.clear();
    options.stem = false;
    options.stop_lists.clear();
    CHECK(koda::report::words_json(table, options) == R"({
  "lang": "indonesian",
  "stemmed": false,
  "stop_words": [],
  "words": [],
  "documents": 14,
  "tokens": 7200,
  "distinct": 1744
}
)");
  }
}
