#pragma once

#include "koda/codebook/codebook.hpp"

#include <string>
#include <string_view>

namespace koda::report {

// `codebook` as a tree for a terminal: a title line with its settings, one line per code
// (tree branches, id, label in `language`, term count), then the cue and negation counts.
std::string codebook_tree(const codebook::Codebook& codebook, std::string_view language);

} // namespace koda::report
