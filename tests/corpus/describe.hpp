#pragma once

#include "koda/corpus/document.hpp"

#include <string>

namespace koda::corpus::testing {

// One line per unit: `line|speaker|I if interviewer|section|text`, so a test can assert
// every unit of a document in one comparison.
inline std::string describe(const Document& doc) {
  std::string out;
  for (const Unit& unit : doc.units) {
    out += std::to_string(unit.line) + "|" + unit.speaker + "|" + (unit.interviewer ? "I" : "") +
           "|" + std::string(unit.section) + "|" + std::string(doc.unit_text(unit)) + "\n";
  }
  return out;
}

} // namespace koda::corpus::testing
