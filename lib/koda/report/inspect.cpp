#include "koda/report/inspect.hpp"

#include "koda/report/json.hpp"
#include "koda/report/terminal.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace koda::report {
namespace {

using corpus::Document;
using corpus::Unit;

constexpr std::size_t k_max_who_width = 28;

std::string who(const Unit& unit) {
  if (!unit.speaker.empty())
    return unit.speaker;
  if (!unit.section.empty())
    return "§ " + std::string(unit.section);
  return "";
}

std::string_view kind_source_key(corpus::KindSource source) {
  switch (source) {
  case corpus::KindSource::front_matter:
    return "front_matter";
  case corpus::KindSource::detected:
    return "detected";
  case corpus::KindSource::forced:
    return "forced";
  case corpus::KindSource::fallback:
    return "default";
  }
  return "default";
}

void document_table(const Document& doc, std::size_t preview_width, std::string& out) {
  out += doc.path + "\n";
  out += fmt::format("  kind        {} ({}{}{})\n", corpus::to_string(doc.kind),
                     corpus::to_string(doc.kind_source), doc.kind_reason.empty() ? "" : ": ",
                     doc.kind_reason);
  out += fmt::format("  encoding    {}{}\n", doc.encoding.empty() ? "UTF-8" : doc.encoding,
                     doc.encoding_note.empty() ? "" : " (guessed)");
  if (!doc.attributes.empty()) {
    std::size_t key_width = 0;
    for (const auto& [key, value] : doc.attributes)
      key_width = std::max(key_width, display_width(key));
    out += "  attributes\n";
    for (const auto& [key, value] : doc.attributes)
      out += fmt::format("    {}  {}\n", pad_right(key, key_width), value);
  }
  std::size_t interviewer = static_cast<std::size_t>(std::count_if(
      doc.units.begin(), doc.units.end(), [](const Unit& u) { return u.interviewer; }));
  out += fmt::format("  units       {}", doc.units.size());
  if (interviewer > 0)
    out += fmt::format(" ({} interviewer turn{}, not coded by default)", interviewer,
                       interviewer == 1 ? "" : "s");
  out += "\n";
  if (doc.units.empty())
    return;

  std::size_t who_width = 7; // "speaker"
  for (const Unit& unit : doc.units)
    who_width = std::max(who_width, std::min(k_max_who_width, display_width(who(unit))));
  std::size_t index_width =
      std::max<std::size_t>(1, fmt::formatted_size("{}", doc.units.size() - 1));
  std::size_t line_width =
      std::max<std::size_t>(4, fmt::formatted_size("{}", doc.units.back().line));
  out += fmt::format("  {}  {}  {}     text\n", pad_left("#", index_width),
                     pad_left("line", line_width), pad_right("speaker", who_width));
  for (std::size_t i = 0; i < doc.units.size(); ++i) {
    const Unit& unit = doc.units[i];
    out += fmt::format("  {}  {}  {}  {}  {}\n", pad_left(fmt::format("{}", i), index_width),
                       pad_left(fmt::format("{}", unit.line), line_width),
                       pad_right(truncate_display(who(unit), who_width), who_width),
                       unit.interviewer ? "I" : " ",
                       truncate_display(doc.unit_text(unit), preview_width));
  }
}

void attributes_json(const corpus::Attributes& attributes, JsonWriter& json) {
  json.begin_object();
  for (const auto& [key, value] : attributes)
    json.key(key).value(value);
  json.end_object();
}

void document_json(const Document& doc, JsonWriter& json) {
  json.begin_object();
  json.key("path").value(doc.path);
  json.key("kind").value(corpus::to_string(doc.kind));
  json.key("kind_source").value(kind_source_key(doc.kind_source));
  json.key("kind_reason").value(doc.kind_reason);
  json.key("encoding").value(doc.encoding.empty() ? "UTF-8" : doc.encoding);
  json.key("encoding_note").value(doc.encoding_note);
  json.key("attributes");
  attributes_json(doc.attributes, json);
  json.key("speaker_attributes").begin_object();
  for (const auto& [speaker, attributes] : doc.speaker_attributes) {
    json.key(speaker);
    attributes_json(attributes, json);
  }
  json.end_object();
  json.key("warnings").begin_array();
  for (const std::string& warning : doc.warnings)
    json.value(warning);
  json.end_array();
  json.key("units").begin_array();
  for (std::size_t i = 0; i < doc.units.size(); ++i) {
    const Unit& unit = doc.units[i];
    json.begin_object();
    json.key("index").value(static_cast<std::uint64_t>(i));
    json.key("line").value(static_cast<std::uint64_t>(unit.line));
    json.key("start").value(static_cast<std::uint64_t>(unit.start));
    json.key("end").value(static_cast<std::uint64_t>(unit.end));
    json.key("speaker").value(unit.speaker);
    json.key("interviewer").value(unit.interviewer);
    json.key("section").value(unit.section);
    json.key("timestamp").value(unit.timestamp);
    json.key("text").value(doc.unit_text(unit));
    json.end_object();
  }
  json.end_array();
  json.end_object();
}

} // namespace

std::string inspect_table(const corpus::Corpus& corpus, std::size_t preview_width) {
  std::string out;
  for (std::size_t i = 0; i < corpus.documents.size(); ++i) {
    if (i > 0)
      out += "\n";
    document_table(corpus.documents[i], preview_width, out);
  }
  return out;
}

std::string inspect_json(const corpus::Corpus& corpus) {
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  json.key("documents").begin_array();
  for (const Document& doc : corpus.documents)
    document_json(doc, json);
  json.end_array();
  json.key("errors").begin_array();
  for (const std::string& error : corpus.errors)
    json.value(error);
  json.end_array();
  json.key("warnings").begin_array();
  for (const std::string& warning : corpus.warnings)
    json.value(warning);
  json.end_array();
  json.end_object();
  return out;
}

} // namespace koda::report
