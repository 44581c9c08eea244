#pragma once

#include "koda/codebook/codebook.hpp"
#include "koda/text/segment.hpp"

#include <optional>
#include <vector>

// Internal to lib/koda/codebook: building match expressions.
namespace koda::codebook::detail {

// Joins `right` to `left` under `op` (any_of or all_of), splicing the operands of either
// side that already is an `op`, so nested same-operator expressions stay flat.
void join_into(Expr& left, Op op, Expr right);

// Several `match` (or `unless`) lines of one block as one expression: any of `lines`, or
// nothing when there are none.
std::optional<Expr> any_of_lines(std::vector<Expr> lines);

// Fills the words of every term in `expr` as `segmenter` cuts documents; a stem term of
// several words becomes a phrase.
void split_words(Expr& expr, text::WordSegmenter& segmenter);

} // namespace koda::codebook::detail
