// Front matter is the YAML block that Jekyll, Hugo, Obsidian and Pandoc put at the top of
// a Markdown file. It is parsed with yaml-cpp rather than by hand because researchers'
// front matter uses the whole of YAML: quoted and block scalars, flow lists
// (`topics: [dana, sdm]`), nested maps, comments. Attributes are flat strings in koda
// (they are table dimensions and CSV columns), so structure is flattened here, once.

#include "koda/corpus/front_matter.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

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

} // namespace

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

  YAML::Node root;
  try {
    root = YAML::Load(std::string(text.substr(yaml_start, yaml_end - yaml_start)));
  } catch (const YAML::Exception& e) {
    // yaml-cpp marks are 0-based and relative to the block, which starts on line 2.
    std::size_t line = e.mark.is_null() ? 2 : static_cast<std::size_t>(e.mark.line) + 2;
    std::size_t column = e.mark.is_null() ? 1 : static_cast<std::size_t>(e.mark.column) + 1;
    throw SyntaxError(line, column, fmt::format("malformed YAML in front matter: {}", e.msg));
  }
  result.present = true;
  if (root.IsNull())
    return result;
  if (!root.IsMap())
    throw SyntaxError(2, 1, "front matter must be a YAML map of `key: value` lines");

  Attributes attributes;
  flatten(root, "", attributes);
  if (auto it = attributes.find("kind"); it != attributes.end()) {
    result.kind = parse_kind(it->second);
    if (!result.kind) {
      std::size_t line = 2;
      if (const YAML::Node kind_node = root["kind"]; kind_node)
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
