#pragma once

#include "koda/analysis/freq.hpp"

#include <string>

namespace koda::report {

// `table` as a self-contained SVG bar chart of coded units per code (stacked obstacle /
// support / neutral segments with a legend when `valence` is set), with a title and a
// source note, sized so that no label is clipped.
std::string freq_svg(const analysis::FreqTable& table, bool valence);

// `matrix` as a self-contained SVG heat map: units coded with both codes (or the Jaccard
// similarity with `jaccard`) in each cell, darker for more.
std::string cooccurrence_svg(const analysis::Cooccurrence& matrix, bool jaccard);

} // namespace koda::report
