#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace koda::report {

// A small streaming JSON writer producing stable, pretty-printed (or compact) output:
// keys in the order they are written, two-space indentation, UTF-8 passed through,
// control characters escaped. Used for every JSON and JSON Lines output koda writes.
class JsonWriter {
public:
  // Writes into `out`; `pretty` indents nested values, otherwise one line.
  explicit JsonWriter(std::string& out, bool pretty = true) : m_out(out), m_pretty(pretty) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  // The key of the next value in the current object.
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(std::uint64_t number);
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(bool flag);
  JsonWriter& value(double number);
  JsonWriter& null();

private:
  void before_value();
  void newline();

  std::string& m_out;
  bool m_pretty;
  // Per open container: whether it already holds a value.
  std::vector<bool> m_has_items;
  bool m_after_key = false;
};

// `text` as a JSON string literal with quotes.
std::string json_quote(std::string_view text);

// Appends `text` as a JSON string literal with quotes to `out`.
void append_json_quoted(std::string& out, std::string_view text);

} // namespace koda::report
