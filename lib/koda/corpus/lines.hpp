#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

// Line-level recognisers shared by the kind detector and the unit cutters: what a line
// of a transcript, minutes or observation note is. Each takes one line without its LF.
namespace koda::corpus::lines {

// One line of a document body: its text without the LF, its byte offset, its number.
struct Line {
  std::string_view text;
  std::size_t start = 0; // byte offset into the document text
  std::size_t number = 1;
};

// The lines of `text` from byte `from` on, numbered from `first_number`.
std::vector<Line> split_lines(std::string_view text, std::size_t from, std::size_t first_number);

// The 1-based line number of byte `offset` in `text`, given the offsets where lines start.
class LineIndex {
public:
  explicit LineIndex(std::string_view text);
  std::size_t line_of(std::size_t offset) const;

private:
  std::vector<std::size_t> m_starts;
};

// Whether `line` holds only spaces and tabs.
bool is_blank(std::string_view line);

// A speaker-turn label: `[00:12:31] Pak Darto (Lurah): text`.
struct TurnLabel {
  std::string_view timestamp; // `00:12:31`, without brackets, or empty
  std::string_view label;     // `Pak Darto (Lurah)`
  std::size_t content = 0;    // offset in the line where the turn's text starts
};

// The turn label at the start of `line`, if the line starts a speaker turn.
std::optional<TurnLabel> parse_turn_label(std::string_view line);

// A Markdown ATX heading (`## Agenda`): the heading text.
std::optional<std::string_view> parse_heading(std::string_view line);

// A list item (`- x`, `* x`, `+ x`, `1. x`, `1) x`): the offset of the item text.
std::optional<std::size_t> parse_list_item(std::string_view line);

// A `Key: value` line whose key is one of `keys` (compared case-insensitively, optionally
// wrapped in `**`): the key as written and the offset of the value (end of line if none).
struct KeyLine {
  std::string_view key;
  std::size_t value = 0;
};
std::optional<KeyLine> parse_key_line(std::string_view line,
                                      const std::vector<std::string_view>& keys);

// An observation entry stamp at line start (`[2008-04-10 09:00] text`): the stamp
// without brackets and the offset of the text after it.
struct EntryStamp {
  std::string_view stamp;
  std::size_t content = 0;
};
std::optional<EntryStamp> parse_entry_stamp(std::string_view line);

// `line` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view line);

// `c` with ASCII letters lowercased (std::tolower in the C locale, inline: labels and keys
// are compared on every line).
constexpr char lower_ascii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c;
}

} // namespace koda::corpus::lines
