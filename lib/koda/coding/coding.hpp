#pragma once

#include "koda/codebook/codebook.hpp"
#include "koda/corpus/document.hpp"
#include "koda/text/segment.hpp"

#include <boost/container/small_vector.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

// Applying a codebook to documents: compiling it once into a Matcher, then coding each
// document's units into Codings. The rules are in the README's codebook reference.
namespace koda::coding {

// Whether a coded unit speaks of the code as an obstacle, a support, or neither.
enum class Valence { neutral, obstacle, support };

// "neutral", "obstacle" or "support".
std::string_view to_string(Valence valence);

// A byte range [start, end) into a document's text.
using Span = text::Span;

// One code applied to one unit, with the evidence for it.
struct Coding {
  std::size_t unit = 0; // index into Document::units
  std::size_t code = 0; // index into Matcher::codes()
  Valence valence = Valence::neutral;
  // What satisfied the code's rule (tokens, phrases, regex matches), in text order. Most
  // codings have one or two, kept inline: a run makes millions of codings.
  boost::container::small_vector<Span, 2> matched;
  Span cue; // the cue that set the valence, with its negation when negated
  bool has_cue = false;
  bool cue_negated = false;
};

// A code of a compiled codebook, flattened in tree order (parents before children).
struct CodeInfo {
  const codebook::Code* code = nullptr;
  std::string path;           // `sumberdaya/sdm`
  std::size_t depth = 0;      // 0 for top-level codes
  std::ptrdiff_t parent = -1; // index of the parent in Matcher::codes(), or -1
  bool has_rule = false;      // codes without `match` are never coded directly
};

// Whether interviewer turns are coded.
enum class Interviewer { skip, include };

// How much of each coding to work out: everything `koda code` reports (the matched spans
// and the valence), or only which codes apply to which units, which is all a frequency
// table without valence columns or a valence filter needs. With `codes`, Coding::matched
// is empty and every valence is neutral; which (unit, code) pairs are coded is the same.
enum class Detail { full, codes };

// Per-thread state for coding with one Matcher: segmenters, the stemmer, the thread's
// table of recent token spellings and scratch space. Create one per thread with
// Matcher::workspace(); a workspace must not outlive its Matcher.
class Workspace {
public:
  struct State;
  explicit Workspace(std::unique_ptr<State> state);
  ~Workspace();
  Workspace(Workspace&&) noexcept;
  Workspace& operator=(Workspace&&) noexcept;
  State& state() { return *m_state; }

private:
  std::unique_ptr<State> m_state;
};

// A codebook compiled for matching: term tables keyed by stem and folded form, prefix
// tables, regexes and rule programs, and the cache of what each token spelling met so far
// is to them. Share it between threads: the compiled codebook is immutable and the cache
// is safe to use from any number of workspaces at once.
class Matcher {
public:
  // Compiles `codebook`, which must outlive the Matcher. Throws koda::Error when a term
  // cannot be compiled (an ICU regex the checker let through, an unknown language).
  explicit Matcher(const codebook::Codebook& codebook);
  ~Matcher();
  Matcher(Matcher&&) noexcept;
  Matcher& operator=(Matcher&&) noexcept;

  const codebook::Codebook& codebook() const;
  const std::vector<CodeInfo>& codes() const;

  // A new per-thread workspace for this matcher.
  std::unique_ptr<Workspace> workspace() const;

  // The codings of `doc`: for each unit (interviewer turns only with Interviewer::include),
  // each code whose rule holds there and whose `unless` does not, in unit order, then
  // code order.
  std::vector<Coding> code_document(const corpus::Document& doc, Interviewer interviewer,
                                    Workspace& workspace, Detail detail = Detail::full) const;

  // Why `coding` of `doc` was made and got its valence, in words, for `--explain`.
  std::string explain(const corpus::Document& doc, const Coding& coding,
                      Workspace& workspace) const;

  struct Impl;

private:
  std::unique_ptr<Impl> m_impl;
};

} // namespace koda::coding
