#pragma once

#include "koda/corpus/document.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace koda::corpus {

// A kind guessed from a document's structure, with the evidence in words.
struct KindGuess {
  Kind kind = Kind::document;
  std::string reason;
};

// Guesses the kind of the body of `text` (from byte `body_start`) from its structure:
// minutes markers, dated observation entries, or speaker turns; else `document`.
KindGuess detect_kind(std::string_view text, std::size_t body_start);

// The units of a document body and what its structure said besides.
struct Structure {
  std::vector<Unit> units;
  std::deque<std::string> sections;    // what the units' `section` views point into
  std::vector<std::string> attendance; // minutes: names from `Hadir:` / `## Peserta`
  // minutes: `Tempat: Balai RW 05`-style lines describing the meeting, as (key, value)
  std::vector<std::pair<std::string, std::string>> meeting;
};

// Cuts the body of `text` (from byte `body_start`) into the natural units of `kind`.
// `interviewer_labels` (from the `interviewer` attribute) names the interviewer's turn
// labels; when empty, the usual labels (Peneliti, Pewawancara, Interviewer, P, Q, I) are
// used, with `I` decided by the pair of labels the document uses.
Structure cut_units(std::string_view text, std::size_t body_start, Kind kind,
                    const std::vector<std::string>& interviewer_labels);

// Replaces each of `units` by its sentences (ICU sentence break), keeping speaker, section
// and interviewer flag; lines are recomputed against `text`.
void split_into_sentences(std::string_view text, std::vector<Unit>& units);

} // namespace koda::corpus
