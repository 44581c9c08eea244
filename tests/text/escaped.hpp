#pragma once

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

} // namespace koda::text::testing
