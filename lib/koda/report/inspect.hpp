#pragma once

#include "koda/corpus/load.hpp"

#include <string>

namespace koda::report {

// How each document of `corpus` was read, for a terminal: path, kind and why, encoding,
// attributes, and one line per unit (index, line, speaker or section, interviewer flag,
// first characters). `preview_width` is the number of columns of text shown per unit.
std::string inspect_table(const corpus::Corpus& corpus, std::size_t preview_width = 60);

// The same as a stable JSON document (see README, "koda inspect --format json").
std::string inspect_json(const corpus::Corpus& corpus);

} // namespace koda::report
