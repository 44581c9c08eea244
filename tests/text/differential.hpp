#pragma once

#include <cstddef>
#include <random>
#include <string>
#include <string_view>

namespace koda::text::testing {

// `text` with bytes outside printable ASCII (and the backslash) written as \xHH, so that a
// differential test's failure message shows the text that differs.
inline std::string escaped(std::string_view text) {
  std::string result;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7F && c != '\\') {
      result.push_back(c);
    } else {
      constexpr std::string_view hex = "0123456789ABCDEF";
      result += "\\x";
      result.push_back(hex[byte >> 4]);
      result.push_back(hex[byte & 0xF]);
    }
  }
  return result;
}

// Calls `check(text)` with every string of 0 to `max_length` pieces of `alphabet` (chars or
// strings), shortest first: the exhaustive part of a differential test.
template <class Alphabet, class Check>
void for_each_string(const Alphabet& alphabet, std::size_t max_length, Check&& check) {
  std::size_t combinations = 1;
  for (std::size_t length = 0; length <= max_length; ++length, combinations *= alphabet.size()) {
    for (std::size_t n = 0; n < combinations; ++n) {
      std::string text;
      for (std::size_t i = 0, rest = n; i < length; ++i, rest /= alphabet.size())
        text += alphabet[rest % alphabet.size()];
      check(text);
    }
  }
}

// Calls `check(text)` with `count` texts, each of `min_pieces` to `max_pieces` pieces of
// `fragments` picked at random from a generator seeded with `seed`: the generated part.
template <class Fragments, class Check>
void for_each_generated(const Fragments& fragments, unsigned seed, int min_pieces, int max_pieces,
                        int count, Check&& check) {
  std::mt19937 random(seed);
  std::uniform_int_distribution<std::size_t> pick(0, fragments.size() - 1);
  std::uniform_int_distribution<int> pieces(min_pieces, max_pieces);
  for (int i = 0; i < count; ++i) {
    std::string text;
    for (int k = pieces(random); k > 0; --k)
      text += fragments[pick(random)];
    check(text);
  }
}

} // namespace koda::text::testing
