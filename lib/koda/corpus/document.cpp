#include "koda/corpus/document.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace koda::corpus {

std::string_view to_string(Kind kind) {
  switch (kind) {
  case Kind::interview:
    return "interview";
  case Kind::minutes:
    return "minutes";
  case Kind::observation:
    return "observation";
  case Kind::document:
    return "document";
  }
  return "document";
}

std::string_view to_string(KindSource source) {
  switch (source) {
  case KindSource::front_matter:
    return "front matter";
  case KindSource::detected:
    return "detected";
  case KindSource::forced:
    return "forced";
  case KindSource::fallback:
    return "default";
  }
  return "default";
}

std::optional<Kind> parse_kind(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "interview" || lower == "transcript" || lower == "wawancara")
    return Kind::interview;
  if (lower == "minutes" || lower == "notulen" || lower == "notulensi")
    return Kind::minutes;
  if (lower == "observation" || lower == "notes" || lower == "observasi")
    return Kind::observation;
  if (lower == "document" || lower == "dokumen")
    return Kind::document;
  return std::nullopt;
}

} // namespace koda::corpus
