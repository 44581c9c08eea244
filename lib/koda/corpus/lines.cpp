// Recognising structure line by line, by hand rather than with std::regex: documents can
// hold a single 5 MB line, on which libstdc++'s recursive regex engine overflows the
// stack, and these recognisers run on every line of every document. Each looks at most
// at a short prefix of the line.

#include "koda/corpus/lines.hpp"

#include <algorithm>
#include <array>

namespace koda::corpus::lines {
namespace {

constexpr std::size_t k_max_label_bytes = 48;
constexpr int k_max_label_words = 4;

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_space(char c) { return c == ' ' || c == '\t'; }
// A byte of a non-ASCII UTF-8 sequence: labels may be written in any script.
constexpr bool is_utf8_byte(char c) { return static_cast<unsigned char>(c) >= 0x80; }

// Equal but for the case of ASCII letters.
bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return lower_ascii(x) == lower_ascii(y);
         });
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && is_space(s[i]))
    ++i;
  return i;
}

// Digits separated by `:` (2 or 3 groups), optionally `.fraction`: `12:31`, `00:12:31.5`.
std::size_t scan_clock(std::string_view s, std::size_t i) {
  int groups = 0;
  while (true) {
    std::size_t digits = i;
    while (digits < s.size() && is_digit(s[digits]) && digits - i < 2)
      ++digits;
    if (digits == i)
      return 0;
    i = digits;
    ++groups;
    if (i < s.size() && s[i] == ':' && groups < 3 && i + 1 < s.size() && is_digit(s[i + 1])) {
      ++i;
      continue;
    }
    break;
  }
  if (groups < 2)
    return 0;
  if (i + 1 < s.size() && (s[i] == '.' || s[i] == ',') && is_digit(s[i + 1])) {
    ++i;
    while (i < s.size() && is_digit(s[i]))
      ++i;
  }
  return i;
}

// A timestamp `[00:12:31]`, `(00:12)` or `00:12:31` followed by a space; returns the
// offset after it and its trailing spaces, or 0.
std::size_t scan_timestamp(std::string_view s, std::size_t i, std::string_view& stamp) {
  if (i < s.size() && (s[i] == '[' || s[i] == '(')) {
    char close = s[i] == '[' ? ']' : ')';
    std::size_t end = scan_clock(s, i + 1);
    if (end == 0 || end >= s.size() || s[end] != close)
      return 0;
    stamp = s.substr(i + 1, end - i - 1);
    return skip_spaces(s, end + 1);
  }
  std::size_t end = scan_clock(s, i);
  if (end == 0 || end >= s.size() || !is_space(s[end]))
    return 0;
  stamp = s.substr(i, end - i);
  return skip_spaces(s, end);
}

// What a byte can be in a turn label: part of a word (letters of any script, digits and
// `.'-_/`), a space, the start of a role in parentheses, the end of the label (`:`, or `*`
// of `**Label:**`), or something no label holds. Labels are scanned on every line.
enum class LabelByte : unsigned char { other, word, space, open, end };
constexpr std::array<LabelByte, 256> k_label_bytes = [] {
  std::array<LabelByte, 256> table{};
  for (std::size_t b = 0; b < 256; ++b) {
    const auto c = static_cast<char>(b);
    if (is_ascii_alpha(c) || is_digit(c) || is_utf8_byte(c) || c == '.' || c == '\'' || c == '-' ||
        c == '_' || c == '/')
      table[b] = LabelByte::word;
    else if (is_space(c))
      table[b] = LabelByte::space;
    else if (c == '(')
      table[b] = LabelByte::open;
    else if (c == ':' || c == '*')
      table[b] = LabelByte::end;
  }
  return table;
}();

// Words that end in a colon at line start but name a field, not a speaker.
bool is_field_word(std::string_view label) {
  static const std::string_view k_fields[] = {
      "catatan",  "note",          "notes",        "tanggal",      "date",  "lokasi",
      "location", "waktu",         "time",         "tempat",       "place", "hadir",
      "acara",    "agenda",        "keputusan",    "judul",        "title", "kesimpulan",
      "topik",    "topic",         "sumber",       "source",       "http",  "https",
      "peserta",  "tindak lanjut", "daftar hadir", "hari/tanggal", "hari"};
  if (label.size() < 4 || label.size() > 13) // the lengths above: most labels are not fields
    return false;
  return std::any_of(std::begin(k_fields), std::end(k_fields),
                     [&](std::string_view f) { return iequals(f, label); });
}

} // namespace

std::vector<Line> split_lines(std::string_view text, std::size_t from, std::size_t first_number) {
  std::vector<Line> result;
  // Room for lines of 64 bytes on average, so that most documents need no reallocation.
  result.reserve((text.size() - std::min(from, text.size())) / 64 + 8);
  std::size_t number = first_number;
  std::size_t pos = from;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos)
      end = text.size();
    result.push_back({text.substr(pos, end - pos), pos, number++});
    pos = end + 1;
  }
  return result;
}

LineIndex::LineIndex(std::string_view text) {
  m_starts.push_back(0);
  for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1))
    m_starts.push_back(i + 1);
}

std::size_t LineIndex::line_of(std::size_t offset) const {
  auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
  return static_cast<std::size_t>(it - m_starts.begin());
}

bool is_blank(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char c) { return is_space(c); });
}

std::string_view trim(std::string_view line) {
  std::size_t b = skip_spaces(line, 0);
  std::size_t e = line.size();
  while (e > b && is_space(line[e - 1]))
    --e;
  return line.substr(b, e - b);
}

std::optional<TurnLabel> parse_turn_label(std::string_view line) {
  std::size_t i = skip_spaces(line, 0);
  if (i > 3)
    return std::nullopt;
  // Every label ends in a colon, which most prose lines lack. Without a timestamp first, it
  // can only be within the first bytes: the label's, and `**` around it.
  const bool stamp = i < line.size() && (line[i] == '[' || line[i] == '(' || is_digit(line[i]));
  if (line.substr(0, stamp ? line.size() : i + k_max_label_bytes + 8).find(':') ==
      std::string_view::npos)
    return std::nullopt;
  TurnLabel result;
  if (std::size_t after = scan_timestamp(line, i, result.timestamp); after != 0)
    i = after;
  bool bold = line.substr(i, 2) == "**";
  if (bold)
    i += 2;
  if (i >= line.size() || !(is_ascii_alpha(line[i]) || is_utf8_byte(line[i])))
    return std::nullopt;

  const std::size_t label_start = i;
  int words = 1;
  std::size_t label_end = std::string_view::npos;
  const std::size_t limit = std::min(line.size(), label_start + k_max_label_bytes + 1);
  for (; i < limit; ++i) {
    // Runs of word bytes first, in a loop of their own: most of a label is words.
    while (k_label_bytes[static_cast<unsigned char>(line[i])] == LabelByte::word)
      if (++i == limit)
        break;
    if (i == limit)
      break;
    switch (k_label_bytes[static_cast<unsigned char>(line[i])]) {
    case LabelByte::word:
      continue;
    case LabelByte::end:
      label_end = i;
      break;
    case LabelByte::open: { // a role in parentheses: `Pak Darto (Lurah)`
      std::size_t close = line.find(')', i);
      if (close == std::string_view::npos || close - label_start > k_max_label_bytes)
        return std::nullopt;
      i = close;
      continue;
    }
    case LabelByte::space:
      if (i + 1 < line.size() && !is_space(line[i + 1]) && line[i + 1] != ':' &&
          line[i + 1] != '*' && line[i + 1] != '(' && ++words > k_max_label_words)
        return std::nullopt;
      continue;
    case LabelByte::other:
      return std::nullopt;
    }
    break; // LabelByte::end
  }
  if (label_end == std::string_view::npos)
    return std::nullopt;
  std::string_view label = trim(line.substr(label_start, label_end - label_start));
  i = label_end;
  if (bold && line.substr(i, 2) == "**")
    i += 2;
  if (i >= line.size() || line[i] != ':')
    return std::nullopt;
  ++i;
  if (bold && line.substr(i, 2) == "**")
    i += 2;
  if (i < line.size() && !is_space(line[i]))
    return std::nullopt; // `http://`, `10:30`, `Rp:5`: not a label
  if (label.empty() || is_field_word(label))
    return std::nullopt;
  result.label = label;
  result.content = skip_spaces(line, i);
  return result;
}

std::optional<std::string_view> parse_heading(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == '#' && i < 7)
    ++i;
  if (i == 0 || i > 6 || (i < line.size() && !is_space(line[i])))
    return std::nullopt;
  std::string_view text = trim(line.substr(i));
  while (!text.empty() && text.back() == '#')
    text.remove_suffix(1);
  return trim(text);
}

std::optional<std::size_t> parse_list_item(std::string_view line) {
  std::size_t i = skip_spaces(line, 0);
  if (i >= line.size())
    return std::nullopt;
  if (line[i] == '-' || line[i] == '*' || line[i] == '+') {
    ++i;
  } else if (is_digit(line[i])) {
    std::size_t digits = i;
    while (digits < line.size() && is_digit(line[digits]) && digits - i < 3)
      ++digits;
    if (digits >= line.size() || (line[digits] != '.' && line[digits] != ')'))
      return std::nullopt;
    i = digits + 1;
  } else {
    return std::nullopt;
  }
  if (i < line.size() && !is_space(line[i]))
    return std::nullopt;
  return skip_spaces(line, i);
}

std::optional<KeyLine> parse_key_line(std::string_view line,
                                      const std::vector<std::string_view>& keys) {
  std::size_t i = skip_spaces(line, 0);
  bool bold = line.substr(i, 2) == "**";
  if (bold)
    i += 2;
  std::size_t colon = line.find(':', i);
  if (colon == std::string_view::npos || colon - i > 40)
    return std::nullopt;
  std::size_t key_end = colon;
  if (bold && key_end >= i + 2 && line.substr(key_end - 2, 2) == "**")
    key_end -= 2;
  std::string_view key = trim(line.substr(i, key_end - i));
  if (!std::any_of(keys.begin(), keys.end(), [&](std::string_view k) { return iequals(k, key); }))
    return std::nullopt;
  std::size_t value = colon + 1;
  if (bold && line.substr(value, 2) == "**")
    value += 2;
  return KeyLine{key, skip_spaces(line, value)};
}

std::optional<EntryStamp> parse_entry_stamp(std::string_view line) {
  // [YYYY-MM-DD], [YYYY-MM-DD HH:MM], [YYYY-MM-DDTHH:MM:SS], [DD/MM/YYYY ...]
  std::size_t i = skip_spaces(line, 0);
  if (i >= line.size() || line[i] != '[')
    return std::nullopt;
  std::size_t close = line.find(']', i);
  if (close == std::string_view::npos || close - i > 40)
    return std::nullopt;
  std::string_view stamp = line.substr(i + 1, close - i - 1);
  auto digits_at = [&](std::size_t p, std::size_t n) {
    if (p + n > stamp.size())
      return false;
    for (std::size_t k = 0; k < n; ++k)
      if (!is_digit(stamp[p + k]))
        return false;
    return true;
  };
  bool iso = digits_at(0, 4) && stamp.size() >= 10 && stamp[4] == '-' && digits_at(5, 2) &&
             stamp[7] == '-' && digits_at(8, 2);
  bool dmy = stamp.size() >= 10 && digits_at(0, 2) && (stamp[2] == '/' || stamp[2] == '-') &&
             digits_at(3, 2) && stamp[5] == stamp[2] && digits_at(6, 4);
  if (!iso && !dmy)
    return std::nullopt;
  if (stamp.size() > 10 && stamp[10] != ' ' && stamp[10] != 'T')
    return std::nullopt;
  return EntryStamp{stamp, skip_spaces(line, close + 1)};
}

} // namespace koda::corpus::lines
