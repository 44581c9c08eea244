#include "koda/coding/filter.hpp"

#include "koda/error.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace koda::coding {

corpus::Attributes unit_attributes(const corpus::Document& doc, const corpus::Unit& unit) {
  corpus::Attributes attributes = doc.attributes;
  if (!unit.speaker.empty())
    if (auto it = doc.speaker_attributes.find(unit.speaker); it != doc.speaker_attributes.end())
      for (const auto& [key, value] : it->second)
        attributes[key] = value;
  return attributes;
}

std::pair<std::string, std::string> parse_where(const std::string& condition) {
  std::size_t eq = condition.find('=');
  if (eq == std::string::npos || eq == 0)
    throw Error(fmt::format("--where '{}': expected KEY=VALUE, e.g. role=lurah", condition));
  return {condition.substr(0, eq), condition.substr(eq + 1)};
}

bool CodingFilter::accepts_document(const corpus::Document& doc) const {
  return !kind || doc.kind == *kind;
}

bool CodingFilter::accepts(const corpus::Document& doc, const Coding& coding,
                           const std::string& code_path) const {
  if (kind && doc.kind != *kind)
    return false;
  if (valence && coding.valence != *valence)
    return false;
  if (!codes.empty() && std::none_of(codes.begin(), codes.end(), [&](const std::string& p) {
        return code_path == p ||
               (code_path.size() > p.size() && code_path.compare(0, p.size(), p) == 0 &&
                code_path[p.size()] == '/');
      }))
    return false;
  const corpus::Unit& unit = doc.units[coding.unit];
  if (!speakers.empty() &&
      std::find(speakers.begin(), speakers.end(), unit.speaker) == speakers.end())
    return false;
  if (!where.empty()) {
    corpus::Attributes attributes = unit_attributes(doc, unit);
    for (const auto& [key, value] : where) {
      auto it = attributes.find(key);
      if (it == attributes.end() || it->second != value)
        return false;
    }
  }
  return true;
}

} // namespace koda::coding
