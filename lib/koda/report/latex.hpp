#pragma once

#include <string>
#include <string_view>

namespace koda::report {

// `text` safe in LaTeX running text and table cells: the ten special characters escaped
// (`\ ~ ^ & % $ # _ { }`), `<`, `>` and `|` as text symbols (the default OT1 font encoding
// would print other glyphs for them), line breaks as spaces.
inline std::string escape_latex(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
    case '\\':
      out += "\\textbackslash{}";
      break;
    case '~':
      out += "\\textasciitilde{}";
      break;
    case '^':
      out += "\\textasciicircum{}";
      break;
    case '<':
      out += "\\textless{}";
      break;
    case '>':
      out += "\\textgreater{}";
      break;
    case '|':
      out += "\\textbar{}";
      break;
    case '&':
    case '%':
    case '$':
    case '#':
    case '_':
    case '{':
    case '}':
      out += '\\';
      out += ch;
      break;
    case '\n':
      out += ' ';
      break;
    default:
      out += ch;
    }
  }
  return out;
}

} // namespace koda::report
