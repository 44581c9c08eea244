// The per-thread token cache (lib/koda/coding/token_cache.hpp): keys read with and
// without over-reading agree, spellings that share their first 8 or 16 bytes stay apart,
// and everything inserted is found again across the table's growth.

#include "koda/coding/token_cache.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using koda::coding::detail::TokenCache;
using koda::coding::detail::TokenInfo;

namespace {

TokenInfo info(int n) {
  TokenInfo value;
  value.stem = n;
  value.form = -n;
  value.atoms_begin = static_cast<std::uint32_t>(n) * 3;
  value.atoms_count = static_cast<std::uint16_t>(n % 7);
  return value;
}

// The n-th test spelling: lengths from 1 to 40 bytes, many sharing long prefixes.
std::string spelling(int n) {
  static const std::string stems[] = {"kebijakan", "pelaksanaan", "sosialisasi", "a", "dana"};
  std::string word = stems[n % 5];
  for (int k = n / 5; k > 0; k /= 7)
    word += static_cast<char>('a' + k % 7);
  return word.substr(0, 1 + static_cast<std::size_t>(n) % 40);
}

} // namespace

TEST_SUITE("token cache") {
  TEST_CASE("a key is the same whether or not bytes past the spelling may be read") {
    for (std::size_t n = 1; n <= 40; ++n) {
      // The spelling sits in a longer buffer whose bytes after it are not zero.
      const std::string buffer =
          std::string("pemberdayaan-masyarakat-kelurahan-kota-bandung").substr(0, n) +
          std::string(24, 'x');
      const std::string_view text(buffer.data(), n);
      const TokenCache::Key narrow = TokenCache::key_of(text, n);
      const TokenCache::Key wide = TokenCache::key_of(text, buffer.size());
      CAPTURE(n);
      CHECK(narrow.head == wide.head);
      CHECK(narrow.tail == wide.tail);
      CHECK(narrow.hash == wide.hash);
      CHECK(narrow.hash == TokenCache::key_of(std::string(text)).hash);
      if (n <= 8)
        CHECK(narrow.tail == 0);
    }
    // Little-endian, zero-padded: "dana" is 0x616e6164.
    CHECK(TokenCache::key_of("dana").head == 0x616e6164u);
    CHECK(TokenCache::key_of("kebijakannya").tail == 0x61796e6eu);
  }

  TEST_CASE("spellings that share their first 8 or 16 bytes are told apart") {
    TokenCache cache;
    const std::vector<std::string> words = {
        "kebijaka",         "kebijakan",         "kebijakannya",     "kebijakannyapun",
        "kebijakannyapunx", "kebijakannyapunxy", "kebijakannyapunxz"};
    for (std::size_t i = 0; i < words.size(); ++i)
      cache.insert(TokenCache::key_of(words[i]), info(static_cast<int>(i) + 1));
    for (int round = 0; round < 2; ++round) { // the second round is answered by the hot table
      for (std::size_t i = 0; i < words.size(); ++i) {
        const TokenInfo* found = cache.find(TokenCache::key_of(words[i]));
        REQUIRE(found != nullptr);
        CHECK(found->stem == static_cast<int>(i) + 1);
      }
    }
    CHECK(cache.find(TokenCache::key_of("kebijakannyapunxw")) == nullptr);
    CHECK(cache.find(TokenCache::key_of("kebijakannyb")) == nullptr);
    CHECK(cache.find(TokenCache::key_of("kebijak")) == nullptr);
  }

  TEST_CASE("only spellings of up to 16 bytes are kept in the hot table") {
    TokenCache cache;
    const TokenCache::Key short_key = TokenCache::key_of("pelaksanaannya");         // 14 bytes
    const TokenCache::Key long_key = TokenCache::key_of("pelaksanaan-pelaksanaan"); // 23
    cache.insert(short_key, info(4));
    cache.insert(long_key, info(5));
    CHECK(cache.find_hot(short_key) == nullptr); // not yet looked up
    REQUIRE(cache.find(short_key) != nullptr);
    REQUIRE(cache.find(long_key) != nullptr);
    REQUIRE(cache.find_hot(short_key) != nullptr);
    CHECK(cache.find_hot(short_key)->stem == 4);
    CHECK(cache.find_hot(long_key) == nullptr);
    CHECK(cache.find(long_key)->stem == 5);
  }

  TEST_CASE("everything inserted is found after the table grows, and nothing after reset") {
    TokenCache cache;
    std::vector<std::string> words;
    for (int n = 0; words.size() < 5000; ++n) {
      std::string word = spelling(n) + std::to_string(n); // distinct
      words.push_back(word);
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
      const TokenCache::Key key = TokenCache::key_of(words[i]);
      REQUIRE(cache.find(key) == nullptr);
      const TokenInfo& stored = cache.insert(key, info(static_cast<int>(i)));
      CHECK(stored.atoms_begin == i * 3);
    }
    CHECK(cache.size() == words.size());
    std::size_t found = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
      const TokenInfo* value = cache.find(TokenCache::key_of(words[i]));
      if (value && value->stem == static_cast<int>(i) && value->form == -static_cast<int>(i) &&
          value->atoms_count == i % 7)
        ++found;
    }
    CHECK(found == words.size());
    cache.reset();
    CHECK(cache.size() == 0);
    CHECK(cache.find(TokenCache::key_of(words[0])) == nullptr);
    CHECK(cache.find(TokenCache::key_of(words[4999])) == nullptr);
  }
}
