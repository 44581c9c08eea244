#pragma once

#include "koda/coding/coding.hpp"
#include "koda/corpus/document.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace koda::coding {

// Which codings a command reports: `--code`, `--valence`, `--speaker`, `--kind`, `--where`.
struct CodingFilter {
  std::vector<std::string> codes; // code paths; a path also selects its descendants
  std::optional<Valence> valence;
  std::vector<std::string> speakers; // exact speaker labels
  std::optional<corpus::Kind> kind;
  std::vector<std::pair<std::string, std::string>> where; // attribute = value, all must hold

  // Whether `coding` of `doc`, by a code with path `code_path`, passes.
  bool accepts(const corpus::Document& doc, const Coding& coding,
               const std::string& code_path) const;
  // Whether any coding of `doc` could pass (its kind and document attributes fit).
  bool accepts_document(const corpus::Document& doc) const;
  // Whether every coding passes (no condition is set).
  bool accepts_all() const {
    return codes.empty() && !valence && speakers.empty() && !kind && where.empty();
  }
};

// The attributes of `unit` of `doc`: the document's, overridden by its speaker's.
corpus::Attributes unit_attributes(const corpus::Document& doc, const corpus::Unit& unit);

// Parses `KEY=VALUE` for --where. Throws koda::Error naming the expected form.
std::pair<std::string, std::string> parse_where(const std::string& condition);

} // namespace koda::coding
