#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace koda::corpus {

// What sort of document a file is; decides how it is cut into units.
enum class Kind { interview, minutes, observation, document };

// Where a document's kind came from.
enum class KindSource { front_matter, detected, forced, fallback };

// What one unit (one coded excerpt) is: the document's natural unit or a sentence of it.
enum class UnitMode { natural, sentence };

// Attribute key → value. Lists are `;`-joined; nested maps use `parent.child` keys.
using Attributes = std::map<std::string, std::string>;

// One excerpt-sized piece of a document: a speaker turn, an agenda item, an observation
// entry, a paragraph or a sentence.
struct Unit {
  std::size_t start = 0;    // byte offset into Document::text (NFC UTF-8), inclusive
  std::size_t end = 0;      // byte offset, exclusive
  std::size_t line = 1;     // 1-based line of `start`
  std::string speaker;      // turn label as written (`Pak Darto (Lurah)`), or empty
  bool interviewer = false; // a turn by the interviewer: kept but not coded by default
  // Minutes section or observation entry heading, or empty: a view into the Document's
  // `sections` (units of one section share one copy of its heading).
  std::string_view section;
  std::string timestamp; // transcript timestamp as written (`00:12:31`), or empty
};

// A loaded document: its normalised text, how it was read, its attributes and units.
// Move-only: its units' `section` views point into its own `sections`.
struct Document {
  Document() = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  Document(Document&&) noexcept = default;
  Document& operator=(Document&&) noexcept = default;
  ~Document() = default;

  std::string path; // as given on the command line (`-` for standard input)
  std::string text; // decoded, LF line ends, NFC; unit offsets point into it
  std::string encoding;
  std::string encoding_note; // the decoder's warning when the encoding was guessed
  Kind kind = Kind::document;
  KindSource kind_source = KindSource::fallback;
  std::string kind_reason; // why the kind was detected, e.g. "34 speaker turns by 2 labels"
  Attributes attributes;
  std::map<std::string, Attributes> speaker_attributes; // from --attributes keyed by speaker
  std::vector<Unit> units;
  std::deque<std::string> sections;  // the headings units' `section` views (never moved)
  std::vector<std::string> warnings; // non-fatal problems found while reading, without the path

  // The text of `unit`.
  std::string_view unit_text(const Unit& unit) const {
    return std::string_view(text).substr(unit.start, unit.end - unit.start);
  }
};

// The name of `kind` as written in front matter and output: "interview", "minutes", ...
std::string_view to_string(Kind kind);

// The name of `source`: "front matter", "detected", "forced", "default".
std::string_view to_string(KindSource source);

// The kind named `name` (case-insensitive; also "transcript", "notes", "notulen"), if any.
std::optional<Kind> parse_kind(std::string_view name);

} // namespace koda::corpus
