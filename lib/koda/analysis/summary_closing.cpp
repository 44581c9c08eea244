// The closing paragraph of a summary, written from the numbers alone.
//
// A count of coded units says how often a factor is *mentioned* as an obstacle, not how
// much it hindered anything, so the paragraph never says "caused" or "the main cause": it
// names the most frequently mentioned obstacle with its units and its informant and
// document coverage, names a runner-up only when it comes close (at least 80% of the
// leader's obstacle units), since a reader would otherwise take a narrow lead for a clear
// one, and treats equal counts as a tie rather than letting codebook order pick a winner.
// Within the leading factor it does the same for its children, because that is where a
// study's conclusion usually lies (human resources within resources). Supporting factors
// are those with more support than obstacle units. The last sentence says what the
// numbers can and cannot show. Indonesian follows the register of a skripsi chapter.

#include "koda/analysis/summary.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace koda::analysis {
namespace {

using Factors = std::vector<SummaryFactor>;

bool indonesian(const Summary& s) { return s.language == SummaryLanguage::id; }

// `n unit(s)` with the noun after it: Indonesian nouns do not inflect for number.
std::string count_of(std::uint64_t n, std::string_view singular, std::string_view plural) {
  return fmt::format("{} {}", n, n == 1 ? singular : plural);
}

std::string obstacle_units(const Summary& s, std::uint64_t n) {
  return indonesian(s) ? fmt::format("{} unit bermuatan hambatan", n)
                       : count_of(n, "obstacle unit", "obstacle units");
}

std::string units(const Summary& s, std::uint64_t n) {
  return indonesian(s) ? fmt::format("{} unit", n) : count_of(n, "unit", "units");
}

// `A`, `A dan B`, `A, B dan C` (English: `and`).
std::string joined(const Summary& s, const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0)
      out += i + 1 == items.size() ? (indonesian(s) ? " dan " : " and ") : ", ";
    out += items[i];
  }
  return out;
}

// How widely `f` is mentioned: its informants (when the run has any) and documents.
std::string coverage(const Summary& s, const SummaryFactor& f) {
  if (s.informants_total == 0)
    return indonesian(s)
               ? fmt::format("disebut dalam {} dari {} dokumen", f.documents, s.documents_total)
               : fmt::format("mentioned in {} of {} documents", f.documents, s.documents_total);
  if (indonesian(s))
    return fmt::format("disebut oleh {} dari {} informan dalam {} dari {} dokumen", f.informants,
                       s.informants_total, f.documents, s.documents_total);
  return fmt::format("mentioned by {} of {} in {} of {} documents", f.informants,
                     count_of(s.informants_total, "informant", "informants"), f.documents,
                     s.documents_total);
}

// The factors sharing the most obstacle units (at least one), and the next one when it
// comes within 80% of them.
struct Leaders {
  std::vector<const SummaryFactor*> top;
  const SummaryFactor* runner_up = nullptr;
};

Leaders leaders(const Factors& ranked) {
  Leaders l;
  if (ranked.empty() || ranked.front().obstacle_units == 0)
    return l;
  const std::uint64_t most = ranked.front().obstacle_units;
  std::size_t i = 0;
  for (; i < ranked.size() && ranked[i].obstacle_units == most; ++i)
    l.top.push_back(&ranked[i]);
  if (l.top.size() == 1 && i < ranked.size() && ranked[i].obstacle_units > 0 &&
      ranked[i].obstacle_units * 5 >= most * 4)
    l.runner_up = &ranked[i];
  return l;
}

std::vector<std::string> labels(const std::vector<const SummaryFactor*>& factors) {
  std::vector<std::string> out;
  for (const SummaryFactor* f : factors)
    out.push_back(f->label);
  return out;
}

std::string top_obstacle(const Summary& s, const Leaders& l) {
  if (l.top.size() > 1)
    return indonesian(s)
               ? fmt::format(
                     "Faktor penghambat yang paling sering disebut adalah {}, masing-masing "
                     "dengan {}.",
                     joined(s, labels(l.top)), obstacle_units(s, l.top[0]->obstacle_units))
               : fmt::format("The most frequently mentioned obstacles are {}, with {} each.",
                             joined(s, labels(l.top)), obstacle_units(s, l.top[0]->obstacle_units));
  const SummaryFactor& f = *l.top[0];
  std::string out =
      indonesian(s)
          ? fmt::format("Faktor penghambat yang paling sering disebut adalah {} ({}; {}).", f.label,
                        obstacle_units(s, f.obstacle_units), coverage(s, f))
          : fmt::format("The most frequently mentioned obstacle is {} ({}; {}).", f.label,
                        obstacle_units(s, f.obstacle_units), coverage(s, f));
  if (const SummaryFactor* r = l.runner_up)
    out += indonesian(s) ? fmt::format(" {} menyusul dengan selisih kecil ({}; {}).", r->label,
                                       obstacle_units(s, r->obstacle_units), coverage(s, *r))
                         : fmt::format(" {} follows closely ({}; {}).", r->label,
                                       obstacle_units(s, r->obstacle_units), coverage(s, *r));
  return out;
}

// Which child of the leading factor is mentioned most as an obstacle, if it has children.
std::string top_child(const Summary& s, const SummaryFactor& parent) {
  const Leaders l = leaders(parent.children);
  if (l.top.empty())
    return {};
  if (l.top.size() > 1)
    return indonesian(s)
               ? fmt::format(" Di dalam faktor {}, {} sama seringnya disebut sebagai penghambat "
                             "({} masing-masing).",
                             parent.label, joined(s, labels(l.top)),
                             units(s, l.top[0]->obstacle_units))
               : fmt::format(" Within {}, {} are mentioned equally often as obstacles ({} each).",
                             parent.label, joined(s, labels(l.top)),
                             units(s, l.top[0]->obstacle_units));
  const SummaryFactor& c = *l.top[0];
  std::string out =
      indonesian(s)
          ? fmt::format(" Di dalam faktor {}, yang paling sering disebut sebagai penghambat adalah "
                        "{} ({}",
                        parent.label, c.label, units(s, c.obstacle_units))
          : fmt::format(" Within {}, the most frequently mentioned obstacle is {} ({}",
                        parent.label, c.label, units(s, c.obstacle_units));
  if (const SummaryFactor* r = l.runner_up)
    out += indonesian(s) ? fmt::format("), disusul dengan selisih kecil oleh {} ({}", r->label,
                                       units(s, r->obstacle_units))
                         : fmt::format("), closely followed by {} ({}", r->label,
                                       units(s, r->obstacle_units));
  return out + ").";
}

// The top-level factors with more support than obstacle units, most support first.
std::string supporters(const Summary& s) {
  std::vector<const SummaryFactor*> found;
  for (const SummaryFactor& f : s.ranking)
    if (f.support_units > f.obstacle_units)
      found.push_back(&f);
  std::stable_sort(found.begin(), found.end(), [](const SummaryFactor* a, const SummaryFactor* b) {
    return a->support_units > b->support_units;
  });
  if (found.empty())
    return indonesian(s) ? " Tidak ada faktor yang lebih sering disebut sebagai pendukung "
                           "daripada sebagai penghambat."
                         : " No factor is mentioned more often as a support than as an obstacle.";
  std::vector<std::string> items;
  for (const SummaryFactor* f : found)
    items.push_back(indonesian(s) ? fmt::format("{} ({} unit pendukung, {} unit hambatan)",
                                                f->label, f->support_units, f->obstacle_units)
                                  : fmt::format("{} ({} support, {})", f->label, f->support_units,
                                                obstacle_units(s, f->obstacle_units)));
  if (indonesian(s))
    return fmt::format(" Faktor yang terutama disebut sebagai pendukung pelaksanaan, dengan unit "
                       "pendukung lebih banyak daripada unit hambatan, adalah {}.",
                       joined(s, items));
  return fmt::format(" The {} mentioned mainly as supporting implementation, with more support "
                     "than obstacle units, {} {}.",
                     found.size() == 1 ? "factor" : "factors", found.size() == 1 ? "is" : "are",
                     joined(s, items));
}

std::string caveat(const Summary& s) {
  return indonesian(s) ? " Angka-angka ini menunjukkan seberapa sering suatu faktor disebut dalam "
                         "dokumen, bukan seberapa besar pengaruhnya terhadap pelaksanaan."
                       : " These counts show how often a factor is mentioned in the documents, "
                         "not how strongly it affected implementation.";
}

bool any_codings(const Summary& s) {
  return std::any_of(s.ranking.begin(), s.ranking.end(),
                     [](const SummaryFactor& f) { return f.units > 0; });
}

} // namespace

std::string closing_statement(const Summary& summary) {
  const Summary& s = summary;
  if (!any_codings(s))
    return indonesian(s) ? fmt::format("Tidak ada unit dari {} dokumen yang dianalisis yang dikode "
                                       "dengan salah satu faktor, sehingga belum ada temuan yang "
                                       "dapat diringkas.",
                                       s.documents_total)
                         : fmt::format("No unit of the {} analysed was coded with any factor, so "
                                       "there are no findings to summarise.",
                                       count_of(s.documents_total, "document", "documents"));
  const Leaders l = leaders(s.ranking);
  std::string out;
  if (l.top.empty())
    out = indonesian(s) ? "Tidak ada faktor yang disebut sebagai penghambat dalam dokumen yang "
                          "dianalisis."
                        : "No factor is described as an obstacle in the documents analysed.";
  else
    out = top_obstacle(s, l) + (l.top.size() == 1 ? top_child(s, *l.top[0]) : std::string());
  return out + supporters(s) + caveat(s);
}

} // namespace koda::analysis
