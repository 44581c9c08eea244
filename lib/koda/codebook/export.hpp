#pragma once

#include "koda/codebook/codebook.hpp"

#include <string>
#include <string_view>

namespace koda::codebook {

// `codebook` as Markdown for a thesis appendix: a heading, its settings and sources, one
// table row per code (code, label, definition with inclusion and exclusion notes, example,
// keywords) and the cue and negation lists. Headings and labels in `language` (`id` or
// `en`; labels fall back to the first label a code has).
std::string export_markdown(const Codebook& codebook, std::string_view language);

// The full model of `codebook` as JSON; the layout is documented in the README
// ("koda codebook export --format json") and stays stable.
std::string export_json(const Codebook& codebook);

} // namespace koda::codebook
