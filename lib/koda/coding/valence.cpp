// Valence: does a coded unit speak of its code as an obstacle or as a support?
//
// The rule (README, "Valence"): look at the sentences holding the code's evidence (or the
// whole unit with `valence scope unit`). In each, every obstacle or support cue is a piece
// of evidence; a cue is negated when a negation term ends 1..window tokens before it starts
// (so a cue never negates itself, and "tidak ada kendala" flips "kendala"). A negated
// support cue is obstacle evidence ("tidak lancar"), a negated obstacle cue support
// evidence ("tidak ada kendala"). In each sentence the cue nearest to the code's evidence
// decides; on equal distance obstacle wins, then the earlier cue. The unit is an obstacle
// if any sentence says so, else a support if any sentence says so, else neutral; the
// deciding cue is the one of the first such sentence.

#include "koda/coding/workspace.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace koda::coding::detail {
namespace {

// Whether `candidate` decides a sentence rather than `current`.
bool better(const ValenceVerdict& candidate, const ValenceVerdict& current) {
  if (!current.found)
    return true;
  if (candidate.distance != current.distance)
    return candidate.distance < current.distance;
  if (candidate.obstacle != current.obstacle)
    return candidate.obstacle;
  return candidate.cue.start < current.cue.start;
}

std::string_view excerpt(std::string_view text, std::size_t start, std::size_t end) {
  return text.substr(start, end - start);
}

} // namespace

void assign_valence(const Program& program, Workspace::State& ws, const UnitScanner& scanner,
                    std::string_view text, std::size_t unit_start, std::vector<Coding>& codings,
                    std::size_t first, std::string* trace) {
  // Scratch kept in the workspace: this runs for every coded unit.
  std::vector<Occurrence>& obstacles = ws.obstacles;
  std::vector<Occurrence>& supports = ws.supports;
  std::vector<Occurrence>& negations = ws.negations;
  obstacles.clear();
  supports.clear();
  negations.clear();
  if (program.obstacle_root != k_none)
    scanner.eval(program.obstacle_root, &obstacles);
  if (program.support_root != k_none)
    scanner.eval(program.support_root, &supports);
  if (obstacles.empty() && supports.empty()) {
    if (trace)
      *trace += "  no obstacle or support cue in the unit → neutral\n";
    return;
  }
  if (program.negation_root != k_none)
    scanner.eval(program.negation_root, &negations);

  std::vector<text::Span>& sentences = ws.sentence_spans;
  sentences.clear();
  if (program.sentence_scope && trace) {
    sentences = ws.sentences.sentences(text); // numbered in the explanation
  } else if (program.sentence_scope) {
    // Only sentences holding a cue, a negation or evidence matter: segment from the first
    // of them to the last.
    std::size_t from = text.size();
    std::size_t to = 0;
    auto cover = [&](const std::vector<Occurrence>& occurrences) {
      for (const Occurrence& o : occurrences) {
        from = std::min(from, o.start);
        to = std::max(to, o.end);
      }
    };
    cover(obstacles);
    cover(supports);
    cover(negations);
    for (std::size_t k = first; k < codings.size(); ++k)
      cover(ws.evidence[k - first]);
    if (from < to)
      ws.sentences.sentences(text, from, to, sentences);
  }
  if (sentences.empty())
    sentences.push_back({0, text.size()});
  auto sentence_of = [&](const Occurrence& o) {
    auto it =
        std::upper_bound(sentences.begin(), sentences.end(), o.start,
                         [](std::size_t s, const text::Span& span) { return s < span.start; });
    return it == sentences.begin() ? std::size_t{0}
                                   : static_cast<std::size_t>(it - sentences.begin()) - 1;
  };
  const auto window = static_cast<std::size_t>(program.negation_window);

  for (std::size_t k = first; k < codings.size(); ++k) {
    const std::vector<Occurrence>& evidence = ws.evidence[k - first];
    std::vector<ValenceVerdict>& verdicts = ws.verdicts;
    verdicts.assign(sentences.size(), ValenceVerdict{});
    auto consider = [&](const Occurrence& cue, bool is_obstacle) {
      std::size_t s = sentence_of(cue);
      std::size_t distance = std::numeric_limits<std::size_t>::max();
      for (const Occurrence& m : evidence)
        if (sentence_of(m) == s)
          distance = std::min(distance, token_gap(cue, m));
      if (distance == std::numeric_limits<std::size_t>::max())
        return; // the code's evidence is not in this cue's sentence
      ValenceVerdict v;
      v.found = true;
      v.distance = distance;
      v.cue = cue;
      v.cue_is_obstacle = is_obstacle;
      for (const Occurrence& n : negations) {
        if (n.last < cue.first && cue.first - n.last <= window && sentence_of(n) == s &&
            (!v.negated || n.last > v.negation.last)) {
          v.negated = true;
          v.negation = n;
        }
      }
      v.obstacle = is_obstacle != v.negated;
      if (trace)
        *trace +=
            fmt::format("  sentence {}: {} cue \"{}\"{}, {} token{} from the match → {}\n", s + 1,
                        is_obstacle ? "obstacle" : "support", excerpt(text, cue.start, cue.end),
                        v.negated ? fmt::format(" negated by \"{}\"",
                                                excerpt(text, v.negation.start, v.negation.end))
                                  : "",
                        distance, distance == 1 ? "" : "s", v.obstacle ? "obstacle" : "support");
      if (better(v, verdicts[s]))
        verdicts[s] = v;
    };
    for (const Occurrence& cue : obstacles)
      consider(cue, true);
    for (const Occurrence& cue : supports)
      consider(cue, false);

    Coding& coding = codings[k];
    const ValenceVerdict* decisive = nullptr;
    std::size_t decisive_sentence = 0;
    for (bool want_obstacle : {true, false}) {
      for (std::size_t s = 0; s < verdicts.size() && !decisive; ++s) {
        if (verdicts[s].found && verdicts[s].obstacle == want_obstacle) {
          decisive = &verdicts[s];
          decisive_sentence = s;
        }
      }
    }
    if (!decisive) {
      if (trace)
        *trace += "  no cue in a sentence with the match → neutral\n";
      continue;
    }
    coding.valence = decisive->obstacle ? Valence::obstacle : Valence::support;
    coding.has_cue = true;
    coding.cue_negated = decisive->negated;
    coding.cue = {unit_start + (decisive->negated ? decisive->negation.start : decisive->cue.start),
                  unit_start + decisive->cue.end};
    if (trace)
      *trace +=
          fmt::format("  → {}: decided by \"{}\" in sentence {}\n", to_string(coding.valence),
                      excerpt(text, coding.cue.start - unit_start, coding.cue.end - unit_start),
                      decisive_sentence + 1);
  }
}

} // namespace koda::coding::detail
