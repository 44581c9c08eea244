#pragma once

#include "koda/analysis/words.hpp"
#include "koda/report/csv.hpp"

#include <string>

namespace koda::report {

// `table`, counted with `options`, for a terminal: one aligned row per word (rank, word or
// stem, count, documents, and with stems the most frequent forms), then a line saying
// how many rows are shown of how many and how many tokens and documents were counted.
std::string words_table(const analysis::WordTable& table, const analysis::WordsOptions& options);

// `table` as CSV or TSV (`style`): `rank,word,count,documents`, or with stems
// `rank,stem,count,documents,forms` with forms `;`-joined.
std::string words_delimited(const analysis::WordTable& table, const analysis::WordsOptions& options,
                            DelimitedWriter::Style style);

// `table` as a JSON object: lang, stemmed, stop_words, words (rank, word, count,
// documents, and forms with stems), documents, tokens, distinct (see README, `koda words`).
std::string words_json(const analysis::WordTable& table, const analysis::WordsOptions& options);

} // namespace koda::report
