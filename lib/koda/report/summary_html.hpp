#pragma once

#include "koda/analysis/summary.hpp"

#include <string>

namespace koda::report {

// `summary` as one self-contained HTML page in the summary's language (inline CSS and
// SVG, no scripts, nothing loaded from elsewhere): the ranking table, a bar chart of
// obstacle against support units per factor, the co-occurrence heat map of the top-level
// factors, a section per factor with its counts, terms and quotes, the stage table and the
// closing paragraph; every text escaped, styled for the screen and for print.
std::string summary_html(const analysis::Summary& summary);

} // namespace koda::report
