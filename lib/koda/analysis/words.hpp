#pragma once

#include "koda/corpus/document.hpp"
#include "koda/text/stopwords.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

// Word and stem frequencies over documents: what `koda words` shows a researcher looking
// for terms for a codebook.
namespace koda::analysis {

// What `count_words` counts and which rows it keeps.
struct WordsOptions {
  // With `stem`, the stemmer for documents whose `language` attribute names none: a
  // Snowball name, a code ("id", "en") or "none".
  std::string language = "id";
  bool stem = false; // count stems rather than case-folded word forms
  std::vector<text::StopList> stop_lists{text::StopList::indonesian, text::StopList::english};
  bool numbers = false;             // also count tokens without a letter (2008, 1.500.000)
  bool include_interviewer = false; // also count interviewer turns
  std::uint64_t min_count = 1;      // keep words occurring at least this often
  std::uint64_t min_docs = 1;       // keep words found in at least this many documents
  std::size_t top = 0;              // keep the first `top` rows; 0 keeps all
  std::size_t forms = 3;            // with `stem`: word forms shown per stem
  unsigned jobs = 1;                // threads
};

// One row of a word frequency table.
struct WordFrequency {
  std::string word;               // the case-folded word form, or its stem
  std::uint64_t count = 0;        // occurrences
  std::uint64_t documents = 0;    // documents it occurs in
  std::vector<std::string> forms; // with stems: the most frequent folded forms, most first
};

// A word frequency table and what it was counted over.
struct WordTable {
  std::vector<WordFrequency> words;  // by count (most first), then word (bytewise)
  std::uint64_t documents = 0;       // documents counted over
  std::uint64_t tokens = 0;          // tokens counted: not stop words, not numbers
  std::uint64_t distinct = 0;        // distinct words or stems before min_count, min_docs, top
  std::vector<std::string> warnings; // `path: language 'x' is not a language koda can stem; …`
};

// Counts the words (or stems) in the units of `documents` as `options` says, using up to
// `options.jobs` threads; the result does not depend on the number of threads. With
// stems, a document whose `language` (or `lang`) attribute names a language the stemmer
// knows (`en`, `English`, `en-US`) is stemmed in it. Throws koda::Error when
// `options.language` is not a language the stemmer knows.
WordTable count_words(std::span<const corpus::Document> documents, const WordsOptions& options);

} // namespace koda::analysis
