// The ASCII scan under decoding, folding and segmentation (lib/koda/text/ascii.hpp): the
// length of the leading ASCII run, whichever of its 64-byte, 8-byte or single-byte steps
// finds the first non-ASCII byte.

#include "koda/text/ascii.hpp"

#include <doctest/doctest.h>

#include <string>

using koda::text::detail::ascii_prefix_length;
using koda::text::detail::is_ascii;

TEST_SUITE("text::ascii") {
  TEST_CASE("the ASCII run ends at the first byte of 0x80 or more, wherever it is") {
    for (std::size_t size = 0; size <= 200; ++size) {
      const std::string plain(size, 'a');
      CAPTURE(size);
      CHECK(ascii_prefix_length(plain) == size);
      CHECK(is_ascii(plain));
      for (std::size_t at = 0; at < size; ++at) {
        std::string text = plain;
        text[at] = static_cast<char>(at % 2 ? 0x80 : 0xFF); // both ends of the high range
        CAPTURE(at);
        CHECK(ascii_prefix_length(text) == at);
        CHECK_FALSE(is_ascii(text));
      }
    }
  }

  TEST_CASE("a view is scanned, not the string behind it") {
    const std::string text = std::string(70, 'x') + "é" + std::string(70, 'y');
    CHECK(ascii_prefix_length(std::string_view(text).substr(0, 70)) == 70);
    CHECK(ascii_prefix_length(std::string_view(text).substr(72)) == 70);
    CHECK(ascii_prefix_length(std::string_view(text).substr(3)) == 67);
  }
}
