#include "koda/error.hpp"
#include "koda/text/stem.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using koda::text::Stemmer;

namespace {

std::string stem_of(Stemmer& stemmer, std::string_view word) {
  return std::string(stemmer.stem(word));
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

} // namespace

TEST_SUITE("text::stem") {

  TEST_CASE("Indonesian stems strip prefixes and suffixes") {
    Stemmer stemmer("indonesian");
    SUBCASE("confixes di-…-kan and pe-…-an") {
      CHECK(stem_of(stemmer, "dilaksanakan") == "laksana");
      CHECK(stem_of(stemmer, "pelaksanaan") == "laksana");
      CHECK(stem_of(stemmer, "menyelenggarakan") == "selenggara");
    }
    SUBCASE("a possessive suffix") { CHECK(stem_of(stemmer, "sosialisasinya") == "sosialisasi"); }
    SUBCASE("ke-…-an") {
      CHECK(stem_of(stemmer, "kegiatan") == "giat");
      CHECK(stem_of(stemmer, "kebijakan") == "bijak");
    }
    SUBCASE("a root stays") { CHECK(stem_of(stemmer, "masyarakat") == "masyarakat"); }
    SUBCASE("reduplication stems like one half") {
      CHECK(stem_of(stemmer, "kegiatan-kegiatan") == "giat");
      CHECK(stem_of(stemmer, "anak-anak") == "anak");
      CHECK(stem_of(stemmer, "anak-anak-anak") == "anak");
    }
    SUBCASE("other hyphenated words go to Snowball whole") {
      CHECK(stem_of(stemmer, "sayur-mayur") == "sayur-mayur");
      CHECK(stem_of(stemmer, "anak-anaknya") == "anak-anak");
    }
    SUBCASE("the empty word") { CHECK(stem_of(stemmer, "") == ""); }
  }

  TEST_CASE("English and French stems") {
    Stemmer english("english");
    CHECK(stem_of(english, "running") == "run");
    CHECK(stem_of(english, "communities") == "communiti");
    CHECK(stem_of(english, "resources") == "resourc");
    CHECK(stem_of(english, "don't") == "don't");
    Stemmer french("fr");
    CHECK(stem_of(french, "continuellement") == "continuel");
  }

  TEST_CASE("a stem stays valid until the next call") {
    Stemmer stemmer("id");
    const std::string_view first = stemmer.stem("pelaksanaan");
    CHECK(first == "laksana");
    CHECK(stemmer.stem("kegiatan") == "giat");
  }

  TEST_CASE("languages are named by Snowball name, two-letter code or none") {
    SUBCASE("codes map to Snowball names") {
      CHECK(Stemmer("id").algorithm() == "indonesian");
      CHECK(Stemmer("en").algorithm() == "english");
      CHECK(Stemmer("no").algorithm() == "norwegian");
      CHECK(Stemmer("el").algorithm() == "greek");
    }
    SUBCASE("names are matched ignoring ASCII case") {
      CHECK(Stemmer("EN").algorithm() == "english");
      CHECK(Stemmer("Indonesian").algorithm() == "indonesian");
    }
    SUBCASE("Snowball names that have no code") {
      CHECK(Stemmer("porter").algorithm() == "porter");
    }
    SUBCASE("none returns the word unchanged") {
      Stemmer none("none");
      CHECK(none.algorithm() == "none");
      CHECK(stem_of(none, "dilaksanakan") == "dilaksanakan");
      CHECK(stem_of(none, "anak-anak") == "anak-anak");
    }
    SUBCASE("an unknown language") {
      CHECK_THROWS_WITH_AS(Stemmer("xx"),
                           "unknown language 'xx' (expected a Snowball stemmer name such as "
                           "indonesian or english, a code such as id or en, or none)",
                           koda::Error);
      CHECK_THROWS_AS(Stemmer("ja"), koda::Error);
      CHECK_THROWS_AS(Stemmer(""), koda::Error);
    }
    SUBCASE("is_known agrees with the constructor") {
      CHECK(Stemmer::is_known("id"));
      CHECK(Stemmer::is_known("indonesian"));
      CHECK(Stemmer::is_known("none"));
      CHECK_FALSE(Stemmer::is_known("xx"));
      CHECK_FALSE(Stemmer::is_known("ja"));
    }
    SUBCASE("known_languages lists names, codes and none, sorted") {
      const std::vector<std::string> names = Stemmer::known_languages();
      CHECK(std::is_sorted(names.begin(), names.end()));
      CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
      for (const char* name : {"none", "id", "indonesian", "en", "english", "porter", "yi"}) {
        CHECK_MESSAGE(contains(names, name), name);
      }
      CHECK_FALSE(contains(names, "ja"));
      for (const std::string& name : names) {
        CHECK_MESSAGE(Stemmer::is_known(name), name);
      }
    }
  }

} // TEST_SUITE
