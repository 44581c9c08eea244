#include "koda/report/json.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>

namespace koda::report {

namespace {

// Bytes that must be escaped inside a JSON string: controls, quote, backslash.
constexpr std::array<bool, 256> k_needs_escape = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c)
    table[static_cast<std::size_t>(c)] = true;
  table['"'] = true;
  table['\\'] = true;
  return table;
}();

} // namespace

void append_json_quoted(std::string& out, std::string_view text) {
  out += '"';
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (!k_needs_escape[c])
      continue;
    out.append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    default:
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
    }
  }
  out.append(text.data() + run, text.size() - run);
  out += '"';
}

std::string json_quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  append_json_quoted(out, text);
  return out;
}

void JsonWriter::newline() {
  if (!m_pretty)
    return;
  m_out += '\n';
  m_out.append(m_has_items.size() * 2, ' ');
}

void JsonWriter::before_value() {
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (!m_has_items.empty()) {
    if (m_has_items.back())
      m_out += ',';
    m_has_items.back() = true;
    newline();
  }
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  m_out += '{';
  m_has_items.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  bool had = m_has_items.back();
  m_has_items.pop_back();
  if (had)
    newline();
  m_out += '}';
  if (m_has_items.empty() && m_pretty)
    m_out += '\n';
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  m_out += '[';
  m_has_items.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  bool had = m_has_items.back();
  m_has_items.pop_back();
  if (had)
    newline();
  m_out += ']';
  if (m_has_items.empty() && m_pretty)
    m_out += '\n';
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  before_value();
  append_json_quoted(m_out, name);
  m_out += m_pretty ? ": " : ":";
  m_after_key = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  append_json_quoted(m_out, text);
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number) {
  before_value();
  m_out += fmt::format("{}", number);
  return *this;
}

JsonWriter& JsonWriter::value(std::uint64_t number) {
  before_value();
  m_out += fmt::format("{}", number);
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  before_value();
  m_out += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  before_value();
  if (std::isfinite(number))
    m_out += fmt::format("{}", number);
  else
    m_out += "null";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  m_out += "null";
  return *this;
}

} // namespace koda::report
