#include "koda/text/stopwords.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using koda::text::is_stopword;
using koda::text::parse_stop_list;
using koda::text::StopList;
using koda::text::stopwords;

namespace {

constexpr StopList k_id = StopList::indonesian;
constexpr StopList k_en = StopList::english;

// The words of the ```text blocks under `## <heading>` in docs/stopwords.md.
std::multiset<std::string> documented(const std::string& heading) {
  std::ifstream in(std::filesystem::path(__FILE__).parent_path() / "../../docs/stopwords.md");
  REQUIRE(in);
  std::multiset<std::string> words;
  std::string line;
  bool in_section = false;
  bool in_block = false;
  while (std::getline(in, line)) {
    if (line.starts_with("## "))
      in_section = line == "## " + heading;
    else if (line.starts_with("```"))
      in_block = !in_block;
    else if (in_section && in_block) {
      std::istringstream words_of_line(line);
      for (std::string word; words_of_line >> word;)
        words.insert(word);
    }
  }
  return words;
}

std::multiset<std::string> listed(StopList language) {
  std::multiset<std::string> words;
  for (std::string_view word : stopwords(language))
    words.emplace(word);
  return words;
}

} // namespace

TEST_SUITE("text::stopwords") {

  TEST_CASE("Indonesian function words are stop words, standard and spoken") {
    for (const char* word : {"yang", "dan", "di", "ke", "dari", "itu", "ini", "untuk", "dengan",
                             "bahwa", "adalah", "sudah", "akan", "bisa", "harus", "sangat"})
      CHECK_MESSAGE(is_stopword(word, k_id), word);
    SUBCASE("informal particles and forms") {
      for (const char* word : {"sih", "kok", "dong", "deh", "nah", "ya", "aja", "udah", "gitu",
                               "kayak", "banget", "emang"})
        CHECK_MESSAGE(is_stopword(word, k_id), word);
    }
    SUBCASE("negations, standard and spoken") {
      for (const char* word : {"tidak", "tak", "bukan", "belum", "jangan", "nggak", "gak", "ga"})
        CHECK_MESSAGE(is_stopword(word, k_id), word);
    }
    SUBCASE("clipped forms of address and number words") {
      for (const char* word : {"pak", "bu", "mbak", "mas", "satu", "dua", "puluh", "juta"})
        CHECK_MESSAGE(is_stopword(word, k_id), word);
    }
  }

  TEST_CASE("content words stay, even frequent or cue words") {
    for (const char* word : {"dapat", "kurang", "sulit", "perlu", "lancar", "baik", "waktu", "baru",
                             "bapak", "ibu", "blm", "warga", "dana", "relawan", "rp"})
      CHECK_MESSAGE(!is_stopword(word, k_id), word);
    for (const char* word : {"well", "like", "community", "funds", "late"})
      CHECK_MESSAGE(!is_stopword(word, k_en), word);
  }

  TEST_CASE("the lookup is exact on the folded word") {
    CHECK(!is_stopword("Yang", k_id)); // callers fold first
    CHECK(!is_stopword("yangg", k_id));
    CHECK(!is_stopword("", k_id));
    CHECK(!is_stopword("diri", k_id));
  }

  TEST_CASE("each list is its own language") {
    CHECK(is_stopword("the", k_en));
    CHECK(!is_stopword("the", k_id));
    CHECK(is_stopword("yang", k_id));
    CHECK(!is_stopword("yang", k_en));
    CHECK(is_stopword("per", k_id));
    CHECK(is_stopword("per", k_en));
  }

  TEST_CASE("English contractions, with either apostrophe") {
    CHECK(is_stopword("don't", k_en));
    CHECK(is_stopword("don\u2019t", k_en));
    CHECK(is_stopword("they\u2019re", k_en));
    CHECK(!is_stopword("dont", k_en));
    CHECK(!is_stopword("community\u2019s", k_en));
  }

  TEST_CASE("a reduplication of a stop word is a stop word") {
    SUBCASE("doubled and tripled") {
      CHECK(is_stopword("apa-apa", k_id));
      CHECK(is_stopword("lain-lain", k_id));
      CHECK(is_stopword("satu-satu", k_id));
      CHECK(is_stopword("itu-itu-itu", k_id));
    }
    SUBCASE("listed reduplications") {
      CHECK(is_stopword("masing-masing", k_id));
      CHECK(is_stopword("benar-benar", k_id));
      CHECK(!is_stopword("masing", k_id));
    }
    SUBCASE("not when doubling makes a content word") {
      CHECK(!is_stopword("bagi-bagi", k_id));
      CHECK(!is_stopword("buat-buat", k_id));
    }
    SUBCASE("not other hyphenated words") {
      CHECK(!is_stopword("anak-anak", k_id));
      CHECK(!is_stopword("apa-apaan", k_id));
      CHECK(!is_stopword("apa-", k_id));
      CHECK(!is_stopword("-apa", k_id));
      CHECK(!is_stopword("di-ke", k_id));
    }
  }

  TEST_CASE("the lists are sorted, without duplicates, and as long as documented") {
    for (StopList language : {k_id, k_en}) {
      std::vector<std::string_view> words = stopwords(language);
      CHECK(std::is_sorted(words.begin(), words.end()));
      CHECK(std::adjacent_find(words.begin(), words.end()) == words.end());
      for (std::string_view word : words)
        CHECK_MESSAGE(is_stopword(word, language), word);
    }
    CHECK(stopwords(k_id).size() == 257);
    CHECK(stopwords(k_en).size() == 259);
  }

  TEST_CASE("docs/stopwords.md prints exactly the lists") {
    CHECK(documented("Indonesian") == listed(k_id));
    CHECK(documented("English") == listed(k_en));
  }

  TEST_CASE("list names") {
    CHECK(parse_stop_list("id") == k_id);
    CHECK(parse_stop_list("indonesian") == k_id);
    CHECK(parse_stop_list("en") == k_en);
    CHECK(parse_stop_list("english") == k_en);
    CHECK(!parse_stop_list("fr"));
    CHECK(!parse_stop_list("ID"));
    CHECK(koda::text::to_string(k_id) == "id");
    CHECK(koda::text::to_string(k_en) == "en");
  }
}
