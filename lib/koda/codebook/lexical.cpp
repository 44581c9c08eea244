// The characters and tokens of codebook source, scanned as plain text.
//
// Words are decoded from UTF-8 with ICU's character properties so that a term can be
// written in any script: a word starts with a letter or digit (`u_isalnum`) and goes on
// through letters, digits, combining marks (Vietnamese tones, Arabic harakat), the
// zero-width (non-)joiners of Persian and Indic scripts, and the joiners - _ ' ’ . that
// researchers write inside words (`sumber-daya`, `don't`, `Rp.`). Where a word ends is then
// settled by the same ICU segmenter documents go through (parse.cpp).
//
// Error recovery needs a cruder view: after a syntax error nothing can be trusted, so the
// resume point is found by skipping strings and comments and looking for the marks of a
// statement start — a '}', a keyword at the start of a line, a keyword of the current block
// after a blank. That loses little: codebook statements usually start lines.

#include "koda/codebook/lexical.hpp"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace koda::codebook::detail {
namespace {

using Iterator = const char*;

UChar32 next_code_point(Iterator& it, Iterator end) {
  if (static_cast<unsigned char>(*it) < 0x80) {
    return *it++;
  }
  std::int32_t length = static_cast<std::int32_t>(std::min<std::ptrdiff_t>(end - it, 4));
  std::int32_t at = 0;
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(it), at, length, c);
  it += at;
  return c;
}

bool is_word_start(UChar32 c) {
  return c < 0x80 ? is_ascii_alnum(static_cast<char>(c)) : u_isalnum(c);
}

bool is_blank(UChar32 c) {
  if (c < 0x80) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
  }
  return u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF;
}

bool is_word_inner(UChar32 c) {
  if (c < 0x80) {
    return is_ascii_alnum(static_cast<char>(c)) || c == '-' || c == '_' || c == '\'' || c == '.';
  }
  return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0 || c == 0x2019 || c == 0x200C ||
         c == 0x200D;
}

} // namespace

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

const char* word_end(const char* first, const char* last) {
  Iterator end = first;
  for (Iterator at = first; at != last;) {
    const UChar32 c = next_code_point(at, last);
    if (end == first ? !is_word_start(c) : !is_word_inner(c)) {
      break;
    }
    end = at;
  }
  return end;
}

const char* blank_end(const char* first, const char* last) {
  Iterator at = first;
  return first != last && is_blank(next_code_point(at, last)) ? at : first;
}

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; });
  return lower;
}

bool contains(Keywords keywords, std::string_view word) {
  return std::find(keywords.begin(), keywords.end(), word) != keywords.end();
}

bool starts_line(std::string_view text, std::size_t at) {
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) {
    --at;
  }
  return at == 0 || text[at - 1] == '\n';
}

std::string describe_token(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) {
    return "the end of the file";
  }
  const std::string_view token = text.substr(offset, token_end(text, offset) - offset);
  return token.front() == '"' ? std::string(token) : fmt::format("'{}'", token);
}

std::size_t token_end(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) {
    return text.size();
  }
  const Iterator begin = text.data() + offset;
  const Iterator last = text.data() + text.size();
  if (const Iterator end = word_end(begin, last); end != begin) {
    return static_cast<std::size_t>(end - text.data());
  }
  if (*begin == '"') {
    const std::size_t line_end = std::min(text.find('\n', offset), text.size());
    std::size_t close = offset + 1;
    while (close < line_end && text[close] != '"') {
      close += text[close] == '\\' ? 2 : 1;
    }
    return std::min(close + 1, line_end);
  }
  Iterator end = begin;
  next_code_point(end, last);
  return static_cast<std::size_t>(end - text.data());
}

std::size_t resume_point(std::string_view text, std::size_t offset, Keywords any_keywords,
                         Keywords block_keywords) {
  const Iterator last = text.data() + text.size();
  std::size_t at = offset;
  while (at < text.size()) {
    const char c = text[at];
    if (c == '}') {
      return at;
    }
    if (c == '#') {
      at = std::min(text.find('\n', at), text.size());
    } else if (c == '"') {
      const std::size_t line_end = std::min(text.find('\n', at), text.size());
      for (++at; at < line_end && text[at] != '"'; at += text[at] == '\\' ? 2 : 1) {
      }
      at = std::min(at + 1, line_end);
    } else if (const Iterator end = word_end(text.data() + at, last); end != text.data() + at) {
      const std::string word = ascii_lower(std::string_view(text.data() + at, end));
      const bool after_blank =
          at == 0 || text[at - 1] == ' ' || text[at - 1] == '\t' || text[at - 1] == '\n';
      if ((starts_line(text, at) && contains(any_keywords, word)) ||
          (after_blank && contains(block_keywords, word))) {
        return at;
      }
      at = static_cast<std::size_t>(end - text.data());
    } else {
      Iterator next = text.data() + at;
      next_code_point(next, last);
      at = static_cast<std::size_t>(next - text.data());
    }
  }
  return text.size();
}

std::size_t brace_on_line(std::string_view text, std::size_t offset) {
  for (std::size_t at = offset; at < text.size() && text[at] != '\n'; ++at) {
    if (text[at] == '{') {
      return at;
    }
    if (text[at] == '#') {
      break;
    }
    if (text[at] == '"') {
      for (++at; at < text.size() && text[at] != '"' && text[at] != '\n';
           at += text[at] == '\\' ? 2 : 1) {
      }
      if (at >= text.size() || text[at] == '\n') {
        break;
      }
    }
  }
  return std::string_view::npos;
}

} // namespace koda::codebook::detail
