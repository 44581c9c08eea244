// The token caches (lib/koda/coding/token_cache.hpp): keys read with and without
// over-reading agree; spellings that share their first 8 or 16 bytes stay apart;
// everything inserted is found again, with its atoms, across the shared table's growth and
// while several threads insert and read at once; a full cache declines new spellings.

#include "koda/coding/token_cache.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <random>
#include <string>
#include <thread>
#include <vector>

using koda::coding::detail::HotTable;
using koda::coding::detail::SharedTokenCache;
using koda::coding::detail::TokenInfo;
using koda::coding::detail::TokenKey;

namespace {

TokenInfo info(int n) {
  TokenInfo value;
  value.stem = n;
  value.form = -n;
  return value;
}

// The atoms the tests give spelling number n: n % 4 of them, n, n+1, ...
std::vector<std::uint32_t> atoms_for(int n) {
  std::vector<std::uint32_t> atoms;
  for (int k = 0; k < n % 4; ++k)
    atoms.push_back(static_cast<std::uint32_t>(n + k));
  return atoms;
}

// Distinct test spellings from 1 to about 40 bytes, many sharing long prefixes: letters,
// then the number.
std::string spelling(int n) {
  static const std::string stems[] = {"kebijakan", "pelaksanaan", "sosialisasi", "a", "dana"};
  std::string word = stems[n % 5];
  for (int k = n / 5; k > 0; k /= 7)
    word += static_cast<char>('a' + k % 7);
  return word.substr(0, 1 + static_cast<std::size_t>(n) % 30) + std::to_string(n);
}

// Whether `cache` holds spelling n with the value and atoms the tests give it.
bool holds(const SharedTokenCache& cache, int n) {
  const std::string word = spelling(n);
  const std::optional<TokenInfo> found = cache.find(TokenKey::of(word));
  if (!found || found->stem != n || found->form != -n)
    return false;
  const std::vector<std::uint32_t> expected = atoms_for(n);
  if (found->atoms_count != expected.size())
    return false;
  const std::uint32_t* atoms = cache.atoms(*found);
  return std::equal(expected.begin(), expected.end(), atoms);
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
      const TokenKey narrow = TokenKey::of(text, n);
      const TokenKey wide = TokenKey::of(text, buffer.size());
      CAPTURE(n);
      CHECK(narrow.head == wide.head);
      CHECK(narrow.tail == wide.tail);
      CHECK(narrow.hash == wide.hash);
      CHECK(narrow.hash == TokenKey::of(std::string(text)).hash);
      if (n <= 8)
        CHECK(narrow.tail == 0);
    }
    // Little-endian, zero-padded: "dana" is 0x616e6164.
    CHECK(TokenKey::of("dana").head == 0x616e6164u);
    CHECK(TokenKey::of("kebijakannya").tail == 0x61796e6eu);
  }

  TEST_CASE("spellings that share their first 8 or 16 bytes are told apart") {
    SharedTokenCache cache;
    const std::vector<std::string> words = {
        "kebijaka",         "kebijakan",         "kebijakannya",     "kebijakannyapun",
        "kebijakannyapunx", "kebijakannyapunxy", "kebijakannyapunxz"};
    for (std::size_t i = 0; i < words.size(); ++i)
      REQUIRE(cache.insert(TokenKey::of(words[i]), info(static_cast<int>(i) + 1), {}));
    for (std::size_t i = 0; i < words.size(); ++i) {
      const std::optional<TokenInfo> found = cache.find(TokenKey::of(words[i]));
      REQUIRE(found.has_value());
      CHECK(found->stem == static_cast<int>(i) + 1);
    }
    CHECK_FALSE(cache.find(TokenKey::of("kebijakannyapunxw")).has_value());
    CHECK_FALSE(cache.find(TokenKey::of("kebijakannyb")).has_value());
    CHECK_FALSE(cache.find(TokenKey::of("kebijak")).has_value());
    // Inserting a spelling again keeps the first value.
    const std::optional<TokenInfo> again = cache.insert(TokenKey::of("kebijakan"), info(99), {});
    REQUIRE(again.has_value());
    CHECK(again->stem == 2);
    CHECK(cache.size() == words.size());
  }

  TEST_CASE("the hot table keeps spellings of up to 16 bytes, one per entry") {
    HotTable hot;
    const TokenKey short_key = TokenKey::of("pelaksanaannya");         // 14 bytes
    const TokenKey long_key = TokenKey::of("pelaksanaan-pelaksanaan"); // 23
    CHECK(!hot.probe(short_key).hit);
    hot.put(short_key, info(4));
    hot.put(long_key, info(5));
    REQUIRE(hot.probe(short_key).hit);
    CHECK(hot.probe(short_key).value.stem == 4);
    CHECK(!hot.probe(long_key).hit);
    hot.put(short_key, info(6));
    REQUIRE(hot.probe(short_key).hit);
    CHECK(hot.probe(short_key).value.stem == 6);
    CHECK(!hot.probe(TokenKey::of("pelaksanaanny")).hit);
    // Spellings that share the entry (same hash) but not every byte are not found: one byte
    // shorter, or longer than 16 bytes with the same first 16.
    TokenKey prefix = TokenKey::of("pelaksanaanny");
    prefix.hash = short_key.hash;
    CHECK(!hot.probe(prefix).hit);
    const TokenKey sixteen = TokenKey::of("pelaksanaannyalh");
    REQUIRE(sixteen.text.size() == 16);
    hot.put(sixteen, info(7));
    REQUIRE(hot.probe(sixteen).hit);
    TokenKey seventeen = TokenKey::of("pelaksanaannyalha");
    seventeen.hash = sixteen.hash;
    CHECK(seventeen.head == sixteen.head);
    CHECK(seventeen.tail == sixteen.tail);
    CHECK(!hot.probe(seventeen).hit);
  }

  TEST_CASE("everything inserted is found with its atoms after the table grows") {
    SharedTokenCache cache;
    for (int n = 0; n < 5000; ++n) {
      const std::string word = spelling(n);
      const TokenKey key = TokenKey::of(word);
      REQUIRE_FALSE(cache.find(key).has_value());
      const std::vector<std::uint32_t> atoms = atoms_for(n);
      const std::optional<TokenInfo> stored = cache.insert(key, info(n), atoms);
      REQUIRE(stored.has_value());
      CHECK(stored->atoms_count == atoms.size());
    }
    CHECK(cache.size() == 5000);
    int found = 0;
    for (int n = 0; n < 5000; ++n)
      found += holds(cache, n) ? 1 : 0;
    CHECK(found == 5000);
  }

  TEST_CASE("a full cache declines new spellings and keeps the old") {
    SharedTokenCache cache(100);
    for (int n = 0; n < 100; ++n)
      REQUIRE(cache.insert(TokenKey::of(spelling(n)), info(n), atoms_for(n)).has_value());
    CHECK_FALSE(cache.insert(TokenKey::of(spelling(100)), info(100), {}).has_value());
    CHECK_FALSE(cache.find(TokenKey::of(spelling(100))).has_value());
    CHECK(holds(cache, 0));
    CHECK(holds(cache, 99));
    CHECK(cache.size() == 100);
  }

  TEST_CASE("threads inserting and reading at once all see every spelling with its atoms") {
    // As in a batch: every thread looks up the same spellings in its own order and inserts
    // what it does not find; a reader probes throughout. The table grows several times.
    SharedTokenCache cache;
    constexpr int k_words = 6000;
    std::atomic<bool> done{false};
    std::atomic<int> wrong{0};
    std::thread reader([&] {
      std::mt19937 random(7);
      while (!done.load()) {
        const int n = static_cast<int>(random() % k_words);
        if (cache.find(TokenKey::of(spelling(n))).has_value() && !holds(cache, n))
          ++wrong;
      }
    });
    std::vector<std::thread> writers;
    for (unsigned t = 0; t < 4; ++t)
      writers.emplace_back([&, t] {
        std::vector<int> order(k_words);
        for (int n = 0; n < k_words; ++n)
          order[static_cast<std::size_t>(n)] = n;
        std::shuffle(order.begin(), order.end(), std::mt19937(t));
        for (int n : order) {
          const std::string word = spelling(n);
          const TokenKey key = TokenKey::of(word);
          std::optional<TokenInfo> value = cache.find(key);
          if (!value)
            value = cache.insert(key, info(n), atoms_for(n));
          if (!value || value->stem != n || !holds(cache, n))
            ++wrong;
        }
      });
    for (std::thread& writer : writers)
      writer.join();
    done = true;
    reader.join();
    CHECK(wrong.load() == 0);
    CHECK(cache.size() == static_cast<std::size_t>(k_words));
    int found = 0;
    for (int n = 0; n < k_words; ++n)
      found += holds(cache, n) ? 1 : 0;
    CHECK(found == k_words);
  }
}
