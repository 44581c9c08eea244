#pragma once

#include <string>
#include <string_view>

namespace koda::report {

// `text` safe inside HTML or XML text and attribute values: `&`, `<`, `>` and `"` escaped.
inline std::string escape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    default:
      out += ch;
    }
  }
  return out;
}

} // namespace koda::report
