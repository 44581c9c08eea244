// Front matter is the YAML block that Jekyll, Hugo, Obsidian and Pandoc put at the top of
// a Markdown file. It is parsed with yaml-cpp rather than by hand because researchers'
// front matter uses the whole of YAML: quoted and block scalars, flow lists
// (`topics: [dana, sdm]`), nested maps, comments. Attributes are flat strings in koda
// (they are table dimensions and CSV columns), so structure is flattened here, once.
//
// Most blocks are a handful of `key: value` lines, and building a YAML document for each
// of thousands of files costs more than coding them. So a block whose every line is a pair
// that YAML can only read one way (simple_front_matter) is split by hand, and anything
// else goes to yaml-cpp. A differential test (tests/corpus/test_front_matter.cpp) holds
// the hand-split result to yaml-cpp's on lines built from awkward keys and values.

#include "koda/corpus/front_matter.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

namespace koda::corpus {
namespace {

// The line at `pos` without its LF, and the offset just past it.
std::string_view line_at(std::string_view text, std::size_t pos, std::size_t& next) {
  std::size_t end = text.find('\n', pos);
  if (end == std::string_view::npos) {
    next = text.size();
    return text.substr(pos);
  }
  next = end + 1;
  return text.substr(pos, end - pos);
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

std::string flatten_scalar_list(const YAML::Node& list);

void flatten(const YAML::Node& node, const std::string& key, Attributes& out) {
  switch (node.Type()) {
  case YAML::NodeType::Map:
    for (const auto& item : node) {
      std::string child = item.first.as<std::string>();
      flatten(item.second, key.empty() ? child : key + "." + child, out);
    }
    break;
  case YAML::NodeType::Sequence:
    out[key] = flatten_scalar_list(node);
    break;
  case YAML::NodeType::Scalar:
    out[key] = node.Scalar();
    break;
  case YAML::NodeType::Null:
  case YAML::NodeType::Undefined:
    out[key] = "";
    break;
  }
}

// List items joined by "; "; items that are themselves maps or lists are written in YAML
// flow style so nothing is silently dropped.
std::string flatten_scalar_list(const YAML::Node& list) {
  std::string joined;
  for (const auto& item : list) {
    if (!joined.empty())
      joined += "; ";
    if (item.IsScalar()) {
      joined += item.Scalar();
    } else if (!item.IsNull()) {
      YAML::Emitter emitter;
      emitter << YAML::Flow << item;
      joined += emitter.c_str();
    }
  }
  return joined;
}

// Whether `value` (trimmed, non-empty) is a plain YAML scalar that means itself: it starts
// with a letter or digit (no indicator, quote, anchor, tag or block scalar), holds no
// comment (`#`), no `: ` or trailing `:` (a nested map), no flow brackets, tabs or control
// characters, no Unicode line or paragraph separator or NEL (line breaks to YAML 1.1) and
// no BOM, and is not one of the spellings of null.
bool is_self_meaning_scalar(std::string_view value) {
  if (value.empty() || !std::isalnum(static_cast<unsigned char>(value.front())))
    return false;
  if (value == "null" || value == "Null" || value == "NULL" || value.back() == ':')
    return false;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c < 0x20 || c == 0x7F || c == '#' || c == '[' || c == ']' || c == '{' || c == '}')
      return false;
    if (c == ':' && value[i + 1] == ' ') // value.back() is not ':', so i + 1 is in range
      return false;
    if (c == 0xC2 && i + 1 < value.size() && static_cast<unsigned char>(value[i + 1]) == 0x85)
      return false;
    if (c == 0xE2 && (value.substr(i, 3) == "\xE2\x80\xA8" || value.substr(i, 3) == "\xE2\x80\xA9"))
      return false;
    if (c == 0xEF && value.substr(i, 3) == "\xEF\xBB\xBF")
      return false;
  }
  return true;
}

bool is_simple_key(std::string_view key) {
  if (key.empty() || !std::isalnum(static_cast<unsigned char>(key.front())))
    return false;
  return std::all_of(key.begin(), key.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return std::isalnum(c) || c == '_' || c == '-' || c == '.';
  });
}

} // namespace

namespace detail {

std::optional<Attributes> simple_front_matter(std::string_view block) {
  Attributes attributes;
  std::size_t pos = 0;
  while (pos < block.size()) {
    std::size_t next = 0;
    const std::string_view line = trim_right(line_at(block, pos, next));
    pos = next;
    if (line.empty())
      continue;
    const std::size_t colon = line.find(": ");
    if (colon == std::string_view::npos)
      return std::nullopt;
    const std::string_view key = line.substr(0, colon);
    std::string_view value = line.substr(colon + 2);
    while (!value.empty() && value.front() == ' ')
      value.remove_prefix(1);
    if (!is_simple_key(key) || !is_self_meaning_scalar(value))
      return std::nullopt;
    if (!attributes.emplace(key, value).second)
      return std::nullopt; // a repeated key: leave it to yaml-cpp
  }
  return attributes;
}

Attributes yaml_front_matter(std::string_view block) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(block));
  } catch (const YAML::Exception& e) {
    // yaml-cpp marks are 0-based and relative to the block, which starts on line 2.
    std::size_t line = e.mark.is_null() ? 2 : static_cast<std::size_t>(e.mark.line) + 2;
    std::size_t column = e.mark.is_null() ? 1 : static_cast<std::size_t>(e.mark.column) + 1;
    throw SyntaxError(line, column, fmt::format("malformed YAML in front matter: {}", e.msg));
  }
  Attributes attributes;
  if (root.IsNull())
    return attributes;
  if (!root.IsMap())
    throw SyntaxError(2, 1, "front matter must be a YAML map of `key: value` lines");
  flatten(root, "", attributes);
  return attributes;
}

} // namespace detail

FrontMatter parse_front_matter(std::string_view text) {
  FrontMatter result;
  std::size_t pos = 0;
  if (trim_right(line_at(text, 0, pos)) != "---")
    return result;

  const std::size_t yaml_start = pos;
  std::size_t yaml_end = std::string_view::npos;
  std::size_t line_no = 1;
  while (pos < text.size()) {
    std::size_t next = 0;
    std::string_view line = trim_right(line_at(text, pos, next));
    ++line_no;
    if (line == "---" || line == "...") {
      yaml_end = pos;
      result.body_start = next;
      break;
    }
    pos = next;
  }
  if (yaml_end == std::string_view::npos)
    throw SyntaxError(1, 1, "front matter opened here is not closed by a '---' line");

  const std::string_view block = text.substr(yaml_start, yaml_end - yaml_start);
  std::optional<Attributes> simple = detail::simple_front_matter(block);
  Attributes attributes = simple ? std::move(*simple) : detail::yaml_front_matter(block);
  result.present = true;
  if (auto it = attributes.find("kind"); it != attributes.end()) {
    result.kind = parse_kind(it->second);
    if (!result.kind) {
      // The line of the `kind` key, for the message.
      std::size_t line = 2;
      if (const YAML::Node kind_node = YAML::Load(std::string(block))["kind"]; kind_node)
        line = static_cast<std::size_t>(kind_node.Mark().line) + 2;
      throw SyntaxError(line, 1,
                        fmt::format("unknown kind '{}' in front matter (expected interview, "
                                    "minutes, observation or document)",
                                    it->second));
    }
    attributes.erase(it);
  }
  result.attributes = std::move(attributes);
  return result;
}

} // namespace koda::corpus
