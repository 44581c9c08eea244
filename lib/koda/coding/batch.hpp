#pragma once

#include "koda/coding/coding.hpp"
#include "koda/corpus/load.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace koda::coding {

// A document with its codings by each matcher of a batch.
struct CodedDocument {
  corpus::Document document;
  std::vector<std::vector<Coding>> codings; // one list per matcher, in matcher order
  std::string prepared;                     // what BatchCallbacks::prepare made of it, if anything
  std::size_t prepared_items = 0;           // how many records `prepared` holds
};

// How a batch is run.
struct BatchOptions {
  corpus::LoadOptions load;
  Interviewer interviewer = Interviewer::skip;
  Detail detail = Detail::full;
  unsigned jobs = 1;
};

// How far a batch has got, for a progress display.
struct BatchProgress {
  std::size_t done = 0;    // inputs finished (coded or failed)
  std::size_t total = 0;   // inputs in all
  std::uint64_t bytes = 0; // bytes of the documents coded so far
};

// What a batch did, for the summary line.
struct BatchSummary {
  std::size_t documents = 0;
  std::size_t units = 0;
  std::size_t codings = 0;
  std::size_t skipped = 0; // inputs that produced no document
  std::uint64_t bytes = 0;
  std::vector<std::string> errors; // unreadable inputs, each naming its path
};

// What a batch reports to its caller as it goes, always on the calling thread and in
// input order (so output is the same whatever `jobs` is).
struct BatchCallbacks {
  // Optional, and the exception to the rule above: called on whichever thread coded the
  // document, concurrently for different documents, before it is delivered. Work that
  // needs only the document and read-only state (rendering its output into
  // CodedDocument::prepared) goes here so that it runs on every thread.
  std::function<void(CodedDocument&)> prepare;
  std::function<void(CodedDocument&&)> document;
  std::function<void(const std::string&)> warning; // a message naming the path
  std::function<void(const std::string&)> error;   // a message naming the path
  std::function<void(const BatchProgress&)> progress;
};

// Reads and codes every input `paths` names with every one of `matchers`, on
// `options.jobs` threads, and hands each coded document to `callbacks.document` in input
// order. At most a few documents per thread are held at once, so memory does not grow
// with the corpus. An unreadable input is reported and skipped; the rest are coded.
BatchSummary code_inputs(const std::vector<std::string>& paths,
                         const std::vector<const Matcher*>& matchers, const BatchOptions& options,
                         const BatchCallbacks& callbacks);

} // namespace koda::coding
